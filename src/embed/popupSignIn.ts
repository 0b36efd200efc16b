// The frame's side of signing in: the homeserver's pages refuse to be framed, so sign-in happens in
// a window of its own at top level (the same app, `?embed=signin`). That window sends back only a
// one-time login token, to this origin, for this request's nonce; the frame logs in with it and gets
// a device of its own.
import { atriumMessage, parseSignInToken, type SignInTokenMessage } from "./embedMessages";

export type PopupFailure = "blocked" | "closed";

export class PopupSignInError extends Error {
    public constructor(public readonly failure: PopupFailure) {
        super(`sign-in window: ${failure}`);
        this.name = "PopupSignInError";
    }
}

/** What the frame uses of its window (tests pass fakes). */
export interface OpenerWindow {
    location: { origin: string; pathname: string };
    crypto: { getRandomValues<T extends ArrayBufferView | null>(array: T): T };
    open(url: string, target: string, features: string): Window | null;
    addEventListener(type: "message", listener: (event: MessageEvent) => void): void;
    removeEventListener(type: "message", listener: (event: MessageEvent) => void): void;
}

/** A fresh nonce for one sign-in request. */
export function newSignInState(win: Pick<OpenerWindow, "crypto">): string {
    const bytes = win.crypto.getRandomValues(new Uint8Array(24));
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export function signInWindowUrl(location: OpenerWindow["location"], state: string): string {
    return `${location.origin}${location.pathname}?embed=signin&state=${state}`;
}

/** How often the frame checks whether the person closed the window without signing in. */
const CLOSED_POLL_MS = 500;

/** Opens the sign-in window and resolves with the login token it sends back. */
export function signInThroughPopup(win: OpenerWindow): Promise<string> {
    const state = newSignInState(win);
    const popup = win.open(signInWindowUrl(win.location, state), "atrium-signin", "popup,width=520,height=680");
    if (!popup) return Promise.reject(new PopupSignInError("blocked"));
    return new Promise((resolve, reject) => {
        const finish = (): void => {
            win.removeEventListener("message", onMessage);
            clearInterval(closedWatch);
        };
        const onMessage = (event: MessageEvent): void => {
            // Only our own window, on our own origin, answering this request.
            if (event.origin !== win.location.origin || event.source !== popup) return;
            const token = parseSignInToken(event.data, state);
            if (!token) return;
            finish();
            resolve(token);
        };
        const closedWatch = setInterval(() => {
            if (!popup.closed) return;
            finish();
            reject(new PopupSignInError("closed"));
        }, CLOSED_POLL_MS);
        win.addEventListener("message", onMessage);
    });
}

/** The sign-in window's last act: the token to its opener, on this same origin only. */
export function sendTokenToFrame(
    opener: Pick<Window, "postMessage"> | null,
    origin: string,
    state: string,
    loginToken: string,
): boolean {
    if (!opener) return false;
    opener.postMessage(
        atriumMessage<SignInTokenMessage>({ type: "signin_token", state, login_token: loginToken }),
        origin,
    );
    return true;
}
