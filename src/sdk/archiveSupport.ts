// What the archive module (modules/archive) needs of the client beyond rooms.ts: room tags in the
// user's account data, one event fetched by ID, the events that would notify the user, the time
// of a room's last message, and the spaces a room is in. Plain data in and out; the js-sdk only.
import { MatrixClientPeg } from "matrix-react-sdk/src/MatrixClientPeg";
import type { MatrixClient, MatrixEvent, Room } from "matrix-js-sdk/src/matrix";
import { ClientEvent, EventType, MatrixEventEvent, RoomEvent } from "matrix-js-sdk/src/matrix";

function client(): MatrixClient | null {
    return MatrixClientPeg.get();
}

/** The tags of a room in the user's account data (`m.tag`): tag name → its content. */
export function roomTags(roomId: string): Readonly<Record<string, Readonly<Record<string, unknown>>>> {
    const tags = client()?.getRoom(roomId)?.tags;
    return tags && typeof tags === "object" ? (tags as Record<string, Record<string, unknown>>) : {};
}

/** Sets a tag on a room for the signed-in user; rejects with the homeserver's error. */
export async function setRoomTag(roomId: string, tag: string, content: Record<string, unknown>): Promise<void> {
    const signedIn = client();
    if (!signedIn) throw new Error("Not signed in");
    await signedIn.setRoomTag(roomId, tag, content);
}

export async function deleteRoomTag(roomId: string, tag: string): Promise<void> {
    const signedIn = client();
    if (!signedIn) throw new Error("Not signed in");
    await signedIn.deleteRoomTag(roomId, tag);
}

/** Calls `listener(roomId)` when a room's tags change; returns the unsubscribe. */
export function onRoomTagsChange(listener: (roomId: string) => void): () => void {
    const signedIn = client();
    if (!signedIn) return () => {};
    const onTags = (_event: MatrixEvent, room: Room): void => listener(room.roomId);
    signedIn.on(RoomEvent.Tags, onTags);
    return () => signedIn.off(RoomEvent.Tags, onTags);
}

export interface FetchedEvent {
    type: string;
    roomId: string;
    stateKey: string | null;
    sender: string;
    content: Record<string, unknown>;
    ts: number;
}

/** One event of a room by its ID from the homeserver, or null when it cannot be had (unknown, not visible, offline). */
export async function fetchRoomEvent(roomId: string, eventId: string): Promise<FetchedEvent | null> {
    const signedIn = client();
    if (!signedIn) return null;
    try {
        const raw = await signedIn.fetchRoomEvent(roomId, eventId);
        const content = raw.content;
        if (typeof raw.type !== "string" || typeof content !== "object" || content === null || Array.isArray(content))
            return null;
        return {
            type: raw.type,
            roomId: raw.room_id ?? roomId,
            stateKey: typeof raw.state_key === "string" ? raw.state_key : null,
            sender: typeof raw.sender === "string" ? raw.sender : "",
            content: content as Record<string, unknown>,
            ts: typeof raw.origin_server_ts === "number" ? raw.origin_server_ts : 0,
        };
    } catch {
        return null;
    }
}

/**
 * Calls `listener(roomId, ts)` for each new event that would notify the signed-in user by their
 * push rules (a mention, a message in a room set to all messages…), also once an encrypted event
 * is decrypted. Returns the unsubscribe.
 */
export function onNotifyingEvent(listener: (roomId: string, ts: number) => void): () => void {
    const signedIn = client();
    if (!signedIn) return () => {};
    const consider = (event: MatrixEvent): void => {
        const roomId = event.getRoomId();
        if (!roomId || event.getSender() === signedIn.getUserId() || event.isState()) return;
        if (event.isEncrypted() && event.isBeingDecrypted()) return; // decided once decrypted
        if (signedIn.getPushActionsForEvent(event)?.notify) listener(roomId, event.getTs());
    };
    const onTimeline = (event: MatrixEvent, _room: Room | undefined, toStart: boolean | undefined): void => {
        if (!toStart) consider(event);
    };
    const onDecrypted = (event: MatrixEvent): void => consider(event);
    signedIn.on(RoomEvent.Timeline, onTimeline);
    signedIn.on(MatrixEventEvent.Decrypted, onDecrypted);
    return () => {
        signedIn.off(RoomEvent.Timeline, onTimeline);
        signedIn.off(MatrixEventEvent.Decrypted, onDecrypted);
    };
}

const MESSAGE_TYPES: readonly string[] = [EventType.RoomMessage, EventType.RoomMessageEncrypted, EventType.Sticker];

/**
 * When the last message arrived in a room, as far as the client has loaded its timeline: the last
 * message event, else the room's last activity (its creation at least); null for an unknown room.
 */
export function lastMessageTs(roomId: string): number | null {
    const room = client()?.getRoom(roomId);
    if (!room) return null;
    const events = room.getLiveTimeline().getEvents();
    for (let i = events.length - 1; i >= 0; i--) {
        if (MESSAGE_TYPES.includes(events[i].getType()) && !events[i].isRedacted()) return events[i].getTs();
    }
    const active = room.getLastActiveTimestamp();
    return active > 0 ? active : (room.currentState.getStateEvents(EventType.RoomCreate, "")?.getTs() ?? null);
}

/** The joined spaces that list the room as a child (`m.space.child` with `via`): ID and name. */
export function spacesOfRoom(roomId: string): { roomId: string; name: string }[] {
    const rooms = client()?.getRooms() ?? [];
    return rooms
        .filter((space) => space.isSpaceRoom() && space.getMyMembership() === "join")
        .filter((space) => {
            const child = space.currentState.getStateEvents(EventType.SpaceChild, roomId);
            return Array.isArray(child?.getContent().via);
        })
        .map((space) => ({ roomId: space.roomId, name: space.name }));
}

/** A member's display name in a room, else their user ID. */
export function memberName(roomId: string, userId: string): string {
    return client()?.getRoom(roomId)?.getMember(userId)?.name ?? userId;
}

/** Calls `listener` once the client has finished its first sync (at once if it has); returns the unsubscribe. */
export function onClientSynced(listener: () => void): () => void {
    const signedIn = client();
    if (!signedIn) return () => {};
    if (signedIn.isInitialSyncComplete()) {
        listener();
        return () => {};
    }
    const onSync = (): void => {
        if (!signedIn.isInitialSyncComplete()) return;
        signedIn.off(ClientEvent.Sync, onSync);
        listener();
    };
    signedIn.on(ClientEvent.Sync, onSync);
    return () => signedIn.off(ClientEvent.Sync, onSync);
}

/**
 * The room's creators when its version gives them unlimited power (room version 12 and later,
 * MSC4289: the create event's sender and its `additional_creators`, never listed in `users`);
 * an empty list for older rooms, whose creators hold only what `users` gives them.
 */
export function privilegedCreators(roomId: string): string[] {
    const create = client()?.getRoom(roomId)?.currentState.getStateEvents(EventType.RoomCreate, "");
    if (!create) return [];
    const content = create.getContent();
    const version = Number(typeof content.room_version === "string" ? content.room_version : "1");
    if (!Number.isInteger(version) || version < 12) return [];
    const additional = Array.isArray(content.additional_creators) ? content.additional_creators : [];
    return [create.getSender() ?? "", ...additional].filter(
        (id): id is string => typeof id === "string" && id.startsWith("@"),
    );
}
