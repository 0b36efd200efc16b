// CVE-2025-59160 / CVE-2025-59161: a room that names someone else's room as its predecessor must
// neither hide that room nor take it along when it is left. Real js-sdk rooms and client, no network.
import { createClient, EventType, MatrixClient, MatrixEvent, MemoryStore, Room } from "matrix-js-sdk/src/matrix";
import { RoomListStoreClass } from "matrix-react-sdk/src/stores/room-list/RoomListStore";
import { RoomUpdateCause } from "matrix-react-sdk/src/stores/room-list/models";

import { installSdkHardening } from "../../src/security/installSdkHardening";
import { isVerifiedUpgrade } from "../../src/security/roomUpgradeLinks";

const ME = "@alice:example.org";

function stateEvent(roomId: string, type: string, content: Record<string, unknown>): MatrixEvent {
    return new MatrixEvent({ type, state_key: "", content, room_id: roomId, sender: ME, event_id: `$${type}-${roomId}` });
}

/** A room in the client's store, created (optionally naming a predecessor) and optionally tombstoned. */
function addRoom(client: MatrixClient, roomId: string, opts: { predecessor?: string; replacedBy?: string } = {}): Room {
    const room = new Room(roomId, client, ME);
    const create = opts.predecessor ? { predecessor: { room_id: opts.predecessor, event_id: "$x" } } : {};
    const events = [stateEvent(roomId, EventType.RoomCreate, { creator: ME, ...create })];
    if (opts.replacedBy) events.push(stateEvent(roomId, EventType.RoomTombstone, { replacement_room: opts.replacedBy }));
    room.currentState.setStateEvents(events);
    client.store.storeRoom(room);
    return room;
}

/**
 * The victim's room #payroll was upgraded once, properly, to #payroll-v2 (tombstone and predecessor
 * agree). Mallory creates #bait naming #payroll-v2 as its predecessor, and #bait2 naming #payroll.
 */
function scenario(): MatrixClient {
    const client = createClient({ baseUrl: "https://matrix.example.org", userId: ME, store: new MemoryStore() });
    addRoom(client, "!payroll:example.org", { replacedBy: "!payroll-v2:example.org" });
    addRoom(client, "!payroll-v2:example.org", { predecessor: "!payroll:example.org" });
    addRoom(client, "!bait:evil.example", { predecessor: "!payroll-v2:example.org" });
    addRoom(client, "!bait2:evil.example", { predecessor: "!payroll:example.org" });
    addRoom(client, "!tombstoned-alone:example.org", { replacedBy: "!elsewhere:example.org" });
    addRoom(client, "!claims-tombstoned:evil.example", { predecessor: "!tombstoned-alone:example.org" });
    return client;
}

const ids = (rooms: Room[]): string[] => rooms.map((r) => r.roomId).sort();

/** Leaves `roomId`'s chain with a recording stand-in for the server call; returns the rooms left. */
async function roomsLeftBy(client: MatrixClient, roomId: string): Promise<string[]> {
    const left: string[] = [];
    jest.spyOn(client, "leave").mockImplementation(async (id: string) => {
        left.push(id);
        return {};
    });
    await client.leaveRoomChain(roomId);
    return left.sort();
}

/** Runs the room list's membership handler for a join of `room`, with a recording algorithm. */
async function joinInRoomList(client: MatrixClient, room: Room): Promise<{ removed: string[]; added: string[] }> {
    const removed: string[] = [];
    const added: string[] = [];
    const store = {
        matrixClient: client,
        msc3946ProcessDynamicPredecessor: false,
        algorithm: {
            stickyRoom: null,
            setStickyRoom: (): void => {},
            handleRoomUpdate: (r: Room, cause: RoomUpdateCause): void => {
                if (cause === RoomUpdateCause.RoomRemoved) removed.push(r.roomId);
            },
        },
        handleRoomUpdate: async (r: Room, cause: RoomUpdateCause): Promise<void> => {
            if (cause === RoomUpdateCause.NewRoom) added.push(r.roomId);
        },
        updateFn: { trigger: (): void => {} },
    };
    const payload = { room, membership: "join", oldMembership: "invite" };
    await RoomListStoreClass.prototype.onDispatchMyMembership.call(store as unknown as RoomListStoreClass, payload);
    return { removed, added };
}

describe("room upgrade links in the SDK as shipped (the advisories)", () => {
    afterEach(() => jest.restoreAllMocks());

    it("a forged predecessor claim hides a tombstoned room it does not replace", () => {
        const visible = ids(scenario().getVisibleRooms());
        expect(visible).not.toContain("!tombstoned-alone:example.org");
    });

    it("leaving a forged room also leaves the room it claims as history", async () => {
        const client = scenario();
        expect(await roomsLeftBy(client, "!bait:evil.example")).toContain("!payroll-v2:example.org");
    });

    it("joining a forged room drops the claimed room from the room list", async () => {
        const client = scenario();
        const { removed } = await joinInRoomList(client, client.getRoom("!bait:evil.example")!);
        expect(removed).toEqual(["!payroll-v2:example.org"]);
    });
});

describe("room upgrade links with Atrium's hardening", () => {
    beforeAll(installSdkHardening);
    afterEach(() => jest.restoreAllMocks());

    it("hides only rooms replaced by a verified upgrade", () => {
        expect(ids(scenario().getVisibleRooms())).toEqual([
            "!bait2:evil.example",
            "!bait:evil.example",
            "!claims-tombstoned:evil.example",
            "!payroll-v2:example.org",
            "!tombstoned-alone:example.org",
        ]);
    });

    it("leaving a forged room leaves that room alone", async () => {
        const client = scenario();
        expect(await roomsLeftBy(client, "!bait:evil.example")).toEqual(["!bait:evil.example"]);
        expect(await roomsLeftBy(client, "!bait2:evil.example")).toEqual(["!bait2:evil.example"]);
    });

    it("leaving a genuinely upgraded room still leaves its whole history", async () => {
        const client = scenario();
        expect(await roomsLeftBy(client, "!payroll-v2:example.org")).toEqual(["!payroll-v2:example.org", "!payroll:example.org"]);
    });

    it("joining a forged room adds it and keeps the claimed room in the list", async () => {
        const client = scenario();
        const { removed, added } = await joinInRoomList(client, client.getRoom("!bait:evil.example")!);
        expect(removed).toEqual([]);
        expect(added).toEqual(["!bait:evil.example"]);
    });

    it("joining a genuine upgrade still replaces the old room in the list", async () => {
        const client = scenario();
        const { removed } = await joinInRoomList(client, client.getRoom("!payroll-v2:example.org")!);
        expect(removed).toEqual(["!payroll:example.org"]);
    });

    it("verifies both directions of a link", () => {
        const client = scenario();
        const room = (id: string): Room => client.getRoom(id)!;
        expect(isVerifiedUpgrade(room("!payroll:example.org"), room("!payroll-v2:example.org"), false)).toBe(true);
        expect(isVerifiedUpgrade(room("!payroll:example.org"), room("!bait2:evil.example"), false)).toBe(false);
        expect(isVerifiedUpgrade(room("!payroll-v2:example.org"), room("!bait:evil.example"), false)).toBe(false);
    });
});
