import { EventEmitter } from "events";
import { EventType, MatrixEvent, MatrixEventEvent, RoomEvent } from "matrix-js-sdk/src/matrix";
import { MatrixClientPeg } from "matrix-react-sdk/src/MatrixClientPeg";

import { fetchRoomEvent, lastMessageTs, onNotifyingEvent, roomTags, spacesOfRoom } from "./archiveSupport";

// The js-sdk client at its edge: an event emitter with the few reads these functions make.
function fakeClient(overrides: Record<string, unknown> = {}) {
    const emitter = new EventEmitter();
    return Object.assign(emitter, {
        getUserId: () => "@me:hs",
        getRooms: () => [] as unknown[],
        getRoom: () => null as unknown,
        getPushActionsForEvent: jest.fn((event: MatrixEvent) => ({
            notify: event.getContent().body !== "quiet",
            tweaks: {},
        })),
        fetchRoomEvent: jest.fn(),
        ...overrides,
    });
}

const message = (sender: string, body: string, ts = 1000): MatrixEvent =>
    new MatrixEvent({
        type: "m.room.message",
        room_id: "!r:hs",
        sender,
        content: { msgtype: "m.text", body },
        origin_server_ts: ts,
        event_id: `$${body}`,
    });

describe("archiveSupport", () => {
    afterEach(() => jest.restoreAllMocks());

    it("reports new events that would notify, not my own, not back-paginated ones, not quiet ones", () => {
        const client = fakeClient();
        jest.spyOn(MatrixClientPeg, "get").mockReturnValue(client as never);
        const heard: [string, number][] = [];
        const stop = onNotifyingEvent((roomId, ts) => heard.push([roomId, ts]));
        client.emit(RoomEvent.Timeline, message("@bob:hs", "hello", 5), undefined, false);
        client.emit(RoomEvent.Timeline, message("@me:hs", "mine", 6), undefined, false);
        client.emit(RoomEvent.Timeline, message("@bob:hs", "old", 1), undefined, true);
        client.emit(RoomEvent.Timeline, message("@bob:hs", "quiet", 7), undefined, false);
        client.emit(MatrixEventEvent.Decrypted, message("@bob:hs", "decrypted", 8));
        stop();
        client.emit(RoomEvent.Timeline, message("@bob:hs", "after", 9), undefined, false);
        expect(heard).toEqual([
            ["!r:hs", 5],
            ["!r:hs", 8],
        ]);
    });

    it("fetches an event as plain data, and null when the homeserver refuses or answers nonsense", async () => {
        const client = fakeClient();
        jest.spyOn(MatrixClientPeg, "get").mockReturnValue(client as never);
        client.fetchRoomEvent.mockResolvedValueOnce({
            type: EventType.RoomPowerLevels,
            room_id: "!r:hs",
            state_key: "",
            sender: "@a:hs",
            content: { users: {} },
            origin_server_ts: 3,
        });
        await expect(fetchRoomEvent("!r:hs", "$pl")).resolves.toEqual({
            type: EventType.RoomPowerLevels,
            roomId: "!r:hs",
            stateKey: "",
            sender: "@a:hs",
            content: { users: {} },
            ts: 3,
        });
        client.fetchRoomEvent.mockRejectedValueOnce(new Error("M_NOT_FOUND"));
        await expect(fetchRoomEvent("!r:hs", "$x")).resolves.toBeNull();
        client.fetchRoomEvent.mockResolvedValueOnce({ type: "m.room.power_levels", content: [1] });
        await expect(fetchRoomEvent("!r:hs", "$y")).resolves.toBeNull();
    });

    it("answers safely without a client", async () => {
        jest.spyOn(MatrixClientPeg, "get").mockReturnValue(null);
        expect(roomTags("!r:hs")).toEqual({});
        expect(lastMessageTs("!r:hs")).toBeNull();
        expect(spacesOfRoom("!r:hs")).toEqual([]);
        await expect(fetchRoomEvent("!r:hs", "$e")).resolves.toBeNull();
        expect(onNotifyingEvent(() => {})).toEqual(expect.any(Function));
    });

    it("finds the last message in the loaded timeline, past state events", () => {
        const events = [
            message("@b:hs", "first", 100),
            message("@b:hs", "second", 200),
            new MatrixEvent({ type: "m.room.topic", state_key: "", content: {}, origin_server_ts: 300 }),
        ];
        const room = {
            getLiveTimeline: () => ({ getEvents: () => events }),
            getLastActiveTimestamp: () => 300,
            currentState: { getStateEvents: () => null },
        };
        jest.spyOn(MatrixClientPeg, "get").mockReturnValue(fakeClient({ getRoom: () => room }) as never);
        expect(lastMessageTs("!r:hs")).toBe(200);
    });
});
