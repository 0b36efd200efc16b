// When the homeserver ends a user's access (the account deactivated or locked, or its sessions
// revoked by an administrator), Atrium ends the session itself: it signs out, clears the session's
// local data (through the SDK's logout, which deletes the sync and crypto stores) and shows the
// access-ended screen (src/seams/Login.tsx) instead of the SDK's generic "Signed out" dialog.
import { ClientEvent, HttpApiEvent, SyncState, type MatrixClient } from "matrix-js-sdk/src/matrix";
import type { MatrixError } from "matrix-js-sdk/src/http-api";
import type { ISyncStateData } from "matrix-js-sdk/src/sync";

export type AccessEndReason = "deactivated" | "locked" | "revoked";

/** Why an error from the homeserver means the access has ended, or null when it does not. */
export function accessEndReason(error: unknown): AccessEndReason | null {
    if (typeof error !== "object" || error === null) return null;
    const { errcode, data } = error as Partial<MatrixError>;
    if (errcode === "M_USER_DEACTIVATED") return "deactivated";
    if (errcode === "M_USER_LOCKED") return "locked";
    // A soft logout (an expired token) keeps the session's data for the next sign-in: the SDK's own
    // path handles it. A token the server forgot without it was revoked or its account deactivated.
    if (errcode === "M_UNKNOWN_TOKEN" && !data?.soft_logout) return "revoked";
    return null;
}

let endedReason: AccessEndReason | null = null;
// Outlives the screen: a refused sign-in after it is explained by it (see refusedAfterEndedAccess).
let endedInThisTab = false;
const listeners = new Set<() => void>();

/** Why this tab's last session ended, while the access-ended screen is due. */
export function endedAccess(): AccessEndReason | null {
    return endedReason;
}

export function onEndedAccessChange(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
}

function setEndedReason(reason: AccessEndReason | null): void {
    endedReason = reason;
    for (const listener of [...listeners]) listener();
}

/** The user has read the screen and goes back to the sign-in page. */
export function dismissEndedAccess(): void {
    setEndedReason(null);
}

/**
 * Whether a refused password sign-in in this tab follows an access the homeserver ended. Synapse
 * deletes a deactivated account's password, so signing in to it again answers "wrong password"
 * (M_FORBIDDEN), never M_USER_DEACTIVATED: the sign-in page then says why instead.
 */
export function refusedAfterEndedAccess(): boolean {
    return endedInThisTab;
}

/** A session starts: what ended before no longer explains anything. */
export function forgetEndedAccess(): void {
    endedInThisTab = false;
    setEndedReason(null);
}

/** Signs out and clears the session's local data: the SDK's logout does both. */
export type SignOut = () => void;

/**
 * Watches `client` for the homeserver ending the access and then ends the session once.
 * Its listener on the SDK's "session logged out" event goes before MatrixChat's: `signOut` marks the
 * SDK as logging out, so MatrixChat's listener leaves its "Signed out" dialog out.
 * A locked account answers every request with M_USER_LOCKED, which the SDK only treats as a failed
 * sync: the sync state carries the error.
 */
export function watchForEndedAccess(client: MatrixClient, signOut: SignOut): () => void {
    let ended = false;
    const end = (error: unknown): void => {
        const reason = accessEndReason(error);
        if (!reason || ended) return;
        ended = true;
        endedInThisTab = true;
        setEndedReason(reason);
        signOut();
    };
    const onSessionLoggedOut = (error: MatrixError): void => end(error);
    const onSync = (state: SyncState, _previous: SyncState | null, data?: ISyncStateData): void => {
        if (state === SyncState.Error || state === SyncState.Reconnecting) end(data?.error);
    };
    client.prependListener(HttpApiEvent.SessionLoggedOut, onSessionLoggedOut);
    client.on(ClientEvent.Sync, onSync);
    return () => {
        client.off(HttpApiEvent.SessionLoggedOut, onSessionLoggedOut);
        client.off(ClientEvent.Sync, onSync);
    };
}
