// CVE-2025-59160 / CVE-2025-59161: a room that names someone else's room as its predecessor must
// neither hide that room nor take it along when it is left. Real js-sdk rooms and client, no network.
// The SDK as shipped, without the hardening: roomUpgradeLinks.shipped.test.ts.
import { MatrixClient, Room } from "matrix-js-sdk/src/matrix";
import { RoomListStoreClass } from "matrix-react-sdk/src/stores/room-list/RoomListStore";
import { RoomUpdateCause } from "matrix-react-sdk/src/stores/room-list/models";

import { installSdkHardening } from "../../src/security/installSdkHardening";
import { isVerifiedUpgrade } from "../../src/security/roomUpgradeLinks";
import { allBut, ids, joinInRoomList, roomsLeftBy, scenario } from "./roomUpgradeScenario";

describe("room upgrade links with Atrium's hardening", () => {
    beforeAll(installSdkHardening);
    afterEach(() => jest.restoreAllMocks());

    it("is installed once: installing again wraps nothing twice", () => {
        const installed = [
            MatrixClient.prototype.getVisibleRooms,
            MatrixClient.prototype.getRoomUpgradeHistory,
            RoomListStoreClass.prototype.onDispatchMyMembership,
        ];
        installSdkHardening();
        expect([
            MatrixClient.prototype.getVisibleRooms,
            MatrixClient.prototype.getRoomUpgradeHistory,
            RoomListStoreClass.prototype.onDispatchMyMembership,
        ]).toEqual(installed);
    });

    it("hides only rooms replaced by a verified upgrade", () => {
        expect(ids(scenario().getVisibleRooms())).toEqual(allBut("!payroll:example.org"));
        // The default is the create event's predecessor only.
        expect(ids(scenario().getVisibleRooms(false))).toEqual(allBut("!payroll:example.org"));
    });

    it("with dynamic predecessors on, hides a room replaced through one, and only such a room", () => {
        expect(ids(scenario().getVisibleRooms(true))).toEqual(allBut("!payroll:example.org", "!notes:example.org"));
    });

    it("leaving a forged room leaves that room alone", async () => {
        const client = scenario();
        expect(await roomsLeftBy(client, "!bait:evil.example")).toEqual(["!bait:evil.example"]);
        expect(await roomsLeftBy(client, "!bait2:evil.example")).toEqual(["!bait2:evil.example"]);
    });

    it("leaving a genuinely upgraded room still leaves its whole history", async () => {
        const client = scenario();
        expect(await roomsLeftBy(client, "!payroll-v2:example.org")).toEqual([
            "!payroll-v2:example.org",
            "!payroll:example.org",
        ]);
        // From the old end too: the walk forwards follows the tombstone the new room confirms.
        expect(await roomsLeftBy(client, "!payroll:example.org")).toEqual([
            "!payroll-v2:example.org",
            "!payroll:example.org",
        ]);
        // A tombstone that the room it names does not confirm is not followed.
        expect(await roomsLeftBy(client, "!tombstone-liar:evil.example")).toEqual(["!tombstone-liar:evil.example"]);
    });

    it("the upgrade history follows dynamic predecessors when asked to, and verifies them", () => {
        const client = scenario();
        const history = (roomId: string, dynamic: boolean): string[] =>
            ids(client.getRoomUpgradeHistory(roomId, false, dynamic));
        expect(history("!notes-v2:example.org", true)).toEqual(["!notes-v2:example.org", "!notes:example.org"]);
        expect(history("!notes-v2:example.org", false)).toEqual(["!notes-v2:example.org"]);
        expect(history("!dyn-bait:evil.example", true)).toEqual(["!dyn-bait:evil.example"]);
        // Unless asked, only the create event's predecessor counts, as in the js-sdk.
        expect(ids(client.getRoomUpgradeHistory("!notes-v2:example.org"))).toEqual(["!notes-v2:example.org"]);
    });

    it("joining a forged room adds it and keeps the claimed room in the list", async () => {
        const client = scenario();
        const { removed, added } = await joinInRoomList(client, client.getRoom("!bait:evil.example")!);
        expect(removed).toEqual([]);
        expect(added).toEqual(["!bait:evil.example"]);
    });

    it("joining a genuine upgrade still replaces the old room in the list", async () => {
        const client = scenario();
        const { removed, added } = await joinInRoomList(client, client.getRoom("!payroll-v2:example.org")!);
        expect(removed).toEqual(["!payroll:example.org"]);
        expect(added).toEqual(["!payroll-v2:example.org"]);
    });

    it("joining through a dynamic predecessor follows the room list's dynamic setting", async () => {
        const client = scenario();
        const notesV2 = client.getRoom("!notes-v2:example.org")!;
        const outcome = async (room: Room, dynamic: boolean): Promise<{ removed: string[]; added: string[] }> => {
            const { removed, added } = await joinInRoomList(client, room, dynamic);
            return { removed, added };
        };
        expect(await outcome(notesV2, true)).toEqual({
            removed: ["!notes:example.org"],
            added: ["!notes-v2:example.org"],
        });
        expect(await outcome(notesV2, false)).toEqual({ removed: [], added: ["!notes-v2:example.org"] });
        const forged = client.getRoom("!dyn-bait:evil.example")!;
        expect(await outcome(forged, true)).toEqual({ removed: [], added: ["!dyn-bait:evil.example"] });
    });

    it("leaves every membership change but a join to the SDK's own handler", async () => {
        const client = scenario();
        const bait = client.getRoom("!bait:evil.example")!;
        // Leaving the forged room: the SDK moves it between lists, and adds nothing.
        expect(await joinInRoomList(client, bait, false, { membership: "leave", oldMembership: "join" })).toEqual({
            removed: [],
            added: [],
            otherUpdates: [`!bait:evil.example ${RoomUpdateCause.PossibleTagChange}`],
        });
        // Already joined (a profile change, say): nothing to do.
        expect(await joinInRoomList(client, bait, false, { membership: "join", oldMembership: "join" })).toEqual({
            removed: [],
            added: [],
            otherUpdates: [],
        });
        // Declining the invitation to the forged room: a move between lists, not a new room.
        expect(await joinInRoomList(client, bait, false, { membership: "leave", oldMembership: "invite" })).toEqual({
            removed: [],
            added: [],
            otherUpdates: [`!bait:evil.example ${RoomUpdateCause.PossibleTagChange}`],
        });
        // A first sync's join, with no previous membership, is a join like any other.
        expect(await joinInRoomList(client, bait, false, { membership: "join" })).toEqual({
            removed: [],
            added: ["!bait:evil.example"],
            otherUpdates: [],
        });
    });

    describe("verifies both directions of a link", () => {
        const client = scenario();
        const room = (id: string): Room => client.getRoom(id)!;

        it("accepts a link both sides make", () => {
            expect(isVerifiedUpgrade(room("!payroll:example.org"), room("!payroll-v2:example.org"), false)).toBe(true);
        });

        it("refuses a new room's claim that the old room's tombstone does not make", () => {
            expect(isVerifiedUpgrade(room("!payroll:example.org"), room("!bait2:evil.example"), false)).toBe(false);
            expect(isVerifiedUpgrade(room("!payroll-v2:example.org"), room("!bait:evil.example"), false)).toBe(false);
        });

        it("refuses an old room's tombstone that the new room does not confirm", () => {
            expect(isVerifiedUpgrade(room("!tombstone-liar:evil.example"), room("!lunch:example.org"), false)).toBe(
                false,
            );
            expect(isVerifiedUpgrade(room("!tombstone-liar:evil.example"), room("!lunch:example.org"), true)).toBe(
                false,
            );
        });

        it("reads a dynamic predecessor only when asked to", () => {
            expect(isVerifiedUpgrade(room("!notes:example.org"), room("!notes-v2:example.org"), true)).toBe(true);
            expect(isVerifiedUpgrade(room("!notes:example.org"), room("!notes-v2:example.org"), false)).toBe(false);
        });
    });
});
