// The policy store over a real js-sdk client and rooms (no homeserver), reached through the SDK's peg
// as in the app: looks found ahead, forgotten on a change, and never kept across clients.
import { act } from "@testing-library/react";
import { ClientEvent, createClient, MatrixClient, MatrixEvent, Room, RoomStateEvent } from "matrix-js-sdk/src/matrix";
import { SyncState } from "matrix-js-sdk/src/sync";
import { MatrixClientPeg } from "matrix-react-sdk/src/MatrixClientPeg";
import { initAtriumI18n } from "@atrium/sdk";

import { putConfig } from "../../../test/helpers/sdkEnvironment";
import { compactLook, computeLooksAhead } from "./policyStore";
import * as roomFacts from "./roomFacts";

const ME = "@admin:company.example";
let client: MatrixClient;
let nextEvent = 0;

function stateEvent(roomId: string, type: string, content: Record<string, unknown>, stateKey = ""): MatrixEvent {
    return new MatrixEvent({
        type,
        content,
        sender: ME,
        state_key: stateKey,
        room_id: roomId,
        event_id: `$e${++nextEvent}`,
        origin_server_ts: nextEvent,
    });
}

/** A joined room of the signed-in client, classified `id`, unencrypted unless said. */
function makeRoom(roomId: string, classification: string, encrypted = false): Room {
    const room = new Room(roomId, client, ME);
    room.currentState.setStateEvents([
        stateEvent(roomId, "m.room.create", { room_version: "10" }),
        stateEvent(roomId, "m.room.member", { membership: "join" }, ME),
        stateEvent(roomId, "m.room.power_levels", { users: { [ME]: 100 } }),
        stateEvent(roomId, "m.room.join_rules", { join_rule: "invite" }),
        stateEvent(roomId, "m.room.guest_access", { guest_access: "forbidden" }),
        stateEvent(roomId, "org.atrium.classification", { id: classification }),
        ...(encrypted ? [stateEvent(roomId, "m.room.encryption", { algorithm: "m.megolm.v1.aes-sha2" })] : []),
    ]);
    room.updateMyMembership("join");
    client.store.storeRoom(room);
    client.reEmitter.reEmit(room.currentState, [RoomStateEvent.Events]);
    return room;
}

function signIn(): MatrixClient {
    client = createClient({ baseUrl: "https://matrix.company.example", userId: ME });
    jest.spyOn(MatrixClientPeg, "get").mockReturnValue(client);
    return client;
}

const ROOMS = ["!a:company.example", "!b:company.example", "!c:company.example"];

describe("policy store", () => {
    beforeAll(() => initAtriumI18n("en"));
    beforeEach(() => {
        putConfig({ atrium: { modules: { "policy-badges": { own_servers: ["company.example"] } } } });
        signIn();
    });
    afterEach(() => {
        jest.restoreAllMocks();
        jest.useRealTimers();
    });

    it("finds every known room's look ahead, so a badge shown later reads no state", () => {
        ROOMS.forEach((id) => makeRoom(id, "confidential", true));
        expect(computeLooksAhead()).toBe(3);
        expect(computeLooksAhead()).toBe(0); // nothing left to find
        const reads = jest.spyOn(roomFacts, "readRoomFacts");
        expect(ROOMS.map((id) => compactLook(id).text)).toEqual(["Confidential", "Confidential", "Confidential"]);
        expect(reads).not.toHaveBeenCalled();
    });

    it("finds them by itself in idle time once the first sync is complete", () => {
        jest.useFakeTimers();
        ROOMS.forEach((id) => makeRoom(id, "internal"));
        let synced = false;
        client.isInitialSyncComplete = (): boolean => synced;
        compactLook(ROOMS[0]); // the first badge shown: the store starts following the client
        const reads = jest.spyOn(roomFacts, "readRoomFacts");
        jest.runAllTimers();
        expect(reads).not.toHaveBeenCalled(); // not before the sync
        synced = true;
        client.emit(ClientEvent.Sync, SyncState.Prepared, null);
        jest.runAllTimers();
        expect(reads.mock.calls.map(([id]) => id).sort()).toEqual([ROOMS[1], ROOMS[2]]);
        expect(computeLooksAhead()).toBe(0);
    });

    it("forgets a room's look when its state changes, shows the new one, and finds it again ahead", async () => {
        const rooms = ROOMS.map((id) => makeRoom(id, "confidential"));
        computeLooksAhead();
        expect(compactLook(ROOMS[1]).text).toBe("Confidential · ⚠ Encryption");
        await act(async () => {
            rooms[1].currentState.setStateEvents([
                stateEvent(ROOMS[1], "m.room.encryption", { algorithm: "m.megolm.v1.aes-sha2" }),
            ]);
        });
        expect(computeLooksAhead()).toBe(1);
        expect(compactLook(ROOMS[1]).text).toBe("Confidential");
        expect(compactLook(ROOMS[0]).text).toBe("Confidential · ⚠ Encryption");
    });

    it("starts afresh for a new sign-in, even of the same user", () => {
        makeRoom(ROOMS[0], "confidential", true);
        computeLooksAhead();
        signIn();
        makeRoom(ROOMS[0], "restricted", true);
        expect(compactLook(ROOMS[0]).text).toMatch(/^Restricted/);
        expect(computeLooksAhead()).toBe(0); // that room was the new client's only one, found just now
    });

    it("keeps nothing while no one is signed in", () => {
        makeRoom(ROOMS[0], "confidential", true);
        jest.spyOn(MatrixClientPeg, "get").mockReturnValue(null);
        expect(computeLooksAhead()).toBe(0);
        const reads = jest.spyOn(roomFacts, "readRoomFacts");
        compactLook(ROOMS[0]);
        compactLook(ROOMS[0]);
        expect(reads).toHaveBeenCalledTimes(2);
    });

    it("finds the looks again in a new language, keeping each room's policy", async () => {
        ROOMS.forEach((id) => makeRoom(id, "confidential"));
        ROOMS.forEach((id) => compactLook(id)); // shown: their policies are kept too
        const reads = jest.spyOn(roomFacts, "readRoomFacts");
        try {
            await act(() => initAtriumI18n("de"));
            expect(computeLooksAhead()).toBe(3);
            expect(compactLook(ROOMS[2]).text).toContain("⚠ Verschlüsselung");
        } finally {
            await act(() => initAtriumI18n("en"));
        }
        expect(compactLook(ROOMS[2]).text).toBe("Confidential · ⚠ Encryption");
        // Only the words changed: no room's state was read again.
        expect(reads).not.toHaveBeenCalled();
    });
});
