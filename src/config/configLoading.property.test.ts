// Property-based: thousands of random, malformed and hostile configs thrown at the client's loader
// and validator. Whatever arrives, nothing throws, and every refusal comes with a clear reason.
import fc from "fast-check";

import { configAnswer, fakeService, memoryStorage, type Answer } from "../../test/helpers/configService";
import { brandFromConfig } from "../brand/brand";
import { initAtriumI18n, t } from "../i18n/atriumI18n";
import { adminNotices } from "../notices/adminNotices";
import { fallbackReasonText } from "../notices/NoticeArea";
import { withAtriumDefaults } from "./atriumDefaults";
import { describeFallbackReason, FallbackReason, readServiceConfig } from "./configService";
import { checkConfig, describeConfigProblem } from "./configValidator";
import { ConfigStore } from "./configStore";
import { deepMerge } from "../../contract/deepMerge";
import { LAST_GOOD_KEY, readLastGood } from "./lastGoodConfig";
import { LiveConfig } from "./liveConfig";

const REASON_KINDS = [
    "timeout",
    "network",
    "http",
    "not-json",
    "too-large",
    "error",
    "not-object",
    "too-deep",
    "schema",
];
const SERVICE_URL = "http://localhost/v1/config";
const BASE = {
    brand: "Bundled",
    default_server_config: { "m.homeserver": { base_url: "https://matrix.example.org" } },
    atrium: { config_service: { url: "/v1/config" } },
};

// ---- Arbitraries: configs near the contract, with hostile values mixed into every field. ----

const hostileText = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: "binary", maxLength: 300 }),
    fc.constantFrom(
        "",
        " ",
        "javascript:alert(1)",
        "#zzzzzz",
        "<img src=x onerror=alert(1)>",
        "__proto__",
        "\u0000",
        "a".repeat(3000),
        "😀".repeat(201),
    ),
);
const anyJson = fc.oneof(
    hostileText,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.jsonValue({ maxDepth: 3 }),
);
const orAnything = <T>(good: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
    fc.oneof({ weight: 3, arbitrary: good }, { weight: 1, arbitrary: anyJson });
const partial = <T extends Record<string, fc.Arbitrary<unknown>>>(fields: T): fc.Arbitrary<Record<string, unknown>> =>
    fc.record(fields, { requiredKeys: [] }) as fc.Arbitrary<Record<string, unknown>>;

/**
 * Configs near the contract. `hostile` mixes anything into every field (most such configs are
 * refused); without it, every field is well-formed, so the config passes and what follows the
 * contract gets exercised too. Keys the contract leaves open (setting_defaults, unknown keys) get
 * anything either way.
 */
function configArbitrary(hostile: boolean): fc.Arbitrary<Record<string, unknown>> {
    const or = <T>(good: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
        hostile ? fc.oneof({ weight: 3, arbitrary: good }, { weight: 1, arbitrary: anyJson }) : good;
    const text = (max: number): fc.Arbitrary<unknown> =>
        or(fc.string({ minLength: 1, maxLength: max }).filter((t) => t.length > 0));
    const colour = or(fc.stringMatching(/^#[0-9a-fA-F]{6}$/));
    const httpUrl = or(fc.webUrl());
    const url = or(fc.oneof(fc.webUrl(), fc.constantFrom("img/logo.svg", "/v1/config", "//cdn.example.org/x.svg")));
    return fc
        .tuple(
            partial({
                brand: text(30),
                default_server_config: or(
                    fc.record(
                        {
                            "m.homeserver": or(
                                fc.record({ base_url: httpUrl, server_name: text(20) }, { requiredKeys: ["base_url"] }),
                            ),
                        },
                        { requiredKeys: ["m.homeserver"] },
                    ),
                ),
                default_hs_url: httpUrl,
                disable_guests: or(fc.boolean()),
                default_theme: or(fc.constantFrom("light", "dark", "custom-Acme")),
                features: or(fc.dictionary(fc.string({ maxLength: 10 }), fc.boolean(), { maxKeys: 3 })),
                // Open in the contract: anything goes, and what Atrium reads from it must cope.
                setting_defaults: fc.oneof(
                    partial({ custom_themes: anyJson, use_system_theme: anyJson }),
                    fc.dictionary(fc.string(), anyJson),
                ),
                branding: or(
                    partial({
                        auth_header_logo_url: url,
                        auth_footer_links: or(
                            fc.array(or(fc.record({ text: text(20), url: httpUrl })), { maxLength: hostile ? 22 : 5 }),
                        ),
                    }),
                ),
                atrium: or(
                    partial({
                        brand: or(
                            partial({
                                logo_url: url,
                                colors: or(partial({ primary: colour, on_primary: colour, sidebar: colour })),
                            }),
                        ),
                        notices: or(
                            fc.array(
                                or(
                                    fc.record(
                                        {
                                            id: or(fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,63}$/)),
                                            text: hostile ? hostileText : text(80),
                                            level: or(fc.constantFrom("info", "warning")),
                                        },
                                        { requiredKeys: ["id", "text"] },
                                    ),
                                ),
                                { maxLength: hostile ? 12 : 5 },
                            ),
                        ),
                        modules: or(partial({ "room-link": or(partial({ enabled: or(fc.boolean()) })) })),
                        config_service: or(
                            partial({
                                url,
                                timeout_ms: or(fc.integer({ min: 100, max: 30000 })),
                                revalidate_seconds: or(fc.integer({ min: 5, max: 86400 })),
                            }),
                        ),
                    }),
                ),
            }),
            fc.dictionary(
                fc
                    .string({ maxLength: 12 })
                    .filter((k) => !/^(brand|branding|atrium|default_|disable_|features|setting_defaults)/.test(k)),
                fc.jsonValue({ maxDepth: 4 }),
                {
                    maxKeys: 5,
                },
            ),
        )
        .map(([known, extra]) => ({ ...extra, ...known }));
}

const validConfig = configArbitrary(false);
/** A valid config with one known place replaced by anything: refusals that name that place. */
const oneBadField = fc
    .tuple(
        validConfig,
        fc.constantFrom(
            ["brand"],
            ["default_hs_url"],
            ["atrium", "brand", "colors", "primary"],
            ["atrium", "notices"],
            ["atrium", "modules", "room-link"],
            ["branding", "auth_footer_links"],
        ),
        anyJson,
    )
    .map(([config, path, value]) => {
        const copy = JSON.parse(JSON.stringify(config)) as Record<string, unknown>;
        let at = copy;
        for (const key of path.slice(0, -1)) {
            if (typeof at[key] !== "object" || at[key] === null || Array.isArray(at[key])) at[key] = {};
            at = at[key] as Record<string, unknown>;
        }
        at[path[path.length - 1]] = value;
        return copy;
    });
const configLike = fc.oneof(validConfig, oneBadField, configArbitrary(true));

/** Valid JSON text with a few characters cut, doubled or swapped in: the kind of damage proxies and editors do. */
const damagedJson = fc
    .tuple(
        configLike.map((c) => JSON.stringify(c)),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom("cut", "double", "brace", "quote")), { maxLength: 3 }),
    )
    .map(([text, edits]) =>
        edits.reduce((acc, [at, edit]) => {
            const i = acc.length === 0 ? 0 : at % acc.length;
            if (edit === "cut") return acc.slice(0, i) + acc.slice(i + 1);
            if (edit === "double") return acc.slice(0, i) + acc[i] + acc.slice(i);
            return acc.slice(0, i) + (edit === "brace" ? "{" : '"') + acc.slice(i);
        }, text),
    );

