// What the address asks of an embedded Atrium. The request sits in the query string
// (`?embed=room&room=#team:acme.com`, `?embed=space&space=!abc:acme.com`), which the hash router
// never touches, so it survives every screen change the SDK makes in the hash.

export type EmbedKind = "room" | "space";

/** The app opened on one room or one space, in the compact layout. */
export interface EmbedView {
    mode: "view";
    kind: EmbedKind;
    /** A room ID or alias, checked against the Matrix grammar. */
    target: string;
}

/** The top-level window an embedded frame opens to sign in (see popupSignIn.ts). */
export interface EmbedSignIn {
    mode: "signin";
    /** The frame's random nonce: the token goes back only to the request that carries it. */
    state: string;
}

/** An embed request that cannot be used: which problem (a string key under `embed.invalid`) and about what. */
export interface EmbedInvalid {
    mode: "invalid";
    problem: "bad_state" | "unknown_mode" | "missing_target" | "bad_target";
    detail: string;
}

export type EmbedRequest = EmbedView | EmbedSignIn | EmbedInvalid;

// A server name: a DNS name, an IPv4 address or a bracketed IPv6 literal, with an optional port.
const SERVER_NAME = String.raw`(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]{2,45}\])(?::[0-9]{1,5})?`;
// Room IDs are opaque: `!` and a local part, with the server name (up to room version 11) or without (v12).
const ROOM_ID = new RegExp(String.raw`^![A-Za-z0-9._~+/=-]{1,255}(?::${SERVER_NAME})?$`);
// An alias's local part: printable characters but `:` and whitespace, and (stricter than the spec,
// which no real alias needs) none of the characters that mean something in HTML or a URL's path.
const ROOM_ALIAS = new RegExp(String.raw`^#[^\s:#<>"'&\\/?]{1,255}:${SERVER_NAME}$`);

/** Matrix identifiers are at most 255 bytes. */
const MAX_ID_LENGTH = 255;

export function isRoomIdOrAlias(value: string): boolean {
    return value.length <= MAX_ID_LENGTH && (ROOM_ID.test(value) || ROOM_ALIAS.test(value));
}

const STATE_NONCE = /^[A-Za-z0-9_-]{16,128}$/;

/** Reads the embed request of a query string; null when the address asks for the full app. */
export function embedRequestFrom(search: string): EmbedRequest | null {
    const params = new URLSearchParams(search);
    const mode = params.get("embed");
    if (mode === null) return null;
    if (mode === "signin") {
        const state = params.get("state") ?? "";
        return STATE_NONCE.test(state)
            ? { mode: "signin", state }
            : { mode: "invalid", problem: "bad_state", detail: "" };
    }
    if (mode !== "room" && mode !== "space") {
        return { mode: "invalid", problem: "unknown_mode", detail: mode.slice(0, 40) };
    }
    const target = params.get(mode);
    if (!target) return { mode: "invalid", problem: "missing_target", detail: mode };
    if (!isRoomIdOrAlias(target)) {
        return { mode: "invalid", problem: "bad_target", detail: target.slice(0, 80) };
    }
    return { mode: "view", kind: mode, target };
}

/** The hash that shows a room or a space (its home: the space's rooms) in the SDK. */
export function screenHashFor(target: string): string {
    return `#/room/${encodeURIComponent(target)}`;
}

/** The full app in a new tab, on the same room or space: the app's address without the embed query. */
export function fullAppUrl(location: Pick<Location, "origin" | "pathname">, target: string): string {
    return `${location.origin}${location.pathname}${screenHashFor(target)}`;
}
