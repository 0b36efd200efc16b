import { createClient, MatrixEvent, Room } from "matrix-js-sdk/src/matrix";
import { MatrixClientPeg } from "matrix-react-sdk/src/MatrixClientPeg";

import { memberServers, serverOfUserId } from "./roomMembers";

const ME = "@me:company.example";

function member(userId: string, membership: string): MatrixEvent {
    return new MatrixEvent({
        type: "m.room.member",
        room_id: "!r:company.example",
        state_key: userId,
        sender: userId,
        content: { membership },
        event_id: `$${userId}${membership}`,
    });
}

describe("member servers", () => {
    afterEach(() => jest.restoreAllMocks());

    it("takes the server part of a user ID, and none from something that is not one", () => {
        expect(serverOfUserId("@a:example.org:8448")).toBe("example.org:8448");
        expect(serverOfUserId("nobody")).toBeNull();
        expect(serverOfUserId("@trailing:")).toBeNull();
    });

    it("lists the servers of joined and invited members only, once each, and nothing for a room not joined", () => {
        const client = createClient({ baseUrl: "https://company.example", userId: ME });
        jest.spyOn(MatrixClientPeg, "get").mockReturnValue(client);
        const room = new Room("!r:company.example", client, ME);
        room.currentState.setStateEvents([
            member(ME, "join"),
            member("@colleague:company.example", "join"),
            member("@guest:partner.example", "invite"),
            member("@gone:left.example", "leave"),
            member("@banned:banned.example", "ban"),
        ]);
        client.store.storeRoom(room);
        expect(memberServers(room.roomId)).toBeNull(); // not joined yet
        room.updateMyMembership("join");
        expect(memberServers(room.roomId)?.sort()).toEqual(["company.example", "partner.example"]);
        expect(memberServers("!unknown:company.example")).toBeNull();
    });
});
