// Whether this browser holds a signed-in session, read before the SDK starts: the theme step and the
// logged-in chunk's preload both decide by it.

/** Whether the SDK will restore a session at start (the keys its Lifecycle reads). */
export function hasStoredSession(storage?: Storage): boolean {
    try {
        // Reaching window.localStorage throws too where storage is blocked (some framed pages).
        const store = storage ?? window.localStorage;
        return store.getItem("mx_has_access_token") === "true" || Boolean(store.getItem("mx_access_token"));
    } catch {
        return false;
    }
}
