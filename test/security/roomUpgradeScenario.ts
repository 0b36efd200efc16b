// The rooms of the room-upgrade advisories' tests (CVE-2025-59160 / CVE-2025-59161): real js-sdk
// rooms and client, no network. Shared by the test of the SDK as shipped and the test of Atrium's
// hardening, which run in separate files because the hardening, once installed, stays installed.
import { createClient, EventType, MatrixClient, MatrixEvent, MemoryStore, Room } from "matrix-js-sdk/src/matrix";
import { RoomListStoreClass } from "matrix-react-sdk/src/stores/room-list/RoomListStore";
import { RoomUpdateCause } from "matrix-react-sdk/src/stores/room-list/models";

export const ME = "@alice:example.org";

export function stateEvent(roomId: string, type: string, content: Record<string, unknown>): MatrixEvent {
    return new MatrixEvent({
        type,
        state_key: "",
        content,
        room_id: roomId,
        sender: ME,
        event_id: `$${type}-${roomId}`,
    });
}

interface RoomLinks {
    /** Named in the create event. */
    predecessor?: string;
    /** Named in an MSC3946 dynamic predecessor event (read only when dynamic predecessors are on). */
    dynamicPredecessor?: string;
    /** Named by this room's tombstone. */
    replacedBy?: string;
}

/** A room in the client's store, created (optionally naming a predecessor) and optionally tombstoned. */
function addRoom(client: MatrixClient, roomId: string, opts: RoomLinks = {}): Room {
    const room = new Room(roomId, client, ME);
    const create = opts.predecessor ? { predecessor: { room_id: opts.predecessor, event_id: "$x" } } : {};
    const events = [stateEvent(roomId, EventType.RoomCreate, { creator: ME, ...create })];
    if (opts.replacedBy)
        events.push(stateEvent(roomId, EventType.RoomTombstone, { replacement_room: opts.replacedBy }));
    if (opts.dynamicPredecessor) {
        events.push(stateEvent(roomId, EventType.RoomPredecessor, { predecessor_room_id: opts.dynamicPredecessor }));
    }
    room.currentState.setStateEvents(events);
    client.store.storeRoom(room);
    return room;
}

/**
 * The victim's room #payroll was upgraded once, properly, to #payroll-v2 (tombstone and predecessor
 * agree). Mallory creates #bait naming #payroll-v2 as its predecessor, and #bait2 naming #payroll.
 * #notes was upgraded to #notes-v2 through a dynamic predecessor (MSC3946), which #dyn-bait forges.
 * #tombstone-liar's tombstone names #lunch, which names no predecessor: a link from the old side only.
 */
export function scenario(): MatrixClient {
    const client = createClient({ baseUrl: "https://matrix.example.org", userId: ME, store: new MemoryStore() });
    addRoom(client, "!payroll:example.org", { replacedBy: "!payroll-v2:example.org" });
    addRoom(client, "!payroll-v2:example.org", { predecessor: "!payroll:example.org" });
    addRoom(client, "!bait:evil.example", { predecessor: "!payroll-v2:example.org" });
    addRoom(client, "!bait2:evil.example", { predecessor: "!payroll:example.org" });
    addRoom(client, "!tombstoned-alone:example.org", { replacedBy: "!elsewhere:example.org" });
    addRoom(client, "!claims-tombstoned:evil.example", { predecessor: "!tombstoned-alone:example.org" });
    addRoom(client, "!notes:example.org", { replacedBy: "!notes-v2:example.org" });
    addRoom(client, "!notes-v2:example.org", { dynamicPredecessor: "!notes:example.org" });
    addRoom(client, "!dyn-bait:evil.example", { dynamicPredecessor: "!tombstoned-alone:example.org" });
    addRoom(client, "!tombstone-liar:evil.example", { replacedBy: "!lunch:example.org" });
    addRoom(client, "!lunch:example.org");
    return client;
}

export const ids = (rooms: Room[]): string[] => rooms.map((r) => r.roomId).sort();

/** Every room in the scenario, for "all but" expectations. */
const ALL_ROOMS = ids(scenario().getRooms());
export const allBut = (...hidden: string[]): string[] => ALL_ROOMS.filter((id) => !hidden.includes(id));

/** Leaves `roomId`'s chain with a recording stand-in for the server call; returns the rooms left. */
export async function roomsLeftBy(client: MatrixClient, roomId: string): Promise<string[]> {
    jest.restoreAllMocks();
    const left: string[] = [];
    jest.spyOn(client, "leave").mockImplementation(async (id: string) => {
        left.push(id);
        return {};
    });
    await client.leaveRoomChain(roomId);
    return left.sort();
}

/** Runs the room list's membership handler for a join of `room`, with a recording algorithm. */
export async function joinInRoomList(
    client: MatrixClient,
    room: Room,
    dynamicPredecessors = false,
    change: { membership: string; oldMembership?: string } = { membership: "join", oldMembership: "invite" },
): Promise<{ removed: string[]; added: string[]; otherUpdates: string[] }> {
    const removed: string[] = [];
    const added: string[] = [];
    const otherUpdates: string[] = [];
    const store = {
        matrixClient: client,
        msc3946ProcessDynamicPredecessor: dynamicPredecessors,
        algorithm: {
            stickyRoom: null,
            setStickyRoom: (): void => {},
            handleRoomUpdate: (r: Room, cause: RoomUpdateCause): void => {
                if (cause === RoomUpdateCause.RoomRemoved) removed.push(r.roomId);
            },
        },
        handleRoomUpdate: async (r: Room, cause: RoomUpdateCause): Promise<void> => {
            if (cause === RoomUpdateCause.NewRoom) added.push(r.roomId);
            else otherUpdates.push(`${r.roomId} ${cause}`);
        },
        updateFn: { trigger: (): void => {} },
    };
    const payload = { room, ...change };
    await RoomListStoreClass.prototype.onDispatchMyMembership.call(store as unknown as RoomListStoreClass, payload);
    return { removed, added, otherUpdates };
}
