import { configAnswer, fakeService, FakeService, memoryStorage } from "../../test/helpers/configService";
import { ConfigStore } from "./configStore";
import { LAST_GOOD_KEY, LastGoodConfig } from "./lastGoodConfig";
import { LiveConfig, LiveConfigEffects } from "./liveConfig";

const SERVICE_URL = "http://localhost/v1/config"; // jsdom's page is http://localhost/
const NOW = 1_760_000_000_000;
const homeserver = (base_url: string): object => ({ "m.homeserver": { base_url, server_name: "example.org" } });

// The platform's config: where the service is, and a homeserver to start with whatever happens.
const BASE = {
    brand: "Bundled",
    default_server_config: homeserver("https://matrix.example.org"),
    atrium: { config_service: { url: "/v1/config" } },
};

const SERVICE_CONFIG = {
    brand: "Acme",
    atrium: { brand: { colors: { primary: "#112233" } }, notices: [{ id: "maintenance", text: "Down on Sunday" }] },
};

function stored(config: object, etag: string | null = '"v1"', fetchedAt = NOW - 86_400_000): Storage {
    const entry: LastGoodConfig = { config: config as LastGoodConfig["config"], etag, fetchedAt, source: SERVICE_URL };
    return memoryStorage({ [LAST_GOOD_KEY]: JSON.stringify(entry) });
}

function savedIn(storage: Storage): LastGoodConfig | null {
    const raw = storage.getItem(LAST_GOOD_KEY);
    return raw ? JSON.parse(raw) : null;
}

