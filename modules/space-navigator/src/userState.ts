// What the navigator remembers per user across reloads, in localStorage keyed by the user's ID:
// the open branches of the tree, and whether they chose the navigator or the classic room list.
import { SECTION_IDS } from "./tree/model";

const EXPANDED_PREFIX = "atrium_space_navigator_expanded:";
const VIEW_PREFIX = "atrium_space_navigator_view:";

export type NavigatorView = "navigator" | "classic";

/** Before a user opens or closes anything: the People and Other rooms sections open, spaces closed. */
export const DEFAULT_EXPANDED: readonly string[] = [SECTION_IDS.people, SECTION_IDS.other];

function storage(): Storage | undefined {
    try {
        return window.localStorage;
    } catch {
        return undefined; // storage disabled: nothing is remembered, nothing breaks
    }
}

export function loadExpanded(userId: string): Set<string> {
    const raw = storage()?.getItem(EXPANDED_PREFIX + userId);
    if (raw) {
        try {
            const parsed: unknown = JSON.parse(raw);
            if (Array.isArray(parsed)) return new Set(parsed.filter((key): key is string => typeof key === "string"));
        } catch {
            // a damaged entry is replaced on the next change
        }
    }
    return new Set(DEFAULT_EXPANDED);
}

export function saveExpanded(userId: string, expanded: ReadonlySet<string>): void {
    try {
        storage()?.setItem(EXPANDED_PREFIX + userId, JSON.stringify([...expanded]));
    } catch {
        // quota or disabled storage: the state lasts until reload
    }
}

export function loadViewChoice(userId: string): NavigatorView | undefined {
    const raw = storage()?.getItem(VIEW_PREFIX + userId);
    return raw === "navigator" || raw === "classic" ? raw : undefined;
}

export function saveViewChoice(userId: string, view: NavigatorView): void {
    try {
        storage()?.setItem(VIEW_PREFIX + userId, view);
    } catch {
        // as above
    }
}
