import { EMBED_API } from "./embedMessages";
import { type OpenerWindow, PopupSignInError, sendTokenToFrame, signInThroughPopup } from "./popupSignIn";

const APP = "https://chat.acme.test";

function fakeOpener(popup: { closed: boolean } | null) {
    const listeners: ((event: MessageEvent) => void)[] = [];
    const opened: string[] = [];
    const win: OpenerWindow = {
        location: { origin: APP, pathname: "/" },
        crypto: { getRandomValues: (a) => a },
        open: (url) => {
            opened.push(url);
            return popup as unknown as Window;
        },
        addEventListener: (_t, l) => listeners.push(l),
        removeEventListener: (_t, l) => listeners.splice(listeners.indexOf(l), 1),
    };
    const deliver = (data: unknown, origin: string, source: unknown) =>
        [...listeners].forEach((l) => l({ data, origin, source } as MessageEvent));
    return { win, opened, deliver, listeners };
}

const stateOf = (url: string) => new URL(url).searchParams.get("state")!;
const tokenMessage = (state: string, token = "one-time") => ({
    api: EMBED_API,
    version: 1,
    type: "signin_token",
    state,
    login_token: token,
});

describe("signInThroughPopup", () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    it("resolves with the token only from its own window, origin and nonce", async () => {
        const popup = { closed: false };
        const frame = fakeOpener(popup);
        const result = signInThroughPopup(frame.win);
        expect(frame.opened[0]).toMatch(/^https:\/\/chat\.acme\.test\/\?embed=signin&state=[0-9a-f]{48}$/);
        const state = stateOf(frame.opened[0]);
        frame.deliver(tokenMessage(state, "from-elsewhere"), "https://evil.test", popup);
        frame.deliver(tokenMessage(state, "from-another-window"), APP, {});
        frame.deliver(tokenMessage("another-request", "stale"), APP, popup);
        frame.deliver(tokenMessage(state), APP, popup);
        await expect(result).resolves.toBe("one-time");
        expect(frame.listeners).toHaveLength(0);
    });

    it("fails clearly when the browser blocks the window or the person closes it", async () => {
        await expect(signInThroughPopup(fakeOpener(null).win)).rejects.toEqual(new PopupSignInError("blocked"));
        const popup = { closed: false };
        const result = signInThroughPopup(fakeOpener(popup).win);
        popup.closed = true;
        jest.advanceTimersByTime(600);
        await expect(result).rejects.toMatchObject({ failure: "closed" });
    });
});

describe("sendTokenToFrame", () => {
    it("posts to the exact origin, never to '*'", () => {
        const opener = { postMessage: jest.fn() };
        expect(sendTokenToFrame(opener, APP, "s1", "tok")).toBe(true);
        expect(opener.postMessage).toHaveBeenCalledWith(
            expect.objectContaining({ login_token: "tok", state: "s1" }),
            APP,
        );
        expect(sendTokenToFrame(null, APP, "s1", "tok")).toBe(false);
    });
});
