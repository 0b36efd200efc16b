// Typed reads of rooms and their state for modules, and the few writes they need. Everything is by
// room ID and returns plain data: modules never hold the js-sdk's objects. A state event is handed
// out with its sender, so a module can trust it only when that sender holds the power to send it
// (see `senderMayHaveSent`).
import { MatrixClientPeg } from "matrix-react-sdk/src/MatrixClientPeg";
import type { MatrixClient, MatrixEvent, Room } from "matrix-js-sdk/src/matrix";
import { ClientEvent, EventType, RoomEvent, RoomStateEvent } from "matrix-js-sdk/src/matrix";

import { privilegedCreators } from "./archiveSupport";

export type Membership = "join" | "invite" | "leave" | "ban" | "knock" | "none";

export interface RoomSummary {
    roomId: string;
    name: string;
    topic: string | null;
    isSpace: boolean;
    membership: Membership;
    joinRule: string | null;
    encrypted: boolean;
    joinedMembers: number;
    /** The server the room was created on (from its creator's user ID), null when unknown. */
    creatorServer: string | null;
}

export interface StateEntry<T = Record<string, unknown>> {
    content: T;
    sender: string;
    stateKey: string;
    eventId: string;
    ts: number;
}

export interface PowerLevels {
    users: Readonly<Record<string, number>>;
    usersDefault: number;
    events: Readonly<Record<string, number>>;
    eventsDefault: number;
    stateDefault: number;
    invite: number;
    redact: number;
    kick: number;
    ban: number;
}

function client(): MatrixClient | null {
    return MatrixClientPeg.get();
}

function room(roomId: string): Room | null {
    return client()?.getRoom(roomId) ?? null;
}

function serverOf(userId: string | undefined): string | null {
    const colon = userId?.indexOf(":") ?? -1;
    return userId && colon > 0 ? userId.slice(colon + 1) : null;
}

const MEMBERSHIPS: readonly Membership[] = ["join", "invite", "leave", "ban", "knock"];

/** What modules need to know of a room, or null when the client does not know it. */
export function roomSummary(roomId: string): RoomSummary | null {
    const found = room(roomId);
    if (!found) return null;
    const state = found.currentState;
    const membership = found.getMyMembership() as Membership;
    const create = state.getStateEvents(EventType.RoomCreate, "");
    return {
        roomId,
        name: found.name,
        topic: (state.getStateEvents(EventType.RoomTopic, "")?.getContent().topic as string | undefined) ?? null,
        isSpace: found.isSpaceRoom(),
        membership: MEMBERSHIPS.includes(membership) ? membership : "none",
        joinRule: state.getJoinRule() ?? null,
        encrypted: state.getStateEvents(EventType.RoomEncryption, "") !== null,
        joinedMembers: found.getJoinedMemberCount(),
        creatorServer: serverOf(create?.getSender()),
    };
}

function entryOf<T>(event: MatrixEvent): StateEntry<T> {
    return {
        content: event.getContent() as T,
        sender: event.getSender() ?? "",
        stateKey: event.getStateKey() ?? "",
        eventId: event.getId() ?? "",
        ts: event.getTs(),
    };
}

/** The current state event of a type and key, or null. */
export function roomState<T = Record<string, unknown>>(
    roomId: string,
    type: string,
    stateKey = "",
): StateEntry<T> | null {
    const event = room(roomId)?.currentState.getStateEvents(type, stateKey);
    return event ? entryOf<T>(event) : null;
}

const numberOr = (value: unknown, fallback: number): number =>
    typeof value === "number" && Number.isFinite(value) ? value : fallback;

function numbersOf(value: unknown): Record<string, number> {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === "number" && Number.isFinite(v)));
}

/** The room's power levels, with the spec's defaults where the event is silent or malformed. */
export function powerLevelsOf(content: Record<string, unknown> | null | undefined): PowerLevels {
    const c = content ?? {};
    return {
        users: numbersOf(c.users),
        usersDefault: numberOr(c.users_default, 0),
        events: numbersOf(c.events),
        eventsDefault: numberOr(c.events_default, 0),
        stateDefault: numberOr(c.state_default, 50),
        invite: numberOr(c.invite, 0),
        redact: numberOr(c.redact, 50),
        kick: numberOr(c.kick, 50),
        ban: numberOr(c.ban, 50),
    };
}

