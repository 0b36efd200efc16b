// When the logged-in app's chunk is fetched: early enough to be there by the first /sync, never for
// a visitor who only looks at the sign-in page.
import type { ActionPayload } from "matrix-react-sdk/src/dispatcher/payloads";

import { memoryStorage } from "../../test/helpers/configService";
import { loadLoggedInView, preloadLoggedInViewWhenLikely, signInIsUnderway } from "./loggedInChunk";

class FakeDispatcher {
    public callbacks = new Map<string, (payload: ActionPayload) => void>();
    private next = 0;
    public register(callback: (payload: ActionPayload) => void): string {
        const id = `ID_${this.next++}`;
        this.callbacks.set(id, callback);
        return id;
    }
    public unregister(id: string): void {
        this.callbacks.delete(id);
    }
    public dispatch(action: string): void {
        for (const callback of [...this.callbacks.values()]) callback({ action });
    }
}

describe("signInIsUnderway", () => {
    it("is true with a stored session or an SSO login token, false otherwise", () => {
        expect(signInIsUnderway("", memoryStorage({ mx_has_access_token: "true" }))).toBe(true);
        expect(signInIsUnderway("?loginToken=abc", memoryStorage())).toBe(true);
        expect(signInIsUnderway("?other=1", memoryStorage())).toBe(false);
        expect(signInIsUnderway("", memoryStorage({ mx_has_access_token: "false" }))).toBe(false);
    });
});

describe("preloadLoggedInViewWhenLikely", () => {
    afterEach(() => localStorage.clear());

    it("fetches at once when a session is stored", () => {
        localStorage.setItem("mx_has_access_token", "true");
        const load = jest.fn().mockResolvedValue({});
        const dispatcher = new FakeDispatcher();
        preloadLoggedInViewWhenLikely(dispatcher, load);
        expect(load).toHaveBeenCalledTimes(1);
        expect(dispatcher.callbacks.size).toBe(0);
    });

    it("waits on the sign-in page, then fetches once at the first key press", () => {
        const load = jest.fn().mockResolvedValue({});
        const dispatcher = new FakeDispatcher();
        preloadLoggedInViewWhenLikely(dispatcher, load);
        expect(load).not.toHaveBeenCalled();

        window.dispatchEvent(new KeyboardEvent("keydown", { key: "a" }));
        window.dispatchEvent(new KeyboardEvent("keydown", { key: "b" }));
        dispatcher.dispatch("will_start_client");
        expect(load).toHaveBeenCalledTimes(1);
        expect(dispatcher.callbacks.size).toBe(0);
    });

    it("fetches at the first click, or when the SDK starts a client", () => {
        const byClick = jest.fn().mockResolvedValue({});
        preloadLoggedInViewWhenLikely(new FakeDispatcher(), byClick);
        window.dispatchEvent(new Event("pointerdown"));
        expect(byClick).toHaveBeenCalledTimes(1);

        const byClient = jest.fn().mockResolvedValue({});
        const dispatcher = new FakeDispatcher();
        preloadLoggedInViewWhenLikely(dispatcher, byClient);
        dispatcher.dispatch("view_home_page");
        expect(byClient).not.toHaveBeenCalled();
        dispatcher.dispatch("will_start_client");
        expect(byClient).toHaveBeenCalledTimes(1);
    });

    it("a failed early fetch is not an unhandled rejection (the view retries when it needs the chunk)", async () => {
        localStorage.setItem("mx_has_access_token", "true");
        const load = jest.fn().mockRejectedValue(new Error("offline"));
        const unhandled = jest.fn();
        process.on("unhandledRejection", unhandled);
        try {
            preloadLoggedInViewWhenLikely(new FakeDispatcher(), load);
            await new Promise((resolve) => setTimeout(resolve, 0));
            expect(unhandled).not.toHaveBeenCalled();
        } finally {
            process.off("unhandledRejection", unhandled);
        }
    });
});

describe("loadLoggedInView", () => {
    it("gives the SDK's own LoggedInView, fetched once", async () => {
        const { default: Original } = await import("$sdk-original/components/structures/LoggedInView");
        const first = loadLoggedInView();
        expect(loadLoggedInView()).toBe(first);
        expect((await first).default).toBe(Original);
    });
});
