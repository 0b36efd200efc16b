import { memoryStorage } from "../../test/helpers/configService";
import { MAX_CONFIG_CHARS } from "./configService";
import { browserStorage, LAST_GOOD_KEY, LastGoodConfig, readLastGood, writeLastGood } from "./lastGoodConfig";

const SOURCE = "https://chat.example.org/v1/config";
const good: LastGoodConfig = { config: { brand: "Acme" }, etag: '"v3"', fetchedAt: 1_700_000_000_000, source: SOURCE };

describe("the last good config", () => {
    beforeEach(() => jest.spyOn(console, "warn").mockImplementation(() => {}));
    afterEach(() => jest.restoreAllMocks());

    it("is read back as it was saved", () => {
        const storage = memoryStorage();
        expect(writeLastGood(good, storage)).toBe(true);
        expect(JSON.parse(storage.getItem(LAST_GOOD_KEY)!)).toEqual(good);
        expect(readLastGood(SOURCE, storage)).toEqual(good);
    });

    it("is found under the key earlier versions saved it under", () => {
        const storage = memoryStorage({ atrium_config_last_good: JSON.stringify(good) });
        expect(readLastGood(SOURCE, storage)).toEqual(good);
    });

    it("is saved without an ETag that could not be sent back", () => {
        const storage = memoryStorage();
        writeLastGood({ ...good, etag: 'x"\n' }, storage);
        expect(readLastGood(SOURCE, storage)?.etag).toBeNull();
    });

    it("is nothing when none was saved or storage is unavailable", () => {
        expect(readLastGood(SOURCE, memoryStorage())).toBeNull();
        expect(readLastGood(SOURCE, null)).toBeNull();
        expect(readLastGood(SOURCE, memoryStorage({}, true))).toBeNull();
        expect(writeLastGood(good, memoryStorage({}, true))).toBe(false);
        expect(writeLastGood(good, null)).toBe(false);
    });

    it("is not used for another config service, and is removed", () => {
        const storage = memoryStorage();
        writeLastGood(good, storage);
        expect(readLastGood("https://other.example.org/v1/config", storage)).toBeNull();
        expect(storage.getItem(LAST_GOOD_KEY)).toBeNull();
    });

    const hostile: [string, string][] = [
        ["not JSON", "{brand: Acme"],
        ["JSON that is not an object", '"Acme"'],
        ["an array", "[1,2,3]"],
        ["no config", JSON.stringify({ ...good, config: undefined })],
        ["a config that is not an object", JSON.stringify({ ...good, config: "Acme" })],
        [
            "a config against the schema",
            JSON.stringify({ ...good, config: { atrium: { brand: { colors: { primary: "url(javascript:x)" } } } } }),
        ],
        ["a config with an unknown Atrium key", JSON.stringify({ ...good, config: { atrium: { evil: true } } })],
        ["no fetch time", JSON.stringify({ ...good, fetchedAt: "yesterday" })],
        ["an ETag that would break the next request", JSON.stringify({ ...good, etag: '"v1"\r\nCookie: x' })],
        [
            "absurd nesting",
            `{"config":{"setting_defaults":${"[".repeat(5000)}${"]".repeat(5000)}},"etag":null,"fetchedAt":1,"source":"${SOURCE}"}`,
        ],
        ["a value far larger than any config", `{"config":{"brand":"${"A".repeat(MAX_CONFIG_CHARS + 10_000)}"}}`],
    ];

    it.each(hostile)("is discarded when it is %s, without breaking the start", (_name, raw) => {
        const storage = memoryStorage({ [LAST_GOOD_KEY]: raw });
        expect(() => readLastGood(SOURCE, storage)).not.toThrow();
        expect(readLastGood(SOURCE, memoryStorage({ [LAST_GOOD_KEY]: raw }))).toBeNull();
        expect(storage.getItem(LAST_GOOD_KEY)).toBeNull();
    });

    it("never pollutes prototypes from a planted __proto__", () => {
        const raw = `{"config":{"__proto__":{"polluted":true},"brand":"Acme"},"etag":null,"fetchedAt":1,"source":"${SOURCE}","__proto__":{"polluted":true}}`;
        const read = readLastGood(SOURCE, memoryStorage({ [LAST_GOOD_KEY]: raw }));
        expect(read?.config.brand).toBe("Acme");
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
});

describe("what the last good config's refusals say", () => {
    let warn: jest.SpyInstance;
    beforeEach(() => (warn = jest.spyOn(console, "warn").mockImplementation(() => {})));
    afterEach(() => jest.restoreAllMocks());

    /** A storage whose getItem gives any value, as a broken or planted Storage might. */
    const storageGiving = (value: unknown): Storage =>
        ({ ...memoryStorage(), getItem: () => value, removeItem: jest.fn() }) as unknown as Storage;

    const discardedBecause = (why: string): void =>
        expect(warn).toHaveBeenCalledWith(expect.stringContaining(`Atrium: discarding the saved config (${why})`));

    it("says nothing when nothing was saved", () => {
        expect(readLastGood(SOURCE, memoryStorage())).toBeNull();
        expect(readLastGood(SOURCE, storageGiving(undefined))).toBeNull();
        expect(warn).not.toHaveBeenCalled();
    });

    it("says nothing when there is no storage to save in", () => {
        expect(writeLastGood(good, null)).toBe(false);
        expect(warn).not.toHaveBeenCalled();
    });

    it("says when saving failed", () => {
        expect(writeLastGood(good, memoryStorage({}, true))).toBe(false);
        expect(warn).toHaveBeenCalledWith(
            expect.stringContaining("Atrium: could not save the config for the next start"),
            expect.anything(),
        );
    });

    it.each<[string, string, string]>([
        ["not JSON", "{brand: Acme", "not JSON"],
        ["JSON that is not an object", '"Acme"', "not an object"],
        [
            "from another service",
            JSON.stringify({ ...good, source: "https://other.example.org/v1/config" }),
            "from another config service",
        ],
        ["without a fetch time", JSON.stringify({ ...good, fetchedAt: "yesterday" }), "no fetch time"],
        ["with an endless fetch time", JSON.stringify(good).replace("1700000000000", "1e999"), "no fetch time"],
        ["with a malformed ETag", JSON.stringify({ ...good, etag: "v1" }), "malformed ETag"],
        [
            "against the schema",
            JSON.stringify({ ...good, config: { brand: 42 } }),
            "schema error at /brand: must be string",
        ],
    ])("says why it discards a saved config %s", (_name, raw, why) => {
        expect(readLastGood(SOURCE, memoryStorage({ [LAST_GOOD_KEY]: raw }))).toBeNull();
        discardedBecause(why);
    });

    it("says why it discards a value that is no text", () => {
        const storage = storageGiving(42);
        expect(readLastGood(SOURCE, storage)).toBeNull();
        discardedBecause("not text");
        expect(storage.removeItem).toHaveBeenCalledWith(LAST_GOOD_KEY);
    });

    it("reads a saved value of exactly the largest size, and says how large a larger one is", () => {
        const largest = MAX_CONFIG_CHARS + 4096;
        const padded = (length: number): string => {
            const entry = JSON.stringify({ ...good, config: { ...good.config, padding: "" } });
            return entry.replace('"padding":""', `"padding":"${"p".repeat(length - entry.length)}"`);
        };
        expect(readLastGood(SOURCE, memoryStorage({ [LAST_GOOD_KEY]: padded(largest) }))?.config.brand).toBe("Acme");
        expect(readLastGood(SOURCE, memoryStorage({ [LAST_GOOD_KEY]: padded(largest + 1) }))).toBeNull();
        discardedBecause(`${largest + 1} characters`);
    });
});

describe("browserStorage", () => {
    afterEach(() => jest.restoreAllMocks());

    it("is the page's localStorage", () => {
        expect(browserStorage()).toBe(window.localStorage);
    });

    it("is null where the browser refuses storage", () => {
        jest.spyOn(window, "localStorage", "get").mockImplementation(() => {
            throw new DOMException("The operation is insecure.", "SecurityError");
        });
        expect(browserStorage()).toBeNull();
    });
});
