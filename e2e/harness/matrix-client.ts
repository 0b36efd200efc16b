import { randomUUID } from "node:crypto";

/** What a logged-in device needs to talk to the homeserver (and what a browser session needs). */
export interface MatrixSession {
    baseUrl: string;
    userId: string;
    accessToken: string;
    deviceId: string;
}

/** A failed homeserver call, carrying the status and body so test output says what went wrong. */
export class MatrixHttpError extends Error {
    constructor(
        readonly method: string,
        readonly url: string,
        readonly status: number,
        readonly body: string,
    ) {
        super(`${method} ${url} -> ${status}: ${body}`);
        this.name = "MatrixHttpError";
    }

    /** The Matrix errcode of the body, if it is a Matrix error. */
    get errcode(): string | undefined {
        try {
            return JSON.parse(this.body).errcode;
        } catch {
            return undefined;
        }
    }
}

/** One JSON call to the homeserver; throws MatrixHttpError on any non-2xx answer. */
export async function matrixRequest<T>(
    baseUrl: string,
    method: string,
    path: string,
    options: { accessToken?: string; body?: unknown } = {},
): Promise<T> {
    const url = new URL(path, baseUrl).toString();
    const headers: Record<string, string> = {};
    if (options.accessToken) headers.Authorization = `Bearer ${options.accessToken}`;
    if (options.body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(url, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    if (!response.ok) throw new MatrixHttpError(method, url, response.status, text);
    return (text ? JSON.parse(text) : {}) as T;
}

const r = encodeURIComponent;

function asSession(baseUrl: string, body: { user_id: string; access_token: string; device_id: string }): MatrixSession {
    return { baseUrl, userId: body.user_id, accessToken: body.access_token, deviceId: body.device_id };
}

/** Password login; every call makes a new device, as a fresh browser would. */
export async function login(baseUrl: string, user: string, password: string): Promise<MatrixSession> {
    const body = await matrixRequest<{ user_id: string; access_token: string; device_id: string }>(
        baseUrl,
        "POST",
        "/_matrix/client/v3/login",
        { body: { type: "m.login.password", identifier: { type: "m.id.user", user }, password } },
    );
    return asSession(baseUrl, body);
}

/** Creates a room with the given /createRoom body; returns its ID. */
export async function createRoom(session: MatrixSession, body: Record<string, unknown> = {}): Promise<string> {
    const res = await matrixRequest<{ room_id: string }>(session.baseUrl, "POST", "/_matrix/client/v3/createRoom", {
        accessToken: session.accessToken,
        body,
    });
    return res.room_id;
}

/** Joins a room by ID or alias; returns the room ID. */
export async function joinRoom(session: MatrixSession, roomIdOrAlias: string): Promise<string> {
    const res = await matrixRequest<{ room_id: string }>(
        session.baseUrl,
        "POST",
        `/_matrix/client/v3/join/${r(roomIdOrAlias)}`,
        { accessToken: session.accessToken, body: {} },
    );
    return res.room_id;
}

/** Sends a text message (or any m.room.message content); returns the event ID. */
export async function sendMessage(
    session: MatrixSession,
    roomId: string,
    message: string | Record<string, unknown>,
): Promise<string> {
    const content = typeof message === "string" ? { msgtype: "m.text", body: message } : message;
    const res = await matrixRequest<{ event_id: string }>(
        session.baseUrl,
        "PUT",
        `/_matrix/client/v3/rooms/${r(roomId)}/send/m.room.message/${r(randomUUID())}`,
        { accessToken: session.accessToken, body: content },
    );
    return res.event_id;
}

export async function setDisplayName(session: MatrixSession, displayName: string): Promise<void> {
    await matrixRequest(session.baseUrl, "PUT", `/_matrix/client/v3/profile/${r(session.userId)}/displayname`, {
        accessToken: session.accessToken,
        body: { displayname: displayName },
    });
}

/** A timeline event as /messages returns it (only the fields tests usually read). */
export interface RoomEvent {
    event_id: string;
    type: string;
    sender: string;
    origin_server_ts: number;
    content: Record<string, unknown>;
    state_key?: string;
}

/** The most recent events of a room, newest first. */
export async function getMessages(session: MatrixSession, roomId: string, limit = 20): Promise<RoomEvent[]> {
    const res = await matrixRequest<{ chunk: RoomEvent[] }>(
        session.baseUrl,
        "GET",
        `/_matrix/client/v3/rooms/${r(roomId)}/messages?dir=b&limit=${limit}`,
        { accessToken: session.accessToken },
    );
    return res.chunk;
}

/** IDs of the rooms the user has joined. */
export async function joinedRooms(session: MatrixSession): Promise<string[]> {
    const res = await matrixRequest<{ joined_rooms: string[] }>(
        session.baseUrl,
        "GET",
        "/_matrix/client/v3/joined_rooms",
        {
            accessToken: session.accessToken,
        },
    );
    return res.joined_rooms;
}

/** The state event that makes a room end-to-end encrypted from its creation. */
export const ENCRYPTION_STATE = {
    type: "m.room.encryption",
    state_key: "",
    content: { algorithm: "m.megolm.v1.aes-sha2" },
};

/** An encrypted room `owner` creates with `members` invited and joined; returns its ID. */
export async function createEncryptedRoom(
    owner: MatrixSession,
    members: MatrixSession[],
    body: Record<string, unknown> = {},
): Promise<string> {
    const roomId = await createRoom(owner, {
        preset: "private_chat",
        ...body,
        invite: members.map((m) => m.userId),
        initial_state: [ENCRYPTION_STATE],
    });
    for (const member of members) await joinRoom(member, roomId);
    return roomId;
}

/** Element's localStorage entries for a signed-in session (what it writes after a login). */
export function elementSessionEntries(
    session: Pick<MatrixSession, "baseUrl" | "userId" | "accessToken" | "deviceId">,
): [string, string][] {
    return [
        ["mx_hs_url", session.baseUrl],
        ["mx_user_id", session.userId],
        ["mx_access_token", session.accessToken],
        ["mx_device_id", session.deviceId],
        ["mx_is_guest", "false"],
        ["mx_has_access_token", "true"],
    ];
}
