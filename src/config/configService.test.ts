import { configAnswer, fakeService } from "../../test/helpers/configService";
import {
    CONFIG_SERVICE_DEFAULTS,
    ConfigServiceSettings,
    configServiceSettings,
    describeFallbackReason,
    entityTagOrNull,
    fetchServiceConfig,
    isInvalidAnswer,
    MAX_CONFIG_CHARS,
    readServiceConfig,
} from "./configService";

const settings: ConfigServiceSettings = {
    url: "https://chat.example.org/v1/config",
    timeoutMs: 3000,
    revalidateSeconds: 60,
};

describe("configServiceSettings", () => {
    beforeEach(() => jest.spyOn(console, "error").mockImplementation(() => {}));
    afterEach(() => jest.restoreAllMocks());

    it("resolves a relative URL against the app's address, with Atrium's defaults", () => {
        expect(
            configServiceSettings(
                { atrium: { config_service: { url: "/v1/config" } } },
                "https://chat.example.org/app/#/home",
            ),
        ).toEqual({
            url: "https://chat.example.org/v1/config",
            timeoutMs: 3000,
            revalidateSeconds: 60,
        });
        expect(CONFIG_SERVICE_DEFAULTS).toEqual({ timeoutMs: 3000, revalidateSeconds: 60 });
    });

    it("takes an absolute URL and the configured timing", () => {
        const base = {
            atrium: {
                config_service: {
                    url: "https://config.example.org/v1/config",
                    timeout_ms: 1500,
                    revalidate_seconds: 300,
                },
            },
        };
        expect(configServiceSettings(base, "https://chat.example.org/")).toEqual({
            url: "https://config.example.org/v1/config",
            timeoutMs: 1500,
            revalidateSeconds: 300,
        });
    });

    it("is null when the base config names no service", () => {
        expect(configServiceSettings({})).toBeNull();
        expect(configServiceSettings({ atrium: { config_service: {} } })).toBeNull();
        expect(configServiceSettings({ atrium: "x" })).toBeNull();
    });

    it.each([
        ["a timeout below the schema's minimum", { url: "/v1/config", timeout_ms: 5 }],
        ["a URL with a scheme other than http(s)", { url: "javascript:alert(1)" }],
        ["an unknown key", { url: "/v1/config", retries: 3 }],
        ["a section that is not an object", "/v1/config"],
    ])("refuses %s (schema), logging why", (_name, section) => {
        expect(configServiceSettings({ atrium: { config_service: section } }, "https://chat.example.org/")).toBeNull();
        expect(console.error).toHaveBeenCalled();
    });

    it("logs why it ignores the section: the schema's problem, a URL that does not parse, a scheme", () => {
        configServiceSettings({ atrium: { config_service: { url: "/v1/config", timeout_ms: 5 } } });
        expect(console.error).toHaveBeenLastCalledWith(
            expect.stringContaining(
                "Atrium: ignoring atrium.config_service in the base config, schema error at /atrium/config_service/timeout_ms: ",
            ),
        );
        // The schema's pattern takes any five-digit port; the URL parser does not.
        const url = "https://chat.example.org:99999/v1/config";
        expect(configServiceSettings({ atrium: { config_service: { url } } }, "https://chat.example.org/")).toBeNull();
        expect(console.error).toHaveBeenLastCalledWith(
            expect.stringContaining(
                `Atrium: atrium.config_service.url "${url}" is not a URL here; not using the config service`,
            ),
        );
        configServiceSettings({ atrium: { config_service: { url: "/v1/config" } } }, "vector://vector/webapp/");
        expect(console.error).toHaveBeenLastCalledWith(
            expect.stringContaining(
                "Atrium: atrium.config_service.url resolves to vector: here; it needs an absolute http(s) URL",
            ),
        );
    });

    it("needs an absolute http(s) URL inside Element Desktop, where the app is at vector://", () => {
        expect(
            configServiceSettings({ atrium: { config_service: { url: "/v1/config" } } }, "vector://vector/webapp/"),
        ).toBeNull();
        expect(
            configServiceSettings(
                { atrium: { config_service: { url: "https://chat.example.org/v1/config" } } },
                "vector://vector/webapp/",
            )?.url,
        ).toBe("https://chat.example.org/v1/config");
    });
});

describe("readServiceConfig", () => {
    it("reads a valid config", () => {
        expect(readServiceConfig('{"brand":"Acme"}')).toEqual({ ok: true, config: { brand: "Acme" } });
    });

    it.each([
        ["HTML", "<html>Bad gateway</html>", { kind: "not-json" }],
        ["empty text", "", { kind: "not-json" }],
        ["a JSON array", "[]", { kind: "not-object" }],
        ["JSON null", "null", { kind: "not-object" }],
        ["a schema error", '{"default_hs_url":"ftp://x"}', { kind: "schema", path: "/default_hs_url" }],
    ])("refuses %s with its reason", (_name, text, reason) => {
        expect(readServiceConfig(text)).toMatchObject({ ok: false, reason });
    });

    it("refuses a text larger than any config before parsing it", () => {
        const text = `{"x":"${"a".repeat(MAX_CONFIG_CHARS)}"}`;
        expect(readServiceConfig(text)).toEqual({
            ok: false,
            reason: { kind: "too-large", size: text.length, max: MAX_CONFIG_CHARS },
        });
    });
});

