// The postMessage API between an embedded Atrium and its host page, version 1 (docs/embedding.md).
// Every message carries `api` and `version`, so a host can tell Atrium's messages from others and a
// later version can change shapes without being mistaken for this one.
import { isRoomIdOrAlias } from "./embedRequest";

export const EMBED_API = "atrium.embed";
export const EMBED_API_VERSION = 1;

interface Envelope {
    api: typeof EMBED_API;
    version: typeof EMBED_API_VERSION;
}

/** Host → Atrium: show this room (or space) in the frame. */
export interface OpenRoomMessage extends Envelope {
    type: "open_room";
    room: string;
}

/** Host → Atrium: send the current state again (ready, signed-in state, unread counts). */
export interface GetStateMessage extends Envelope {
    type: "get_state";
}

export type HostMessage = OpenRoomMessage | GetStateMessage;

export interface UnreadCount {
    /** Notifying messages not yet read. */
    count: number;
    /** Of those, mentions and keywords. */
    highlight: number;
}

/** Atrium → host: the frame has started and listens. */
export interface ReadyMessage extends Envelope {
    type: "ready";
    kind: "room" | "space";
    target: string;
}

/** Atrium → host: whether the frame holds a session (and whose). */
export interface SignedInMessage extends Envelope {
    type: "signed_in";
    signed_in: boolean;
    user_id?: string;
}

/** Atrium → host: unread counts over all joined rooms, and for the room on screen (null: none). */
export interface UnreadMessage extends Envelope {
    type: "unread";
    total: UnreadCount;
    room: (UnreadCount & { room_id: string }) | null;
}

export type AtriumMessage = ReadyMessage | SignedInMessage | UnreadMessage;

/** Sign-in window → frame (same origin only): the one-time `m.login.token` for the frame's own device. */
export interface SignInTokenMessage extends Envelope {
    type: "signin_token";
    state: string;
    login_token: string;
}

type Body<M> = M extends Envelope ? Omit<M, "api" | "version"> : never;

export function atriumMessage<M extends AtriumMessage | SignInTokenMessage>(body: Body<M>): M {
    return { api: EMBED_API, version: EMBED_API_VERSION, ...body } as unknown as M;
}

function isEnvelope(data: unknown): data is Envelope & Record<string, unknown> {
    if (typeof data !== "object" || data === null) return false;
    const record = data as Record<string, unknown>;
    return record.api === EMBED_API && record.version === EMBED_API_VERSION;
}

/** A host's message when it is one of this version's, with valid fields; null for anything else. */
export function parseHostMessage(data: unknown): HostMessage | null {
    if (!isEnvelope(data)) return null;
    if (data.type === "get_state") return { api: EMBED_API, version: EMBED_API_VERSION, type: "get_state" };
    if (data.type === "open_room" && typeof data.room === "string" && isRoomIdOrAlias(data.room)) {
        return { api: EMBED_API, version: EMBED_API_VERSION, type: "open_room", room: data.room };
    }
    return null;
}

/** The sign-in window's token message when it answers the request `state`; null otherwise. */
export function parseSignInToken(data: unknown, state: string): string | null {
    if (!isEnvelope(data) || data.type !== "signin_token" || data.state !== state) return null;
    const token = data.login_token;
    return typeof token === "string" && token.length > 0 && token.length <= 1024 ? token : null;
}
