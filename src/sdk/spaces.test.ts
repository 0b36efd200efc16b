// The navigator's window on the SDK (spaces.ts) against the SDK's real stores and a real js-sdk client
// with no network: the notification counts the badges show, DMs from m.direct, a space's children in
// the space's order. Only the client's network edge is missing; nothing of the SDK is mocked.
import {
    ClientEvent,
    createClient,
    EventType,
    MatrixClient,
    MatrixEvent,
    MemoryStore,
    NotificationCountType,
    PendingEventOrdering,
    Room,
} from "matrix-js-sdk/src/matrix";
import { KnownMembership } from "matrix-js-sdk/src/types";
import { MatrixClientPeg } from "matrix-react-sdk/src/MatrixClientPeg";
import DMRoomMap from "matrix-react-sdk/src/utils/DMRoomMap";

import { sortBy } from "lodash";
import { getChildOrder } from "matrix-react-sdk/src/stores/spaces/SpaceStore";

import { isDirectMessage, notificationCounts, orderedSpaceChildren } from "./spaces";

// SpaceStore imports the room list for its tag order; the room list (Atrium's wrapper) imports the
// navigator, which imports this module: a cycle webpack's live bindings handle but jest would enter
// half-loaded. The wrapper is not under test here.
jest.mock("@atrium/seams/RoomList", () => ({ __esModule: true, TAG_ORDER: [], default: () => null }));

const ME = "@me:example.org";
let ts = 1000;

function event(roomId: string, type: string, content: object, stateKey?: string): MatrixEvent {
    ts += 1;
    return new MatrixEvent({
        type,
        state_key: stateKey,
        content,
        room_id: roomId,
        sender: ME,
        event_id: `$${ts}`,
        origin_server_ts: ts,
    });
}

function makeClient(): MatrixClient {
    const client = createClient({ baseUrl: "https://matrix.example.org", userId: ME, store: new MemoryStore() });
    // The push rules a fresh account has, none of them room-specific.
    client.pushRules = { global: { override: [], room: [], sender: [], content: [], underride: [] } };
    jest.spyOn(MatrixClientPeg, "get").mockReturnValue(client);
    jest.spyOn(MatrixClientPeg, "safeGet").mockReturnValue(client);
    return client;
}

function joinedRoom(client: MatrixClient, roomId: string, membership: string = KnownMembership.Join): Room {
    // As the app's client makes them: sending messages are kept apart from the timeline.
    const room = new Room(roomId, client, ME, { pendingEventOrdering: PendingEventOrdering.Detached });
    room.currentState.setStateEvents([event(roomId, EventType.RoomCreate, { creator: ME }, "")]);
    room.updateMyMembership(membership);
    client.store.storeRoom(room);
    return room;
}

describe("notificationCounts: the SDK's room badge, as the navigator counts it", () => {
    afterEach(() => jest.restoreAllMocks());

    it("counts notifying messages as unread, with no mention", () => {
        const room = joinedRoom(makeClient(), "!plain:example.org");
        room.setUnreadNotificationCount(NotificationCountType.Total, 3);
        expect(notificationCounts(room)).toEqual({ unread: 3, mentions: 0 });
    });

    it("counts highlights (mentions, keywords) as mentions, and the room's notifying messages as unread", () => {
        const room = joinedRoom(makeClient(), "!mentioned:example.org");
        room.setUnreadNotificationCount(NotificationCountType.Total, 5);
        room.setUnreadNotificationCount(NotificationCountType.Highlight, 2);
        expect(notificationCounts(room)).toEqual({ unread: 5, mentions: 2 });
    });

    it("a mention alone is one unread and one mention", () => {
        const room = joinedRoom(makeClient(), "!only-mention:example.org");
        room.setUnreadNotificationCount(NotificationCountType.Highlight, 1);
        expect(notificationCounts(room)).toEqual({ unread: 1, mentions: 1 });
    });

    it("follows the counts as they change, as the SDK's badge does", () => {
        const room = joinedRoom(makeClient(), "!live:example.org");
        expect(notificationCounts(room)).toEqual({ unread: 0, mentions: 0 });
        room.setUnreadNotificationCount(NotificationCountType.Total, 1);
        room.setUnreadNotificationCount(NotificationCountType.Highlight, 1);
        expect(notificationCounts(room)).toEqual({ unread: 1, mentions: 1 });
        room.setUnreadNotificationCount(NotificationCountType.Total, 0);
        room.setUnreadNotificationCount(NotificationCountType.Highlight, 0);
        expect(notificationCounts(room)).toEqual({ unread: 0, mentions: 0 });
    });

    it("counts nothing in a room the user muted, mentions included", () => {
        const client = makeClient();
        const room = joinedRoom(client, "!muted:example.org");
        // Element's "Mute" for a room: an override rule matching the room, with no actions.
        client.pushRules!.global.override!.push({
            rule_id: room.roomId,
            default: false,
            enabled: true,
            actions: [],
            conditions: [{ kind: "event_match" as never, key: "room_id", pattern: room.roomId }],
        });
        room.setUnreadNotificationCount(NotificationCountType.Total, 4);
        room.setUnreadNotificationCount(NotificationCountType.Highlight, 1);
        expect(notificationCounts(room)).toEqual({ unread: 0, mentions: 0 });
    });

    it("counts messages that could not be sent as neither unread nor mentions (the SDK shows '!')", () => {
        const room = joinedRoom(makeClient(), "!unsent:example.org");
        room.setUnreadNotificationCount(NotificationCountType.Total, 2);
        jest.spyOn(room, "getPendingEvents").mockReturnValue([
            Object.assign(event(room.roomId, "m.room.message", { body: "hi", msgtype: "m.text" }), {
                status: "not_sent",
            }),
        ] as never);
        expect(notificationCounts(room)).toEqual({ unread: 0, mentions: 0 });
    });
});