const serviceText = fc.oneof(
    configLike.map((c) => JSON.stringify(c)),
    damagedJson,
    fc.json(),
    fc.string({ unit: "binary", maxLength: 200 }),
    fc.constantFrom(
        "",
        "null",
        "[]",
        "<html>502 Bad Gateway</html>",
        '{"__proto__":{"polluted":true}}',
        `${"[".repeat(10_000)}${"]".repeat(10_000)}`,
    ),
);

// ---- What a clear error is. ----

function expectClearReason(reason: FallbackReason): void {
    expect(REASON_KINDS).toContain(reason.kind);
    expect(describeFallbackReason(reason)).toMatch(/\S/);
    expect(fallbackReasonText(reason, t)).toMatch(/\S/);
    expect(fallbackReasonText(reason, t)).not.toMatch(/^notices\./); // a real string, not a missing key
    if (reason.kind === "schema") {
        expect(reason.path).toMatch(/^\//);
        expect(reason.message).toMatch(/\S/);
        expect(reason.message.length).toBeLessThanOrEqual(300);
    }
}

describe("the config loader under random and malformed configs", () => {
    beforeAll(async () => {
        await initAtriumI18n("en");
    });
    beforeEach(() => {
        jest.spyOn(console, "warn").mockImplementation(() => {});
        jest.spyOn(console, "error").mockImplementation(() => {});
    });
    afterEach(() => {
        jest.restoreAllMocks();
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it("reads any text the service might send: a usable config or a clear reason, never an exception", () => {
        fc.assert(
            fc.property(serviceText, (text) => {
                const read = readServiceConfig(text);
                if (read.ok) {
                    expect(checkConfig(read.config).ok).toBe(true);
                } else {
                    expectClearReason(read.reason);
                }
            }),
            { numRuns: 3000 },
        );
    });

    it("checks any config-like value: what passes is safe to build the app's config from", () => {
        fc.assert(
            fc.property(configLike, (config) => {
                const check = checkConfig(JSON.parse(JSON.stringify(config)));
                if (!check.ok) {
                    expect(describeConfigProblem(check.problem)).toMatch(/\S/);
                    expectClearReason(check.problem);
                    return;
                }
                const effective = withAtriumDefaults(deepMerge(BASE, check.config));
                expect(typeof effective.brand).toBe("string");
                const brand = brandFromConfig(effective);
                for (const value of Object.values(brand.colours)) expect(value).toMatch(/^#[0-9a-fA-F]{6}$/);
                for (const notice of adminNotices(check.config)) expect(typeof notice.text).toBe("string");
            }),
            { numRuns: 3000 },
        );
    });

    it("checks any value at all without throwing", () => {
        fc.assert(
            fc.property(
                fc.anything({
                    withNullPrototype: true,
                    withBoxedValues: true,
                    withMap: true,
                    withSet: true,
                    maxDepth: 6,
                }),
                (value) => {
                    const check = checkConfig(value);
                    if (!check.ok) expect(describeConfigProblem(check.problem)).toMatch(/\S/);
                },
            ),
            { numRuns: 2000 },
        );
    });

    it("reads back any stored value as a valid config or nothing", () => {
        const envelope = fc.record(
            {
                config: orAnything(configLike),
                etag: orAnything(fc.constantFrom('"v1"', 'W/"x"', null)),
                fetchedAt: orAnything(fc.integer()),
                source: orAnything(fc.constant(SERVICE_URL)),
            },
            { requiredKeys: [] },
        );
        fc.assert(
            fc.property(
                fc.oneof(
                    envelope.map((e) => JSON.stringify(e)),
                    serviceText,
                ),
                (raw) => {
                    const storage = memoryStorage({ [LAST_GOOD_KEY]: raw });
                    const read = readLastGood(SERVICE_URL, storage);
                    if (read) expect(checkConfig(read.config).ok).toBe(true);
                    else expect(storage.getItem(LAST_GOOD_KEY)).toBeNull();
                },
            ),
            { numRuns: 2000 },
        );
    });

    it("always starts, and keeps running through any later answer", async () => {
        const answer: fc.Arbitrary<Answer | Error> = fc.oneof(
            { weight: 4, arbitrary: serviceText.map((body) => ({ status: 200, body, etag: '"v2"' })) },
            { weight: 1, arbitrary: configLike.map((c) => configAnswer(c, '"v3"')) },
            {
                weight: 1,
                arbitrary: fc.constantFrom<Answer | Error>(
                    { status: 304 },
                    { status: 502, body: "Bad gateway" },
                    new TypeError("Failed to fetch"),
                ),
            },
        );
        const storedValue = fc.option(
            fc.oneof(
                configLike.map((config) => JSON.stringify({ config, etag: '"v1"', fetchedAt: 1, source: SERVICE_URL })),
                serviceText,
            ),
            { nil: undefined },
        );
        await fc.assert(
            fc.asyncProperty(storedValue, answer, answer, async (stored, first, later) => {
                const store = new ConfigStore();
                const storage = memoryStorage(stored === undefined ? {} : { [LAST_GOOD_KEY]: stored });
                const service = fakeService(first, later);
                const effects = { putConfig: jest.fn(), showBrand: jest.fn() };
                const live = await LiveConfig.open(BASE, { effects, fetch: service.fetch, storage, store });
                expect(typeof live.config.brand).toBe("string");
                expect(live.config.default_server_config).toBeDefined();
                const { fallback } = store.get();
                if (fallback) expectClearReason(fallback.reason);
                // A valid answer is used as it is; "error" would mean the client itself broke on it.
                const firstRead =
                    !(first instanceof Error) && first.status === 200 ? readServiceConfig(first.body ?? "") : null;
                if (firstRead?.ok) expect(fallback).toBeNull();
                expect(fallback?.reason.kind).not.toBe("error");

                await live.revalidate();
                expect(typeof live.config.brand).toBe("string");
                const after = store.get();
                if (after.fallback) expectClearReason(after.fallback.reason);
                for (const path of after.pendingReload) expect(path).toMatch(/^\//);
            }),
            { numRuns: 1000 },
        );
    });
});