describe("readServiceConfig at its size limit", () => {
    it("reads a text of exactly the largest size", () => {
        const prefix = '{"x":"';
        const text = `${prefix}${"a".repeat(MAX_CONFIG_CHARS - prefix.length - 2)}"}`;
        expect(text.length).toBe(MAX_CONFIG_CHARS);
        expect(readServiceConfig(text).ok).toBe(true);
    });
});

describe("entityTagOrNull", () => {
    it("keeps a tag of 512 characters and drops a longer one", () => {
        const tag = (length: number): string => `"${"a".repeat(length - 2)}"`;
        expect(entityTagOrNull(tag(512))).toBe(tag(512));
        expect(entityTagOrNull(tag(513))).toBeNull();
    });

    it("drops a list that would read as a tag once turned into text", () => {
        expect(entityTagOrNull(['"v1"'])).toBeNull();
    });

    it("keeps strong and weak entity tags", () => {
        expect(entityTagOrNull('"abc"')).toBe('"abc"');
        expect(entityTagOrNull('W/"abc"')).toBe('W/"abc"');
    });

    it.each([
        ["unquoted", "abc"],
        ["text before the quotes", 'x"abc"'],
        ["a header injection", '"a"\r\nX-Evil: 1'],
        ["not a string", 42],
        ["null", null],
    ])("drops %s", (_name, value) => {
        expect(entityTagOrNull(value)).toBeNull();
    });
});

describe("fetchServiceConfig", () => {
    afterEach(() => jest.useRealTimers());

    it("gives the config and its ETag, asking for JSON past the browser's cache", async () => {
        const service = fakeService(configAnswer({ brand: "Acme" }, '"v7"'));
        await expect(fetchServiceConfig(settings, { fetch: service.fetch })).resolves.toEqual({
            kind: "config",
            config: { brand: "Acme" },
            etag: '"v7"',
        });
        expect(service.requests[0].url).toBe(settings.url);
        expect(service.requests[0].headers).toEqual({ Accept: "application/json" });
        expect(service.requests[0].init).toMatchObject({ cache: "no-store", credentials: "omit" });
    });

    it("sends the ETag in hand as If-None-Match and reads a 304 as not modified", async () => {
        const service = fakeService({ status: 304 });
        await expect(fetchServiceConfig(settings, { etag: '"v7"', fetch: service.fetch })).resolves.toEqual({
            kind: "not-modified",
        });
        expect(service.requests[0].headers["If-None-Match"]).toBe('"v7"');
    });

    it("does not send a malformed ETag, and a 304 it did not ask for is an HTTP failure", async () => {
        const service = fakeService({ status: 304 });
        await expect(fetchServiceConfig(settings, { etag: "bad\netag", fetch: service.fetch })).resolves.toEqual({
            kind: "failed",
            reason: { kind: "http", status: 304 },
        });
        expect(service.requests[0].headers["If-None-Match"]).toBeUndefined();
    });

    it("drops a malformed ETag from the answer", async () => {
        const service = fakeService(configAnswer({}, "no-quotes"));
        await expect(fetchServiceConfig(settings, { fetch: service.fetch })).resolves.toMatchObject({ etag: null });
    });

    it.each([502, 500, 404, 401])("reports HTTP %i", async (status) => {
        const service = fakeService({ status, body: "<html>error</html>" });
        await expect(fetchServiceConfig(settings, { fetch: service.fetch })).resolves.toEqual({
            kind: "failed",
            reason: { kind: "http", status },
        });
    });

    it("reports a network error with its message", async () => {
        const service = fakeService(new TypeError("Failed to fetch"));
        await expect(fetchServiceConfig(settings, { fetch: service.fetch })).resolves.toEqual({
            kind: "failed",
            reason: { kind: "network", message: "Failed to fetch" },
        });
    });

    it("gives up after the timeout, aborting the request", async () => {
        jest.useFakeTimers();
        const service = fakeService("hang");
        const answer = fetchServiceConfig(settings, { fetch: service.fetch });
        await jest.advanceTimersByTimeAsync(2999);
        expect(service.requests[0].init?.signal?.aborted).toBe(false);
        await jest.advanceTimersByTimeAsync(1);
        await expect(answer).resolves.toEqual({ kind: "failed", reason: { kind: "timeout", timeoutMs: 3000 } });
        expect(service.requests[0].init?.signal?.aborted).toBe(true);
    });

    it("counts a body that never arrives against the same timeout", async () => {
        jest.useFakeTimers();
        const service = fakeService({ status: 200, hangingBody: true });
        const answer = fetchServiceConfig({ ...settings, timeoutMs: 500 }, { fetch: service.fetch });
        await jest.advanceTimersByTimeAsync(500);
        await expect(answer).resolves.toEqual({ kind: "failed", reason: { kind: "timeout", timeoutMs: 500 } });
    });

    it("reads an answer declared exactly as large as the limit", async () => {
        const service = fakeService({ status: 200, contentLength: MAX_CONFIG_CHARS, body: '{"brand":"Acme"}' });
        await expect(fetchServiceConfig(settings, { fetch: service.fetch })).resolves.toMatchObject({
            kind: "config",
            config: { brand: "Acme" },
        });
    });

    it("clips a network error's message to 300 characters", async () => {
        const service = fakeService(new TypeError("x".repeat(1000)));
        await expect(fetchServiceConfig(settings, { fetch: service.fetch })).resolves.toEqual({
            kind: "failed",
            reason: { kind: "network", message: "x".repeat(300) },
        });
    });

    it("leaves no timer behind once the service has answered", async () => {
        jest.useFakeTimers();
        const service = fakeService(configAnswer({ brand: "Acme" }));
        await fetchServiceConfig(settings, { fetch: service.fetch });
        expect(jest.getTimerCount()).toBe(0);
    });

    it("uses the browser's fetch when given none", async () => {
        const service = fakeService(configAnswer({ brand: "Acme" }));
        const original = globalThis.fetch;
        globalThis.fetch = service.fetch;
        try {
            await expect(fetchServiceConfig(settings)).resolves.toMatchObject({ config: { brand: "Acme" } });
        } finally {
            globalThis.fetch = original;
        }
        expect(service.requests[0].url).toBe(settings.url);
    });

    it("refuses an answer declared larger than any config without reading it", async () => {
        const service = fakeService({ status: 200, contentLength: MAX_CONFIG_CHARS * 4, hangingBody: true });
        await expect(fetchServiceConfig(settings, { fetch: service.fetch })).resolves.toMatchObject({
            kind: "failed",
            reason: { kind: "too-large", size: MAX_CONFIG_CHARS * 4 },
        });
    });

    it.each([
        ["not JSON", "<html>Bad gateway</html>", { kind: "not-json" }],
        ["not an object", '["brand"]', { kind: "not-object" }],
        [
            "invalid against the schema",
            '{"atrium":{"brand":{"colors":{"primary":"teal"}}}}',
            { kind: "schema", path: "/atrium/brand/colors/primary" },
        ],
    ])("reports an answer that is %s", async (_name, body, reason) => {
        const service = fakeService({ status: 200, body, etag: '"v1"' });
        await expect(fetchServiceConfig(settings, { fetch: service.fetch })).resolves.toMatchObject({
            kind: "failed",
            reason,
        });
    });
});