describe("LiveConfig", () => {
    let store: ConfigStore;
    let effects: jest.Mocked<LiveConfigEffects>;
    let now: number;

    function open(service: FakeService, storage: Storage | null, base: object = BASE): Promise<LiveConfig> {
        return LiveConfig.open(base as Record<string, unknown>, {
            effects,
            fetch: service.fetch,
            storage,
            store,
            now: () => now,
        });
    }

    beforeEach(() => {
        store = new ConfigStore();
        effects = { putConfig: jest.fn(), showBrand: jest.fn() };
        now = NOW;
        jest.spyOn(console, "warn").mockImplementation(() => {});
        jest.spyOn(console, "error").mockImplementation(() => {});
    });
    afterEach(() => {
        jest.useRealTimers();
        jest.restoreAllMocks();
    });

    describe("at start", () => {
        it("layers the service's config on the base, adds Atrium's defaults and saves it as the last good", async () => {
            const storage = memoryStorage();
            const live = await open(fakeService(configAnswer(SERVICE_CONFIG, '"v1"')), storage);
            expect(live.config.brand).toBe("Acme");
            expect(live.config.default_server_config).toEqual(homeserver("https://matrix.example.org"));
            expect(live.config.default_theme).toBe("custom-Acme");
            expect((live.config.setting_defaults!.custom_themes as { colors: object }[])[0].colors).toMatchObject({
                "accent-color": "#112233",
            });
            expect(savedIn(storage)).toEqual({
                config: SERVICE_CONFIG,
                etag: '"v1"',
                fetchedAt: NOW,
                source: SERVICE_URL,
            });
            expect(store.get()).toMatchObject({ config: live.config, fallback: null, pendingReload: [] });
        });

        it("asks nothing when the base config names no service", async () => {
            const service = fakeService(configAnswer(SERVICE_CONFIG));
            const live = await open(service, memoryStorage(), { brand: "Bundled" });
            expect(service.fetch).not.toHaveBeenCalled();
            expect(live.config.brand).toBe("Bundled");
            expect(store.get().fallback).toBeNull();
        });

        it("starts from the last good config when the service is down, and says so", async () => {
            const storage = stored(SERVICE_CONFIG);
            const live = await open(fakeService(new TypeError("Failed to fetch")), storage);
            expect(live.config.brand).toBe("Acme");
            expect(store.get().fallback).toEqual({
                source: "last-good",
                reason: { kind: "network", message: "Failed to fetch" },
                savedAt: NOW - 86_400_000,
            });
            expect(savedIn(storage)?.fetchedAt).toBe(NOW - 86_400_000);
        });

        it("starts from the bundled config when the service is down and nothing was saved, and says so", async () => {
            const live = await open(fakeService(new TypeError("Failed to fetch")), memoryStorage());
            expect(live.config.brand).toBe("Bundled");
            expect(live.config.default_server_config).toEqual(homeserver("https://matrix.example.org"));
            expect(store.get().fallback).toEqual({
                source: "bundled",
                reason: { kind: "network", message: "Failed to fetch" },
            });
        });

        it("does not wait longer than the timeout for a slow service", async () => {
            jest.useFakeTimers();
            const service = fakeService("hang");
            let started: LiveConfig | undefined;
            void open(service, stored(SERVICE_CONFIG)).then((live) => (started = live));
            await jest.advanceTimersByTimeAsync(2999);
            expect(started).toBeUndefined();
            await jest.advanceTimersByTimeAsync(1);
            expect(started?.config.brand).toBe("Acme");
            expect(store.get().fallback).toMatchObject({
                source: "last-good",
                reason: { kind: "timeout", timeoutMs: 3000 },
            });
            expect(service.requests[0].init?.signal?.aborted).toBe(true);
        });

        it("honours the configured timeout", async () => {
            jest.useFakeTimers();
            const base = { ...BASE, atrium: { config_service: { url: "/v1/config", timeout_ms: 500 } } };
            let started: LiveConfig | undefined;
            void open(fakeService("hang"), memoryStorage(), base).then((live) => (started = live));
            await jest.advanceTimersByTimeAsync(500);
            expect(started?.config.brand).toBe("Bundled");
            expect(store.get().fallback).toEqual({ source: "bundled", reason: { kind: "timeout", timeoutMs: 500 } });
        });

        it.each([
            ["not JSON", { status: 200, body: "<html>maintenance</html>" }, { kind: "not-json" }],
            [
                "a schema error",
                configAnswer({ atrium: { brand: { colors: { primary: "teal" } } } }),
                { kind: "schema", path: "/atrium/brand/colors/primary" },
            ],
            ["HTTP 502", { status: 502, body: "Bad gateway" }, { kind: "http", status: 502 }],
        ])(
            "falls back on an answer that is %s, keeping the saved copy, with the reason",
            async (_name, answer, reason) => {
                const storage = stored(SERVICE_CONFIG);
                const live = await open(fakeService(answer), storage);
                expect(live.config.brand).toBe("Acme");
                expect(store.get().fallback).toMatchObject({ source: "last-good", reason });
                expect(savedIn(storage)?.config).toEqual(SERVICE_CONFIG);
            },
        );

        it("sends the saved ETag and, on 304, uses the saved copy as current (no notice)", async () => {
            const storage = stored(SERVICE_CONFIG, '"v1"');
            const service = fakeService({ status: 304 });
            const live = await open(service, storage);
            expect(service.requests[0].headers["If-None-Match"]).toBe('"v1"');
            expect(live.config.brand).toBe("Acme");
            expect(store.get().fallback).toBeNull();
            expect(savedIn(storage)?.fetchedAt).toBe(NOW);
        });

        it("discards a hostile saved value and starts from the bundled config", async () => {
            const storage = memoryStorage({ [LAST_GOOD_KEY]: `{"config":{"brand":${"[".repeat(100_000)}` });
            const live = await open(fakeService(new TypeError("Failed to fetch")), storage);
            expect(live.config.brand).toBe("Bundled");
            expect(store.get().fallback).toMatchObject({ source: "bundled" });
            expect(storage.getItem(LAST_GOOD_KEY)).toBeNull();
        });

        it("starts even where the browser refuses storage", async () => {
            const live = await open(fakeService(configAnswer(SERVICE_CONFIG)), memoryStorage({}, true));
            expect(live.config.brand).toBe("Acme");
        });

        it("asks nothing and logs nothing when the base config names no service", async () => {
            const live = await open(fakeService(), memoryStorage(), { brand: "Bundled" });
            await live.revalidate();
            expect(console.warn).not.toHaveBeenCalled();
            expect(console.error).not.toHaveBeenCalled();
        });

        it("says in the log why the service is not used and what it starts from", async () => {
            await open(fakeService({ status: 502 }), memoryStorage());
            expect(console.warn).toHaveBeenLastCalledWith(
                expect.stringContaining(
                    `Atrium: the config service (${SERVICE_URL}) is not usable, HTTP 502; starting from the bundled config`,
                ),
            );
            await open(fakeService({ status: 502 }), stored(SERVICE_CONFIG));
            expect(console.warn).toHaveBeenLastCalledWith(
                expect.stringContaining("is not usable, HTTP 502; starting from the last saved config"),
            );
        });

        it("starts from the bundled config when a step fails unexpectedly, and says so", async () => {
            const clock = (): number => {
                throw new Error("the clock is broken");
            };
            const live = await LiveConfig.open(BASE, {
                effects,
                fetch: fakeService(configAnswer(SERVICE_CONFIG)).fetch,
                storage: memoryStorage(),
                store,
                now: clock,
            });
            expect(live.config.brand).toBe("Bundled");
            expect(store.get().fallback).toEqual({
                source: "bundled",
                reason: { kind: "error", message: "the clock is broken" },
            });
            expect(console.error).toHaveBeenCalledWith(
                expect.stringContaining("Atrium: the config service step failed; starting from the bundled config"),
                expect.any(Error),
            );
        });

        it("uses the browser's fetch when given none", async () => {
            const service = fakeService(configAnswer(SERVICE_CONFIG));
            const original = globalThis.fetch;
            globalThis.fetch = service.fetch;
            try {
                const live = await LiveConfig.open(BASE, { effects, storage: memoryStorage(), store });
                expect(live.config.brand).toBe("Acme");
            } finally {
                globalThis.fetch = original;
            }
        });

        it("never lets the service move itself: its atrium.config_service is ignored", async () => {
            const service = fakeService(
                configAnswer({
                    brand: "Acme",
                    atrium: { config_service: { url: "https://evil.example.org/v1/config" } },
                }),
            );
            const live = await open(service, memoryStorage());
            expect(live.config.brand).toBe("Acme"); // the rest of the service's config applies
            expect((live.config as { atrium?: { config_service?: object } }).atrium?.config_service).toEqual({
                url: "/v1/config",
            });
            await live.revalidate();
            expect(service.requests.map((r) => r.url)).toEqual([SERVICE_URL, SERVICE_URL]);
        });
    });

    describe("revalidating", () => {
        it("replaces a stale saved copy once the service is back, and clears the notice", async () => {
            const storage = stored({ brand: "Old" }, '"v1"');
            const service = fakeService(new TypeError("Failed to fetch"));
            const live = await open(service, storage);
            expect(live.config.brand).toBe("Old");
            expect(store.get().fallback).toMatchObject({ source: "last-good" });

            service.answer(configAnswer(SERVICE_CONFIG, '"v2"'));
            now = NOW + 60_000;
            await live.revalidate();
            expect(service.requests[1].headers["If-None-Match"]).toBe('"v1"');
            expect(live.config.brand).toBe("Acme");
            expect(store.get().fallback).toBeNull();
            expect(savedIn(storage)).toEqual({
                config: SERVICE_CONFIG,
                etag: '"v2"',
                fetchedAt: NOW + 60_000,
                source: SERVICE_URL,
            });
        });

        it("clears the notice when the service confirms the saved copy with a 304", async () => {
            const storage = stored(SERVICE_CONFIG, '"v1"');
            const service = fakeService("hang");
            jest.useFakeTimers();
            const opening = open(service, storage);
            await jest.advanceTimersByTimeAsync(3000);
            const live = await opening;
            jest.useRealTimers();
            expect(store.get().fallback).toMatchObject({ reason: { kind: "timeout" } });

            service.answer({ status: 304 });
            await live.revalidate();
            expect(store.get().fallback).toBeNull();
            expect(effects.putConfig).not.toHaveBeenCalled();
        });

        it("changes nothing on a 304", async () => {
            const service = fakeService(configAnswer(SERVICE_CONFIG, '"v1"'));
            const live = await open(service, memoryStorage());
            const before = live.config;
            const listener = jest.fn();
            store.subscribe(listener);
            service.answer({ status: 304 });
            await live.revalidate();
            expect(service.requests[1].headers["If-None-Match"]).toBe('"v1"');
            expect(live.config).toBe(before);
            expect(effects.putConfig).not.toHaveBeenCalled();
            expect(listener).not.toHaveBeenCalled();
        });

        it("applies a new brand name and colours live", async () => {
            const service = fakeService(configAnswer(SERVICE_CONFIG, '"v1"'));
            const live = await open(service, memoryStorage());
            service.answer(
                configAnswer(
                    {
                        ...SERVICE_CONFIG,
                        brand: "Acme Corp",
                        atrium: {
                            ...SERVICE_CONFIG.atrium,
                            brand: { colors: { primary: "#445566", sidebar: "#010101" } },
                        },
                    },
                    '"v2"',
                ),
            );
            await live.revalidate();

            expect(live.config.brand).toBe("Acme Corp");
            expect(live.config.default_theme).toBe("custom-Acme Corp");
            expect(effects.putConfig).toHaveBeenCalledWith(live.config);
            const [before, after] = effects.showBrand.mock.calls[0];
            expect(before).toMatchObject({ name: "Acme", colours: { primary: "#112233" } });
            expect(after).toMatchObject({ name: "Acme Corp", colours: { primary: "#445566", sidebar: "#010101" } });
            const theme = (live.config.setting_defaults!.custom_themes as { name: string; colors: object }[])[0];
            expect(theme).toMatchObject({
                name: "Acme Corp",
                colors: { "accent-color": "#445566", "sidebar-color": "#010101" },
            });
            expect(store.get()).toMatchObject({ config: live.config, pendingReload: [] });
        });

        it("applies new notices live without touching the brand", async () => {
            const service = fakeService(configAnswer(SERVICE_CONFIG, '"v1"'));
            const live = await open(service, memoryStorage());
            const notices = [{ id: "upgrade", text: "New version tonight", level: "warning" }];
            service.answer(configAnswer({ ...SERVICE_CONFIG, atrium: { ...SERVICE_CONFIG.atrium, notices } }, '"v2"'));
            await live.revalidate();
            expect((store.get().config as { atrium?: { notices?: object } }).atrium?.notices).toEqual(notices);
            expect(effects.putConfig).toHaveBeenCalledTimes(1);
            expect(effects.showBrand).not.toHaveBeenCalled();
            expect(store.get().pendingReload).toEqual([]);
        });

        it("applies module switches live", async () => {
            const service = fakeService(configAnswer(SERVICE_CONFIG, '"v1"'));
            const live = await open(service, memoryStorage());
            service.answer(
                configAnswer(
                    {
                        ...SERVICE_CONFIG,
                        atrium: { ...SERVICE_CONFIG.atrium, modules: { "room-link": { enabled: false } } },
                    },
                    '"v2"',
                ),
            );
            await live.revalidate();
            expect((live.config as { atrium?: { modules?: object } }).atrium?.modules).toEqual({
                "room-link": { enabled: false },
            });
            expect(store.get().pendingReload).toEqual([]);
        });

        it("offers a reload for a new homeserver instead of switching under people's feet", async () => {
            const service = fakeService(configAnswer(SERVICE_CONFIG, '"v1"'));
            const live = await open(service, memoryStorage());
            service.answer(
                configAnswer(
                    { ...SERVICE_CONFIG, default_server_config: homeserver("https://new.example.org") },
                    '"v2"',
                ),
            );
            await live.revalidate();
            expect(store.get().pendingReload).toEqual(["/default_server_config/m.homeserver/base_url"]);
            expect(live.config.default_server_config).toEqual(homeserver("https://matrix.example.org"));
            expect(effects.putConfig).not.toHaveBeenCalled();

            // Changed back before anyone reloaded: nothing left to reload for.
            service.answer(configAnswer(SERVICE_CONFIG, '"v3"'));
            await live.revalidate();
            expect(store.get().pendingReload).toEqual([]);
        });

        it("applies the live part of a mixed change and offers a reload for the rest", async () => {
            const service = fakeService(configAnswer(SERVICE_CONFIG, '"v1"'));
            const live = await open(service, memoryStorage());
            service.answer(
                configAnswer({ ...SERVICE_CONFIG, brand: "Beta", default_hs_url: "https://hs.example.org" }, '"v2"'),
            );
            await live.revalidate();
            expect(live.config.brand).toBe("Beta");
            expect((live.config as { default_hs_url?: string }).default_hs_url).toBeUndefined();
            expect(store.get().pendingReload).toEqual(["/default_hs_url"]);
        });

        it.each([
            ["not JSON", { status: 200, body: "{oops" }],
            ["invalid against the schema", configAnswer({ brand: "" }, '"v2"')],
            ["not an object", configAnswer([SERVICE_CONFIG], '"v2"')],
        ])("ignores an update that is %s, keeps the config in use and logs it", async (_name, answer) => {
            const storage = memoryStorage();
            const service = fakeService(configAnswer(SERVICE_CONFIG, '"v1"'));
            const live = await open(service, storage);
            const before = live.config;
            service.answer(answer);
            await live.revalidate();
            expect(live.config).toBe(before);
            expect(effects.putConfig).not.toHaveBeenCalled();
            expect(store.get().fallback).toBeNull();
            expect(savedIn(storage)?.etag).toBe('"v1"');
            expect(console.error).toHaveBeenCalledWith(expect.stringMatching(/ignoring an invalid config update/));
        });

        it("keeps the config in use while the service is unreachable", async () => {
            const service = fakeService(configAnswer(SERVICE_CONFIG, '"v1"'));
            const live = await open(service, memoryStorage());
            service.answer(new TypeError("Failed to fetch"));
            await live.revalidate();
            expect(live.config.brand).toBe("Acme");
            expect(store.get().fallback).toBeNull();
        });

        it("asks again every revalidate_seconds with the ETag, while the page is visible, until stopped", async () => {
            jest.useFakeTimers();
            const base = { ...BASE, atrium: { config_service: { url: "/v1/config", revalidate_seconds: 30 } } };
            const service = fakeService(configAnswer(SERVICE_CONFIG, '"v1"'));
            const live = await open(service, memoryStorage(), base);
            service.answer({ status: 304 });
            live.startRevalidating();
            live.startRevalidating(); // a second start does not double the loop

            await jest.advanceTimersByTimeAsync(29_999);
            expect(service.fetch).toHaveBeenCalledTimes(1);
            await jest.advanceTimersByTimeAsync(1);
            expect(service.fetch).toHaveBeenCalledTimes(2);
            expect(service.requests[1].headers["If-None-Match"]).toBe('"v1"');

            const visibility = jest.spyOn(document, "visibilityState", "get").mockReturnValue("hidden");
            await jest.advanceTimersByTimeAsync(30_000);
            expect(service.fetch).toHaveBeenCalledTimes(2);
            visibility.mockReturnValue("visible");
            await jest.advanceTimersByTimeAsync(30_000);
            expect(service.fetch).toHaveBeenCalledTimes(3);

            live.stop();
            await jest.advanceTimersByTimeAsync(120_000);
            expect(service.fetch).toHaveBeenCalledTimes(3);
        });

        it("keeps the saved copy current on a 304: the same config, its ETag, the time it was confirmed", async () => {
            const storage = memoryStorage();
            const service = fakeService(configAnswer(SERVICE_CONFIG, '"v1"'));
            const live = await open(service, storage);
            service.answer({ status: 304 });
            now = NOW + 60_000;
            await live.revalidate();
            expect(savedIn(storage)).toEqual({
                config: SERVICE_CONFIG,
                etag: '"v1"',
                fetchedAt: NOW + 60_000,
                source: SERVICE_URL,
            });
        });

        it("logs an unreachable service as a warning, an invalid answer as an error", async () => {
            const service = fakeService(configAnswer(SERVICE_CONFIG, '"v1"'));
            const live = await open(service, memoryStorage());
            service.answer(new TypeError("Failed to fetch"));
            await live.revalidate();
            expect(console.warn).toHaveBeenLastCalledWith(
                expect.stringContaining(
                    "Atrium: the config service is not reachable (network error: Failed to fetch); keeping the config in use",
                ),
            );
            expect(console.error).not.toHaveBeenCalled();
            service.answer({ status: 200, body: "<html>" });
            await live.revalidate();
            expect(console.error).toHaveBeenLastCalledWith(
                expect.stringContaining("ignoring an invalid config update (the answer is not JSON)"),
            );
        });

        it("never throws from a failing step, and keeps the config it had", async () => {
            const storage = memoryStorage();
            const service = fakeService(configAnswer(SERVICE_CONFIG, '"v1"'));
            let clockBroken = false;
            const live = await LiveConfig.open(BASE, {
                effects,
                fetch: service.fetch,
                storage,
                store,
                now: () => {
                    if (clockBroken) throw new Error("the clock is broken");
                    return NOW;
                },
            });
            clockBroken = true;
            service.answer(configAnswer({ ...SERVICE_CONFIG, brand: "Globex" }, '"v2"'));
            await expect(live.revalidate()).resolves.toBeUndefined();
            expect(console.error).toHaveBeenCalledWith(
                expect.stringContaining("Atrium: revalidating the config failed"),
                expect.any(Error),
            );
            expect(savedIn(storage)?.etag).toBe('"v1"');
        });

        it("keeps going when handing the change to the app fails, and logs it", async () => {
            const service = fakeService(configAnswer(SERVICE_CONFIG, '"v1"'));
            const live = await open(service, memoryStorage());
            effects.putConfig.mockImplementation(() => {
                throw new Error("the SDK refused");
            });
            service.answer(configAnswer({ ...SERVICE_CONFIG, brand: "Globex" }, '"v2"'));
            await expect(live.revalidate()).resolves.toBeUndefined();
            expect(console.error).toHaveBeenCalledWith(
                expect.stringContaining("Atrium: applying the config change failed"),
                expect.any(Error),
            );
            expect(live.config.brand).toBe("Globex");
        });

        it("does not start asking again once stopped", async () => {
            jest.useFakeTimers();
            const service = fakeService(configAnswer(SERVICE_CONFIG, '"v1"'));
            const live = await open(service, memoryStorage());
            live.stop();
            live.startRevalidating();
            await jest.advanceTimersByTimeAsync(600_000);
            expect(service.fetch).toHaveBeenCalledTimes(1);
        });

        it("asks once for overlapping revalidations", async () => {
            const service = fakeService(configAnswer(SERVICE_CONFIG, '"v1"'));
            const live = await open(service, memoryStorage());
            service.answer({ status: 304 });
            await Promise.all([live.revalidate(), live.revalidate()]);
            expect(service.fetch).toHaveBeenCalledTimes(2);
        });
    });
});
