import { checkBrowser, missingBrowserFeatures } from "./checkBrowser";
import { StartupError } from "./StartupError";

const fullBrowser = (): Record<string, unknown> => ({
    crypto: { subtle: {} },
    indexedDB: {},
    WebAssembly: {},
    localStorage: {},
    Intl: { DateTimeFormat: function DateTimeFormat() {} },
});

describe("missingBrowserFeatures", () => {
    it("finds nothing missing in a current browser", () => {
        expect(missingBrowserFeatures(fullBrowser())).toEqual([]);
    });

    it.each([
        ["Web Crypto", (s: Record<string, any>) => (s.crypto = {})],
        ["Web Crypto", (s: Record<string, any>) => delete s.crypto],
        ["IndexedDB", (s: Record<string, any>) => (s.indexedDB = undefined)],
        ["WebAssembly", (s: Record<string, any>) => delete s.WebAssembly],
        ["localStorage", (s: Record<string, any>) => (s.localStorage = null)],
        ["Intl", (s: Record<string, any>) => (s.Intl = {})],
    ])("names %s when it is missing", (name, remove) => {
        const scope = fullBrowser();
        remove(scope);
        expect(missingBrowserFeatures(scope)).toEqual([name]);
    });

    it("names every missing feature, in a stable order", () => {
        expect(missingBrowserFeatures({})).toEqual(["Web Crypto", "IndexedDB", "WebAssembly", "localStorage", "Intl"]);
    });
});

describe("checkBrowser", () => {
    const realIndexedDB = Object.getOwnPropertyDescriptor(window, "indexedDB");

    afterEach(() => {
        if (realIndexedDB) Object.defineProperty(window, "indexedDB", realIndexedDB);
        else delete (window as { indexedDB?: unknown }).indexedDB;
    });

    it("throws a browser StartupError naming what this window lacks", () => {
        // jsdom has no IndexedDB, so it counts as a browser that cannot run the SDK.
        Object.defineProperty(window, "indexedDB", { value: undefined, configurable: true });
        let error: unknown;
        try {
            checkBrowser();
        } catch (e) {
            error = e;
        }
        expect(error).toBeInstanceOf(StartupError);
        expect((error as StartupError).kind).toBe("browser");
        expect((error as StartupError).detail).toMatch(/^Missing: .*IndexedDB/);
    });

    it("passes in a window that has everything", () => {
        Object.defineProperty(window, "indexedDB", { value: {}, configurable: true });
        expect(() => checkBrowser()).not.toThrow();
    });
});
