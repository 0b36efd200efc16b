// Whether the notice area has anything to show. Most starts have nothing: then its code and styles
// (a chunk of their own) are not fetched at all, until the config's state says otherwise.
import type { ConfigState, ConfigStore } from "../config/configStore";
import { readDismissedNotices, undismissedNotices } from "./adminNotices";

export function hasNoticesToShow(state: ConfigState, storage?: Storage | null): boolean {
    if (state.fallback || state.pendingReload.length > 0) return true;
    return undismissedNotices(state.config, readDismissedNotices(storage)).length > 0;
}

/** Resolves as soon as the store's state has a notice to show (at once if it has one now). */
export function whenNoticesToShow(store: ConfigStore, storage?: Storage | null): Promise<void> {
    return new Promise((resolve) => {
        if (hasNoticesToShow(store.get(), storage)) return resolve();
        const stop = store.subscribe((state) => {
            if (!hasNoticesToShow(state, storage)) return;
            stop();
            resolve();
        });
    });
}