describe("isDirectMessage: DMs as Element's m.direct lists them", () => {
    afterEach(() => jest.restoreAllMocks());

    it("is true for a room m.direct lists, false for any other", () => {
        const client = makeClient();
        joinedRoom(client, "!dm-bob:example.org");
        joinedRoom(client, "!team:example.org");
        client.store.storeAccountDataEvents([
            new MatrixEvent({ type: EventType.Direct, content: { "@bob:example.org": ["!dm-bob:example.org"] } }),
        ]);
        DMRoomMap.makeShared(client).start();
        expect(isDirectMessage("!dm-bob:example.org")).toBe(true);
        expect(isDirectMessage("!team:example.org")).toBe(false);
    });

    it("follows m.direct when it changes", () => {
        const client = makeClient();
        joinedRoom(client, "!dm-carol:example.org");
        DMRoomMap.makeShared(client).start();
        expect(isDirectMessage("!dm-carol:example.org")).toBe(false);
        const direct = new MatrixEvent({
            type: EventType.Direct,
            content: { "@carol:example.org": ["!dm-carol:example.org"] },
        });
        client.store.storeAccountDataEvents([direct]);
        client.emit(ClientEvent.AccountData, direct);
        expect(isDirectMessage("!dm-carol:example.org")).toBe(true);
    });
});

describe("orderedSpaceChildren: a space's children in the space's order", () => {
    afterEach(() => jest.restoreAllMocks());

    function space(children: Array<{ id: string; content: object }>): Room {
        const room = joinedRoom(makeClient(), "!space:example.org");
        room.currentState.setStateEvents(
            children.map((c) => event(room.roomId, EventType.SpaceChild, c.content, c.id)),
        );
        return room;
    }

    it("orders children by their `order` key, whenever they were added, and reads `suggested`", () => {
        const children = orderedSpaceChildren(
            space([
                { id: "!z-ordered-c:example.org", content: { via: ["example.org"], order: "c", suggested: true } },
                { id: "!y-ordered-b:example.org", content: { via: ["example.org"], order: "b" } },
                { id: "!x-ordered-a:example.org", content: { via: ["example.org"], order: "a", suggested: false } },
            ]),
        );
        expect(children).toEqual([
            { roomId: "!x-ordered-a:example.org", suggested: false },
            { roomId: "!y-ordered-b:example.org", suggested: false },
            { roomId: "!z-ordered-c:example.org", suggested: true },
        ]);
    });

    it("orders children without an `order` key by when they were added, not by ID", () => {
        const children = orderedSpaceChildren(
            space([
                { id: "!b-first:example.org", content: { via: ["example.org"] } },
                { id: "!a-second:example.org", content: { via: ["example.org"], order: "\u0001 not printable" } },
                { id: "!c-third:example.org", content: { via: ["example.org"] } },
            ]),
        );
        expect(children.map((c) => c.roomId)).toEqual([
            "!b-first:example.org",
            "!a-second:example.org",
            "!c-third:example.org",
        ]);
    });

    it("leaves out removed children (no `via`), and takes only `true` as suggested", () => {
        const children = orderedSpaceChildren(
            space([
                { id: "!removed:example.org", content: {} },
                { id: "!kept:example.org", content: { via: ["example.org"], suggested: "yes" } },
            ]),
        );
        expect(children).toEqual([{ roomId: "!kept:example.org", suggested: false }]);
    });

    it("gives the SDK's order (lodash sortBy over getChildOrder) for any mix of keys, ages and IDs", () => {
        // A small seeded generator: the same cases every run.
        let seed = 15;
        const random = (n: number): number => {
            seed = (seed * 1103515245 + 12345) % 2 ** 31;
            return seed % n;
        };
        const orders = [undefined, "", "a", "b", "B", "aa", "a ", "~", "\u0001", "x".repeat(51), 7, null];
        for (let round = 0; round < 200; round++) {
            const events = Array.from(
                { length: 1 + random(12) },
                (_, i) =>
                    new MatrixEvent({
                        type: EventType.SpaceChild,
                        state_key: `!${String.fromCharCode(97 + random(5))}${i}:example.org`,
                        content: { via: ["example.org"], order: orders[random(orders.length)] },
                        room_id: "!space:example.org",
                        sender: ME,
                        event_id: `$r${round}-${i}`,
                        // Few distinct ages, so ties fall through to the ID; 999 sorts after 1000 as text.
                        origin_server_ts: [999, 1000, 1001][random(3)],
                    }),
            );
            const room = joinedRoom(makeClient(), "!space:example.org");
            room.currentState.setStateEvents(events);
            const expected = sortBy(room.currentState.getStateEvents(EventType.SpaceChild), (ev) =>
                getChildOrder(ev.getContent().order, ev.getTs(), ev.getStateKey()!),
            ).map((ev) => ev.getStateKey());
            expect(orderedSpaceChildren(room).map((c) => c.roomId)).toEqual(expected);
            jest.restoreAllMocks();
        }
    });
});
