// A real js-sdk client and room for component tests of the SDK's own components: the client talks
// to no server (nothing here sends a request), the room holds the state events a joined room has.
import {
    createClient,
    EventType,
    MatrixEvent,
    PendingEventOrdering,
    Room,
    type MatrixClient,
} from "matrix-js-sdk/src/matrix";
import { MatrixClientPeg } from "matrix-react-sdk/src/MatrixClientPeg";
import DMRoomMap from "matrix-react-sdk/src/utils/DMRoomMap";

import { jsonResponse } from "./fakeResponse";

export const ME = "@alice:example.org";
export const ROOM_ID = "!engineering:example.org";

let eventCount = 0;

function stateEvent(roomId: string, type: string, stateKey: string, content: Record<string, unknown>): MatrixEvent {
    return new MatrixEvent({
        type,
        state_key: stateKey,
        content,
        room_id: roomId,
        sender: ME,
        event_id: `$state${++eventCount}`,
        origin_server_ts: Date.UTC(2026, 0, 1),
    });
}

/** A client signed in as alice, put in the SDK's peg as the signed-in app has it (restore with jest.restoreAllMocks). */
export function signedInClient(): MatrixClient {
    const client = createClient({ baseUrl: "https://matrix.example.org", userId: ME, deviceId: "ALICEDEVICE" });
    jest.spyOn(MatrixClientPeg, "get").mockReturnValue(client);
    jest.spyOn(MatrixClientPeg, "safeGet").mockReturnValue(client);
    DMRoomMap.setShared(new DMRoomMap(client));
    return client;
}

/** A room alice created and joined (she holds power 100), known to the client's store. */
export function joinedRoom(client: MatrixClient, roomId = ROOM_ID, name = "Engineering"): Room {
    // Pending events kept apart, as the SDK's client is set up (MatrixClientPeg).
    const room = new Room(roomId, client, ME, { pendingEventOrdering: PendingEventOrdering.Detached });
    room.currentState.setStateEvents([
        stateEvent(roomId, EventType.RoomCreate, "", { creator: ME, room_version: "10" }),
        stateEvent(roomId, EventType.RoomMember, ME, { membership: "join", displayname: "Alice" }),
        stateEvent(roomId, EventType.RoomPowerLevels, "", { users: { [ME]: 100 }, invite: 0 }),
        stateEvent(roomId, EventType.RoomJoinRules, "", { join_rule: "invite" }),
        stateEvent(roomId, EventType.RoomName, "", { name }),
    ]);
    room.updateMyMembership("join");
    room.recalculate();
    client.store.storeRoom(room);
    return room;
}

/**
 * A homeserver's empty answers to what the SDK's dialogs ask when they open (room directory
 * visibility, aliases, user search, profiles…), for serveFetch. Anything else answers as a
 * server that does not know the endpoint; the requests are collected in `asked`.
 */
export function quietHomeserver(): { route(url: string): Response | undefined; asked: string[] } {
    const asked: string[] = [];
    const answers: Array<[RegExp, number, unknown]> = [
        [/\/directory\/list\/room\//, 200, { visibility: "private" }],
        [/\/rooms\/[^/]+\/aliases/, 200, { aliases: [] }],
        [/\/user_directory\/search/, 200, { results: [], limited: false }],
        [/\/profile\//, 404, { errcode: "M_NOT_FOUND", error: "Profile not found" }],
        [/\/_matrix\/client\/versions/, 200, { versions: ["v1.11"] }],
    ];
    return {
        asked,
        route(url: string): Response | undefined {
            if (!url.startsWith("https://matrix.example.org/")) return undefined;
            asked.push(url);
            const [, status, body] = answers.find(([pattern]) => pattern.test(url)) ?? [
                null,
                404,
                { errcode: "M_UNRECOGNIZED", error: "Unrecognized request" },
            ];
            return jsonResponse(status, body);
        },
    };
}