describe("describeFallbackReason", () => {
    it("says each reason in one line for the logs", () => {
        expect(describeFallbackReason({ kind: "timeout", timeoutMs: 3000 })).toBe("no answer within 3000 ms");
        expect(describeFallbackReason({ kind: "http", status: 502 })).toBe("HTTP 502");
        expect(describeFallbackReason({ kind: "network", message: "Failed to fetch" })).toBe(
            "network error: Failed to fetch",
        );
        expect(describeFallbackReason({ kind: "not-json" })).toBe("the answer is not JSON");
        expect(describeFallbackReason({ kind: "too-large", size: 600_000, max: 524_288 })).toBe(
            "the answer is too large (600000 characters, at most 524288)",
        );
        expect(describeFallbackReason({ kind: "error", message: "boom" })).toBe("unexpected error: boom");
        expect(describeFallbackReason({ kind: "not-object" })).toBe("not a JSON object");
        expect(describeFallbackReason({ kind: "too-deep", maxDepth: 32 })).toBe("nested deeper than 32 levels");
        expect(describeFallbackReason({ kind: "schema", path: "/brand", message: "must be string" })).toBe(
            "schema error at /brand: must be string",
        );
    });
});

describe("isInvalidAnswer", () => {
    it("tells an unusable answer from a service that could not be reached", () => {
        const invalid = [
            { kind: "not-json" },
            { kind: "too-large", size: 2, max: 1 },
            { kind: "not-object" },
            { kind: "too-deep", maxDepth: 32 },
            { kind: "schema", path: "/", message: "m" },
        ] as const;
        for (const reason of invalid) expect(isInvalidAnswer(reason)).toBe(true);
        const unreachable = [
            { kind: "timeout", timeoutMs: 1 },
            { kind: "network", message: "m" },
            { kind: "http", status: 502 },
            { kind: "error", message: "m" },
        ] as const;
        for (const reason of unreachable) expect(isInvalidAnswer(reason)).toBe(false);
    });
});
