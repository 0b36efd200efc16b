// The bench's company, made locally (no homeserver): by default 50 departments with 9 teams each
// (500 spaces), 20 rooms in every space (10,000 rooms), all joined, in a MatrixClient that never
// connects. Fewer departments make a smaller company of the same shape (5: 1,000 rooms in 50 spaces).
import {
    createClient,
    MatrixEvent,
    MemoryStore,
    PendingEventOrdering,
    Room,
    type MatrixClient,
} from "matrix-js-sdk/src/matrix";
import { KnownMembership } from "matrix-js-sdk/src/types";

export const DEPARTMENTS = 50;
export const TEAMS_PER_DEPARTMENT = 9;
export const ROOMS_PER_SPACE = 20;
export const USER_ID = "@bench:localhost";

let eventCounter = 0;
function stateEvent(roomId: string, type: string, stateKey: string, content: object): MatrixEvent {
    return new MatrixEvent({
        type,
        state_key: stateKey,
        content,
        room_id: roomId,
        sender: USER_ID,
        event_id: `$bench${++eventCounter}`,
        origin_server_ts: 1_700_000_000_000 + eventCounter,
    });
}

function makeRoom(client: MatrixClient, roomId: string, name: string, isSpace: boolean, children: string[] = []): Room {
    // Detached pending events, as Element runs its client (the room list asks for them).
    const room = new Room(roomId, client, USER_ID, { pendingEventOrdering: PendingEventOrdering.Detached });
    const events = [
        stateEvent(roomId, "m.room.create", "", {
            creator: USER_ID,
            room_version: "10",
            ...(isSpace ? { type: "m.space" } : {}),
        }),
        stateEvent(roomId, "m.room.name", "", { name }),
        stateEvent(roomId, "m.room.member", USER_ID, { membership: "join", displayname: "Bench" }),
        stateEvent(roomId, "m.room.power_levels", "", {
            users: { [USER_ID]: 100 },
            events_default: 0,
            state_default: 50,
        }),
        ...children.map((child, i) =>
            stateEvent(roomId, "m.space.child", child, { via: ["localhost"], order: String(i).padStart(4, "0") }),
        ),
    ];
    room.currentState.setStateEvents(events);
    room.recalculate();
    room.updateMyMembership(KnownMembership.Join);
    client.store.storeRoom(room);
    return room;
}

/** The client with every room in its store; returns how many rooms and spaces it made. */
export function buildCompany(departments = DEPARTMENTS): { client: MatrixClient; rooms: number; spaces: number } {
    const client = createClient({
        baseUrl: "http://127.0.0.1:9", // never contacted: the client is not started
        userId: USER_ID,
        deviceId: "BENCH",
        accessToken: "bench",
        store: new MemoryStore(),
    });
    // The store ends up holding every room, as after a first sync; say so to whoever asks (the
    // navigator builds its tree only once the first sync is done).
    client.isInitialSyncComplete = (): boolean => true;
    let rooms = 0;
    let spaces = 0;
    const roomsOf = (prefix: string, label: string): string[] => {
        const ids: string[] = [];
        for (let r = 1; r <= ROOMS_PER_SPACE; r++) {
            const id = `!${prefix}-r${r}:localhost`;
            makeRoom(client, id, `${label} room ${r}`, false);
            ids.push(id);
            rooms++;
        }
        return ids;
    };
    for (let d = 1; d <= departments; d++) {
        const teamIds: string[] = [];
        for (let t = 1; t <= TEAMS_PER_DEPARTMENT; t++) {
            const id = `!d${d}-t${t}:localhost`;
            makeRoom(client, id, `Team ${d}.${t}`, true, roomsOf(`d${d}-t${t}`, `Team ${d}.${t}`));
            teamIds.push(id);
            spaces++;
        }
        makeRoom(client, `!d${d}:localhost`, `Department ${d}`, true, [
            ...teamIds,
            ...roomsOf(`d${d}`, `Department ${d}`),
        ]);
        spaces++;
    }
    return { client, rooms, spaces };
}