export function powerLevels(roomId: string): PowerLevels {
    return powerLevelsOf(roomState(roomId, EventType.RoomPowerLevels)?.content);
}

export function userPowerLevel(levels: PowerLevels, userId: string): number {
    return Object.hasOwn(levels.users, userId) ? levels.users[userId] : levels.usersDefault;
}

/** The level a state event of this type needs. */
export function stateEventLevel(levels: PowerLevels, type: string): number {
    return Object.hasOwn(levels.events, type) ? levels.events[type] : levels.stateDefault;
}

/** Whether the signed-in user may send a state event of this type in the room now. */
export function canSendState(roomId: string, type: string): boolean {
    const me = client()?.getUserId();
    if (!me || room(roomId)?.getMyMembership() !== "join") return false;
    const levels = powerLevels(roomId);
    return levelInRoom(roomId, levels, me) >= stateEventLevel(levels, type);
}

/**
 * A user's power in a room: from room version 12 on, the room's creators hold unlimited power and
 * never appear in the power levels' `users` (MSC4289); everyone else has their level there.
 */
function levelInRoom(roomId: string, levels: PowerLevels, userId: string): number {
    return privilegedCreators(roomId).includes(userId) ? Infinity : userPowerLevel(levels, userId);
}

/**
 * Whether the sender of a state event holds, under the room's current power levels, at least
 * `minimumLevel` and the level the event's type needs. A forged record (sent while `state_default`
 * was low, or by someone since demoted) fails this check.
 */
export function senderMayHaveSent(roomId: string, type: string, entry: StateEntry<unknown>, minimumLevel = 0): boolean {
    const levels = powerLevels(roomId);
    const level = levelInRoom(roomId, levels, entry.sender);
    return level >= minimumLevel && level >= stateEventLevel(levels, type);
}

/** The signed-in user's membership of a room ("none" when the client does not know the room). */
export function myMembership(roomId: string): Membership {
    return roomSummary(roomId)?.membership ?? "none";
}

/** The IDs of the rooms the client knows (joined, invited, left in this session). */
export function knownRoomIds(): string[] {
    return (
        client()
            ?.getRooms()
            .map((r) => r.roomId) ?? []
    );
}

/** Sends a state event; resolves to its event ID, rejects with the homeserver's error. */
export async function sendStateEvent(
    roomId: string,
    type: string,
    content: Record<string, unknown>,
    stateKey = "",
): Promise<string> {
    const signedIn = client();
    if (!signedIn) throw new Error("Not signed in");
    // The js-sdk types state events by known types only; ours are Atrium's own.
    const send = signedIn.sendStateEvent.bind(signedIn) as (
        r: string,
        t: string,
        c: object,
        k: string,
    ) => Promise<{ event_id: string }>;
    const { event_id: eventId } = await send(roomId, type, content, stateKey);
    return eventId;
}

/**
 * Calls `listener(roomId)` when a room's state changes, a room arrives or the signed-in user's
 * membership of it changes; returns the unsubscribe. Pass a room ID to hear of that room only.
 * The membership is its own event: on a join the js-sdk emits the room's new state first and
 * updates the user's membership only later in the same sync, so a reader of the state alone sees
 * the room as still invited.
 */
export function onRoomStateChange(listener: (roomId: string) => void, onlyRoomId?: string): () => void {
    const signedIn = client();
    if (!signedIn) return () => {};
    const onState = (event: MatrixEvent): void => {
        const roomId = event.getRoomId();
        if (roomId && (!onlyRoomId || roomId === onlyRoomId)) listener(roomId);
    };
    const onRoom = (arrived: Room): void => {
        if (!onlyRoomId || arrived.roomId === onlyRoomId) listener(arrived.roomId);
    };
    signedIn.on(RoomStateEvent.Events, onState);
    signedIn.on(ClientEvent.Room, onRoom);
    signedIn.on(RoomEvent.MyMembership, onRoom);
    return () => {
        signedIn.off(RoomStateEvent.Events, onState);
        signedIn.off(ClientEvent.Room, onRoom);
        signedIn.off(RoomEvent.MyMembership, onRoom);
    };
}
