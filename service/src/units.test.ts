/** @jest-environment node */
// The small pure pieces: layering, ETags, Host headers, command-line options, cache rules.
import { ifNoneMatchHits, strongEtag } from "./etag.ts";
import { layerConfig } from "./layering.ts";
import { parseOptions, UsageError } from "./options.ts";
import { parseHostHeader } from "./tenantStore.ts";
import { cacheControlFor } from "./webapp.ts";

describe("layerConfig", () => {
    it("lets the tenant win, merging objects and replacing arrays", () => {
        const defaults = { a: 1, list: [1, 2, 3], nested: { x: 1, y: { z: 1 } }, keep: "d" };
        const tenant = { a: 2, list: [9], nested: { y: { w: 2 } }, extra: true };
        expect(layerConfig(defaults, tenant)).toEqual({
            a: 2,
            list: [9],
            nested: { x: 1, y: { z: 1, w: 2 } },
            keep: "d",
            extra: true,
        });
        expect(defaults.nested.y).toEqual({ z: 1 }); // inputs untouched
    });

    it("drops prototype keys at any depth", () => {
        const tenant = JSON.parse('{"__proto__": {"p": 1}, "o": {"constructor": {"q": 1}, "prototype": 1, "ok": 1}}');
        expect(layerConfig({}, tenant)).toEqual({ o: { ok: 1 } });
        expect(({} as Record<string, unknown>).p).toBeUndefined();
    });
});

describe("ETags", () => {
    it("are strong and hash the exact bytes", () => {
        expect(strongEtag("{}")).toBe(strongEtag("{}"));
        expect(strongEtag("{}")).not.toBe(strongEtag("{}\n"));
        expect(strongEtag("x")).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    });

    it("match If-None-Match lists, weak forms and *", () => {
        const tag = strongEtag("x");
        expect(ifNoneMatchHits(tag, tag)).toBe(true);
        expect(ifNoneMatchHits(`"a", ${tag}`, tag)).toBe(true);
        expect(ifNoneMatchHits(`W/${tag}`, tag)).toBe(true);
        expect(ifNoneMatchHits("*", tag)).toBe(true);
        expect(ifNoneMatchHits('"a"', tag)).toBe(false);
        expect(ifNoneMatchHits(undefined, tag)).toBe(false);
        expect(ifNoneMatchHits(tag.slice(1, -1), tag)).toBe(false);
    });
});

describe("parseHostHeader", () => {
    it("splits name and port, lower-cases, drops a trailing dot, keeps IPv6 brackets", () => {
        expect(parseHostHeader("Chat.Example.org.:8443")).toEqual({
            withPort: "chat.example.org:8443",
            name: "chat.example.org",
        });
        expect(parseHostHeader("localhost")).toEqual({ withPort: "localhost", name: "localhost" });
        expect(parseHostHeader("[::1]:8090")).toEqual({ withPort: "[::1]:8090", name: "[::1]" });
        expect(parseHostHeader("")).toBeNull();
        expect(parseHostHeader("a:b:c")).toBeNull();
        expect(parseHostHeader(undefined)).toBeNull();
    });
});

describe("parseOptions", () => {
    it("takes flags over environment over defaults", () => {
        expect(parseOptions(["--tenants", "t"], {})).toEqual({
            tenantsDir: "t",
            port: 8090,
            host: "127.0.0.1",
            webappDir: undefined,
            webOrigins: [],
            logLevel: "info",
            trustProxy: false,
            watch: true,
            operatorToken: undefined,
            limits: {},
        });
        const env = {
            ATRIUM_TENANTS_DIR: "e",
            ATRIUM_PORT: "9000",
            ATRIUM_WEBAPP_DIR: "w",
            ATRIUM_WEB_ORIGINS: "https://a.test, https://b.test",
            ATRIUM_TRUST_PROXY: "1",
            ATRIUM_WATCH: "0",
        };
        expect(parseOptions([], env)).toMatchObject({
            tenantsDir: "e",
            port: 9000,
            webappDir: "w",
            webOrigins: ["https://a.test", "https://b.test"],
            trustProxy: true,
            watch: false,
        });
        expect(
            parseOptions(["--tenants", "f", "--port", "1", "--host", "0.0.0.0", "--webapp", "x", "--no-watch"], env),
        ).toMatchObject({
            tenantsDir: "f",
            port: 1,
            host: "0.0.0.0",
            webappDir: "x",
            watch: false,
        });
        expect(parseOptions(["--help"], {})).toBeNull();
    });

    it("refuses bad options with a usage error", () => {
        expect(() => parseOptions([], {})).toThrow(UsageError);
        expect(() => parseOptions(["--tenants", "t", "--port", "http"], {})).toThrow(/Port/);
        expect(() => parseOptions(["--tenants", "t", "--log-level", "loud"], {})).toThrow(/Log level/);
        expect(() => parseOptions(["--tenats", "t"], {})).toThrow(UsageError);
    });
});

describe("cacheControlFor", () => {
    it("caches content-hashed files for a year and revalidates the rest", () => {
        expect(cacheControlFor("/w/bundles/bundle.f6e8dfb6.js")).toBe("public, max-age=31536000, immutable");
        expect(cacheControlFor("/w/i18n/de_DE.9a5907f2.json")).toBe("public, max-age=31536000, immutable");
        expect(cacheControlFor("/w/index.html")).toBe("no-cache");
        expect(cacheControlFor("/w/img/atrium-logo.svg")).toBe("no-cache");
        // The media service worker keeps one URL; browsers must see a new one at once.
        expect(cacheControlFor("/w/sw.js")).toBe("no-cache");
        // The hash must come right before the extension: a backup of a hashed file is not itself one.
        expect(cacheControlFor("/w/bundles/bundle.f6e8dfb6.js.orig")).toBe("no-cache");
    });
});
