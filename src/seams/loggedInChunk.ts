// The logged-in app (room list, timeline, composer, settings: most of the SDK) is its own chunk, so
// the sign-in page does not download it (docs/performance.md). It is fetched as soon as signing in
// is likely, so that it is usually there before the first /sync is: at start when a session is
// stored or an SSO token is in the address, on the first key press or click, or when the SDK starts
// logging in by any other way.
import type { ActionPayload } from "matrix-react-sdk/src/dispatcher/payloads";

import { hasStoredSession } from "../session/storedSession";

export type LoggedInViewModule = typeof import("./loggedInApp");

let pending: Promise<LoggedInViewModule> | undefined;

/** The SDK's LoggedInView, fetched once; a failed fetch is forgotten so that the next call retries. */
export function loadLoggedInView(): Promise<LoggedInViewModule> {
    pending ??= import(/* webpackChunkName: "logged-in" */ "./loggedInApp").catch((error: unknown) => {
        pending = undefined;
        throw error;
    });
    return pending;
}

/** Whether this page load will probably sign in without the sign-in form. */
export function signInIsUnderway(search: string, storage?: Storage): boolean {
    return hasStoredSession(storage) || new URLSearchParams(search).has("loginToken");
}

interface Dispatcher {
    register(callback: (payload: ActionPayload) => void): string;
    unregister(id: string): void;
}

/**
 * Starts fetching the logged-in app now, or at the first sign that someone is signing in.
 * Returns a function that stops listening (for tests; the app never needs it).
 */
export function preloadLoggedInViewWhenLikely(
    dispatcher: Dispatcher,
    load: () => Promise<unknown> = loadLoggedInView,
): () => void {
    const fetchNow = (): void => {
        stop();
        load().catch(() => undefined); // the view shows its own error and retry when it is needed
    };
    const onAction = (payload: ActionPayload): void => {
        // Dispatched by the SDK's Lifecycle just before it starts a client for a new or restored session.
        if (payload.action === "will_start_client") fetchNow();
    };
    const events = ["keydown", "pointerdown"] as const;
    let dispatcherToken: string | undefined = undefined; // set only once listening starts
    let listening = true;
    function stop(): void {
        if (!listening) return;
        listening = false;
        for (const name of events) window.removeEventListener(name, fetchNow, true);
        if (dispatcherToken) dispatcher.unregister(dispatcherToken);
    }

    if (signInIsUnderway(window.location.search)) {
        fetchNow();
        return stop;
    }
    for (const name of events) window.addEventListener(name, fetchNow, { capture: true, passive: true });
    dispatcherToken = dispatcher.register(onAction);
    return stop;
}
