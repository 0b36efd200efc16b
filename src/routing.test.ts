import { HashRouter, queryParamsFromSearch, screenFromHash, ScreenTarget } from "./routing";

describe("screenFromHash", () => {
    it("splits the screen from its parameters", () => {
        expect(screenFromHash("#/room/!abc:example.org?via=example.org")).toEqual({
            screen: "room/!abc:example.org",
            params: { via: "example.org" },
        });
    });

    it("accepts a hash without the leading slash and an empty hash", () => {
        expect(screenFromHash("#login").screen).toBe("login");
        expect(screenFromHash("")).toEqual({ screen: "", params: {} });
        expect(screenFromHash("#/")).toEqual({ screen: "", params: {} });
    });

    it("collects a repeated parameter into a list, in order", () => {
        expect(screenFromHash("#/room/!r:x?via=a.org&via=b.org&via=c.org&other=1").params).toEqual({
            via: ["a.org", "b.org", "c.org"],
            other: "1",
        });
    });

    it("decodes escapes in the screen and the parameters", () => {
        const { screen, params } = screenFromHash("#/room/%23general%3Aexample.org?name=a%20b&plus=c+d");
        expect(screen).toBe("room/#general:example.org");
        expect(params).toEqual({ name: "a b", plus: "c d" });
    });

    it("keeps a malformed escape as typed instead of throwing", () => {
        expect(() => screenFromHash("#/room/%E0%A4%A")).not.toThrow();
        expect(screenFromHash("#/room/%E0%A4%A").screen).toBe("room/%E0%A4%A");
        expect(screenFromHash("#/room/100%").screen).toBe("room/100%");
        expect(screenFromHash("#/home?q=%ZZ").params).toEqual({ q: "%ZZ" });
    });
});

describe("queryParamsFromSearch", () => {
    it("reads the page's query string with or without its question mark", () => {
        expect(queryParamsFromSearch("?loginToken=abc&via=a&via=b")).toEqual({ loginToken: "abc", via: ["a", "b"] });
        expect(queryParamsFromSearch("loginToken=abc")).toEqual({ loginToken: "abc" });
        expect(queryParamsFromSearch("")).toEqual({});
    });
});

describe("HashRouter", () => {
    const nextHashChange = (): Promise<void> =>
        new Promise((resolve) => window.addEventListener("hashchange", () => resolve(), { once: true }));

    let target: jest.Mocked<ScreenTarget>;
    let router: HashRouter;

    beforeEach(async () => {
        if (window.location.hash) {
            const changed = nextHashChange();
            window.location.hash = "";
            await changed;
        }
        target = { showScreen: jest.fn() };
        router = new HashRouter();
        router.attach(target);
    });

    it("forwards a hash change it did not make to the app, with its parameters", async () => {
        const changed = nextHashChange();
        window.location.hash = "#/room/!abc:example.org?via=a.org&via=b.org";
        await changed;
        expect(target.showScreen).toHaveBeenCalledTimes(1);
        expect(target.showScreen).toHaveBeenCalledWith("room/!abc:example.org", { via: ["a.org", "b.org"] });
    });

    it("ignores the hash change caused by the app's own new screen", async () => {
        const changed = nextHashChange();
        router.onNewScreen("room/!abc:example.org");
        await changed;
        expect(window.location.hash).toBe("#/room/!abc:example.org");
        expect(target.showScreen).not.toHaveBeenCalled();
    });

    it("recognises its own hash after the browser percent-encoded it", async () => {
        const changed = nextHashChange();
        router.onNewScreen("room/a room with spaces");
        await changed;
        expect(window.location.hash).toBe("#/room/a%20room%20with%20spaces");
        expect(target.showScreen).not.toHaveBeenCalled();
    });

    it("forwards the next change made by someone else after its own", async () => {
        let changed = nextHashChange();
        router.onNewScreen("home");
        await changed;
        changed = nextHashChange();
        window.location.hash = "#/login";
        await changed;
        expect(target.showScreen).toHaveBeenCalledTimes(1);
        expect(target.showScreen).toHaveBeenCalledWith("login", {});
    });

    it("replaces the history entry when asked, else adds one", async () => {
        const before = window.history.length;
        let changed = nextHashChange();
        router.onNewScreen("home");
        await changed;
        expect(window.history.length).toBe(before + 1);
        changed = nextHashChange();
        router.onNewScreen("settings", true);
        await changed;
        expect(window.history.length).toBe(before + 1);
        expect(window.location.hash).toBe("#/settings");
    });
});
