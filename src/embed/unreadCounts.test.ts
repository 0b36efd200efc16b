import { countsChanged, type CountedRoom, unreadCounts } from "./unreadCounts";

function room(roomId: string, total: number, highlight: number, membership = "join"): CountedRoom {
    return {
        roomId,
        getMyMembership: () => membership,
        getUnreadNotificationCount: (type = "total") => (type === "total" ? total : highlight),
    };
}

describe("unreadCounts", () => {
    it("sums joined rooms and reports the room on screen", () => {
        const rooms = [
            room("!a:x", 3, 1),
            room("!b:x", 2, 0),
            room("!c:x", 5, 5, "invite"),
            room("!d:x", 7, 0, "leave"),
        ];
        expect(unreadCounts(rooms, "!b:x")).toEqual({
            total: { count: 5, highlight: 1 },
            room: { room_id: "!b:x", count: 2, highlight: 0 },
        });
    });

    it("has no room entry when no room is on screen or it is unknown", () => {
        expect(unreadCounts([room("!a:x", 1, 0)], null).room).toBeNull();
        expect(unreadCounts([room("!a:x", 1, 0)], "!zz:x").room).toBeNull();
        expect(unreadCounts([], null).total).toEqual({ count: 0, highlight: 0 });
    });

    it("tells a change from the same reading", () => {
        const first = unreadCounts([room("!a:x", 1, 0)], "!a:x");
        expect(countsChanged(null, first)).toBe(true);
        expect(countsChanged(first, unreadCounts([room("!a:x", 1, 0)], "!a:x"))).toBe(false);
        expect(countsChanged(first, unreadCounts([room("!a:x", 2, 0)], "!a:x"))).toBe(true);
    });
});
