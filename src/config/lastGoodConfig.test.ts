import { memoryStorage } from "../../test/helpers/configService";
import { MAX_CONFIG_CHARS } from "./configService";
import { LAST_GOOD_KEY, LastGoodConfig, readLastGood, writeLastGood } from "./lastGoodConfig";

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
