// Whether a session can live in this frame. A browser that blocks a third-party frame's storage
// throws on reaching it (or hands out a store that does not keep what is written); the frame then
// says so and offers the full app in a tab instead of signing in for nothing.

/** What the check reads of the window (tests pass fakes; reaching a property may throw). */
export interface StorageScope {
    readonly localStorage: Pick<Storage, "setItem" | "getItem" | "removeItem">;
    readonly indexedDB: unknown;
}

const PROBE_KEY = "atrium_embed_storage_probe";

export function canKeepSession(scope: StorageScope): boolean {
    try {
        const store = scope.localStorage;
        store.setItem(PROBE_KEY, "1");
        const kept = store.getItem(PROBE_KEY) === "1";
        store.removeItem(PROBE_KEY);
        return kept && Boolean(scope.indexedDB);
    } catch {
        return false;
    }
}
