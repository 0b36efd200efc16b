// Tests only: the client at the module's edge (@atrium/sdk's reads and writes), over a small
// in-memory world of rooms, state, tags and fetchable events. Power-level arithmetic is the SDK's own.
import { powerLevelsOf, stateEventLevel, userPowerLevel, type StateEntry } from "@atrium/sdk/rooms";
import type { FetchedEvent } from "@atrium/sdk/archiveSupport";

interface FakeRoom {
    name: string;
    topic: string | null;
    membership: "join" | "leave";
    state: Map<string, StateEntry>;
    tags: Record<string, Record<string, unknown>>;
}

type Listener = (roomId: string) => void;

export const world = {
    me: "@admin:hs" as string | null,
    rooms: new Map<string, FakeRoom>(),
    events: new Map<string, FetchedEvent>(),
    sent: [] as { roomId: string; type: string; content: Record<string, unknown> }[],
    failNextSend: null as Error | null,
    stateListeners: new Set<Listener>(),
    tagListeners: new Set<Listener>(),
    notifyListeners: new Set<(roomId: string, ts: number) => void>(),
    eventCounter: 0,
    creators: new Map<string, string[]>(),
};

export function resetWorld(): void {
    world.me = "@admin:hs";
    world.rooms.clear();
    world.events.clear();
    world.sent = [];
    world.failNextSend = null;
    world.eventCounter = 0;
    world.creators.clear();
}

/** Puts a state event into a room (and makes it fetchable by ID); returns its ID. */
export function putState(
    roomId: string,
    type: string,
    content: Record<string, unknown>,
    sender: string,
    ts = Date.now(),
): string {
    const room = world.rooms.get(roomId)!;
    const eventId = `$e${++world.eventCounter}`;
    room.state.set(`${type}\n`, { content, sender, stateKey: "", eventId, ts });
    world.events.set(eventId, { type, roomId, stateKey: "", sender, content, ts });
    for (const listener of [...world.stateListeners]) listener(roomId);
    return eventId;
}

export function addRoom(
    roomId: string,
    name: string,
    levels: Record<string, unknown>,
    topic: string | null = null,
): void {
    world.rooms.set(roomId, { name, topic, membership: "join", state: new Map(), tags: {} });
    putState(roomId, "m.room.power_levels", levels, "@admin:hs", 1);
}

export function setTags(roomId: string, tags: Record<string, Record<string, unknown>>): void {
    world.rooms.get(roomId)!.tags = tags;
    for (const listener of [...world.tagListeners]) listener(roomId);
}

export function notifyingEvent(roomId: string, ts: number): void {
    for (const listener of [...world.notifyListeners]) listener(roomId, ts);
}

const stateOf = (roomId: string, type: string): StateEntry | null =>
    world.rooms.get(roomId)?.state.get(`${type}\n`) ?? null;
const levelsOf = (roomId: string) => powerLevelsOf(stateOf(roomId, "m.room.power_levels")?.content);
const subscribe = <T>(set: Set<T>, listener: T): (() => void) => {
    set.add(listener);
    return () => set.delete(listener);
};

export const fakeSdk = {
    currentUserId: () => world.me,
    knownRoomIds: () => [...world.rooms.keys()],
    myMembership: (roomId: string) => world.rooms.get(roomId)?.membership ?? "none",
    roomSummary: (roomId: string) => {
        const room = world.rooms.get(roomId);
        return room
            ? { roomId, name: room.name, topic: room.topic, isSpace: false, membership: room.membership }
            : null;
    },
    roomState: (roomId: string, type: string) => stateOf(roomId, type),
    powerLevels: levelsOf,
    canSendState: (roomId: string, type: string) =>
        !!world.me && userPowerLevel(levelsOf(roomId), world.me) >= stateEventLevel(levelsOf(roomId), type),
    sendStateEvent: jest.fn(async (roomId: string, type: string, content: Record<string, unknown>) => {
        if (world.failNextSend) {
            const error = world.failNextSend;
            world.failNextSend = null;
            throw error;
        }
        world.sent.push({ roomId, type, content });
        return putState(roomId, type, content, world.me!);
    }),
    fetchRoomEvent: jest.fn(async (_roomId: string, eventId: string) => world.events.get(eventId) ?? null),
    roomTags: (roomId: string) => world.rooms.get(roomId)?.tags ?? {},
    setRoomTag: jest.fn(async (roomId: string, tag: string, content: Record<string, unknown>) =>
        setTags(roomId, { ...world.rooms.get(roomId)!.tags, [tag]: content }),
    ),
    deleteRoomTag: jest.fn(async (roomId: string, tag: string) => {
        const { [tag]: _removed, ...rest } = world.rooms.get(roomId)!.tags;
        setTags(roomId, rest);
    }),
    onRoomStateChange: (listener: Listener) => subscribe(world.stateListeners, listener),
    onRoomTagsChange: (listener: Listener) => subscribe(world.tagListeners, listener),
    onNotifyingEvent: (listener: (roomId: string, ts: number) => void) => subscribe(world.notifyListeners, listener),
    onClientSynced: (listener: () => void) => {
        listener();
        return () => {};
    },
    memberName: (_roomId: string, userId: string) => (userId === "@admin:hs" ? "Ada Admin" : userId),
    lastMessageTs: () => null,
    privilegedCreators: (roomId: string) => world.creators.get(roomId) ?? [],
    spacesOfRoom: () => [],
};
