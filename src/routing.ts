// A thin layer between the URL hash (#/room/!id:server?via=x) and MatrixChat's screens.
import type { QueryDict } from "matrix-js-sdk/src/utils";

export interface Screen {
    screen: string;
    params: QueryDict;
}

export interface ScreenTarget {
    showScreen(screen: string, params?: QueryDict): void;
}

/** Splits "#/room/abc?via=x&via=y" into screen "room/abc" and params {via: ["x", "y"]}. */
export function screenFromHash(hash: string): Screen {
    const fragment = hash.replace(/^#\/?/, "");
    const queryStart = fragment.indexOf("?");
    const path = queryStart === -1 ? fragment : fragment.slice(0, queryStart);
    const params: QueryDict = {};
    if (queryStart !== -1) {
        for (const [key, value] of new URLSearchParams(fragment.slice(queryStart + 1))) {
            const existing = params[key];
            if (existing === undefined) params[key] = value;
            else params[key] = Array.isArray(existing) ? [...existing, value] : [existing as string, value];
        }
    }
    return { screen: safeDecode(path), params };
}

function safeDecode(text: string): string {
    try {
        return decodeURIComponent(text);
    } catch {
        return text; // a malformed escape is kept as typed rather than breaking navigation
    }
}

export function queryParamsFromSearch(search: string): QueryDict {
    return screenFromHash(`#?${search.replace(/^\?/, "")}`).params;
}

/** Keeps the hash and MatrixChat in step, ignoring hash changes that MatrixChat itself made. */
export class HashRouter {
    private lastHashSet: string | null = null;
    private target: ScreenTarget | null = null;

    public attach(target: ScreenTarget): void {
        this.target = target;
        window.addEventListener("hashchange", this.onHashChange);
    }

    public onNewScreen = (screen: string, replaceLast = false): void => {
        const hash = "#/" + screen;
        this.lastHashSet = hash;
        if (replaceLast) window.location.replace(hash);
        else window.location.assign(hash);
    };

    private onHashChange = (): void => {
        if (safeDecode(window.location.hash) === safeDecode(this.lastHashSet ?? "")) return;
        const { screen, params } = screenFromHash(window.location.hash);
        this.target?.showScreen(screen, params);
    };
}
