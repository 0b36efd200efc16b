import { encodeRoster } from "../../../contract/directoryRoster";
import { DirectoryClient, DirectoryError, directoryServiceLocation, REQUEST_TIMEOUT_MS } from "./directoryClient";

/** What the client reads of a fetch answer (jsdom has no Response). */
function answer(status: number, body: unknown): Response {
    return { ok: status >= 200 && status < 300, status, json: async () => body } as Response;
}

describe("DirectoryClient", () => {
    const page = { people: [], next_cursor: null, source: { state: "ok" } };

    it("sends the OpenID token (never anything else) and its expiry, and reuses it until it expires", async () => {
        let now = 1_000;
        const tokens = ["first", "second"];
        const getToken = jest.fn(async () => ({ token: tokens.shift()!, expiresAt: 5_000 }));
        const fetchImpl = jest.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => answer(200, page));
        const client = new DirectoryClient("https://cfg.example", getToken, null, fetchImpl as typeof fetch, () => now);

        await client.search({ q: "erin", department: "Engineering/Platform", location: "London" });
        await client.departments();
        expect(getToken).toHaveBeenCalledTimes(1);
        const [url, init] = fetchImpl.mock.calls[0];
        expect(String(url)).toBe(
            "https://cfg.example/v1/directory/search?q=erin&department=Engineering%2FPlatform&location=London",
        );
        expect(init?.headers).toEqual({ Authorization: "Bearer first", "X-Atrium-OpenID-Expires": "5000" });
        expect(init?.credentials).toBe("omit");

        now = 6_000;
        await client.person("@erin:example.com");
        expect(getToken).toHaveBeenCalledTimes(2);
        expect(String(fetchImpl.mock.calls[2][0])).toBe(
            "https://cfg.example/v1/directory/person?id=%40erin%3Aexample.com",
        );
        expect(fetchImpl.mock.calls[2][1]?.headers).toMatchObject({ Authorization: "Bearer second" });
    });

    it("asks for a fresh token once when the service refuses one", async () => {
        let issued = 0;
        const getToken = jest.fn(async () => ({ token: `t${++issued}`, expiresAt: Infinity }));
        const fetchImpl = jest
            .fn()
            .mockResolvedValueOnce(answer(401, { error: "openid_token_invalid", message: "forged or expired" }))
            .mockResolvedValueOnce(answer(200, page));
        const client = new DirectoryClient("https://cfg.example", getToken, null, fetchImpl);
        await expect(client.search({ q: "" })).resolves.toEqual(page);
        expect(getToken).toHaveBeenCalledTimes(2);
    });

    it.each([
        [503, "directory_unavailable", "source_unavailable"],
        [404, "directory_not_configured", "not_configured"],
        [502, "bad_gateway", "unreachable"],
        [401, "openid_token_invalid", "unauthorized"],
    ])("turns HTTP %s %s into a %s error", async (status, error, kind) => {
        const body = { error, message: "why" };
        const fetchImpl = jest.fn(async () => answer(status, body));
        const client = new DirectoryClient(
            "https://cfg.example",
            async () => ({ token: "t", expiresAt: Infinity }),
            null,
            fetchImpl,
        );
        await expect(client.search({ q: "" })).rejects.toMatchObject({ kind });
    });

    it("reports a network failure as unreachable, and keeps the tenant it is asked for", async () => {
        const fetchImpl = jest.fn(async () => Promise.reject(new TypeError("Failed to fetch")));
        const client = new DirectoryClient(
            "https://cfg.example",
            async () => ({ token: "t", expiresAt: Infinity }),
            "acme",
            fetchImpl,
        );
        const error = await client.departments().catch((e) => e);
        expect(error).toBeInstanceOf(DirectoryError);
        expect(error.name).toBe("DirectoryError");
        expect(error.kind).toBe("unreachable");
        expect(error.message).toBe("The directory service cannot be reached: Failed to fetch");
        expect(String(fetchImpl.mock.calls[0])).toContain("/v1/directory/departments?tenant=acme");
    });
});

describe("DirectoryClient requests", () => {
    const page = { people: [], next_cursor: null, source: { state: "ok" } };
    const forever = async (): Promise<{ token: string; expiresAt: number }> => ({ token: "t", expiresAt: Infinity });

    function clientWith(fetchImpl: jest.Mock, tenant: string | null = null): DirectoryClient {
        return new DirectoryClient("https://cfg.example", forever, tenant, fetchImpl as typeof fetch);
    }
    const urlOf = (fetchImpl: jest.Mock, call = 0): string => String(fetchImpl.mock.calls[call][0]);

    it("uses the page's fetch when given none, looked up when it asks", async () => {
        const pageFetch = jest.fn(async () => answer(200, page));
        const client = new DirectoryClient("https://cfg.example", forever);
        const original = globalThis.fetch;
        globalThis.fetch = pageFetch as typeof fetch;
        try {
            await expect(client.departments()).resolves.toEqual(page);
        } finally {
            globalThis.fetch = original;
        }
        expect(String((pageFetch.mock.calls[0] as unknown[])[0])).toBe("https://cfg.example/v1/directory/departments");
    });

    it("sends the cursor and page size, and leaves out filters that are empty", async () => {
        const fetchImpl = jest.fn(async () => answer(200, page));
        const client = clientWith(fetchImpl);
        await client.search({ q: "", department: null, location: "", cursor: "WyJhIiwiYiJd", limit: 20 });
        expect(urlOf(fetchImpl)).toBe("https://cfg.example/v1/directory/search?q=&cursor=WyJhIiwiYiJd&limit=20");
        await client.search({ q: "ann", cursor: null, limit: 0 });
        expect(urlOf(fetchImpl, 1)).toBe("https://cfg.example/v1/directory/search?q=ann");
    });

    it("adds the tenant after a query with & and to a bare path with ?, encoded", async () => {
        const fetchImpl = jest.fn(async () => answer(200, page));
        const client = clientWith(fetchImpl, "acme & co");
        await client.search({ q: "ann" });
        await client.departments();
        expect(urlOf(fetchImpl)).toBe("https://cfg.example/v1/directory/search?q=ann&tenant=acme%20%26%20co");
        expect(urlOf(fetchImpl, 1)).toBe("https://cfg.example/v1/directory/departments?tenant=acme%20%26%20co");
    });

    it("decodes the roster, and refuses a broken one as an unreachable service, saying why", async () => {
        const wire = encodeRoster(
            [{ id: "ada", name: "Ada", title: null, department: ["Sales"], location: "Paris" }],
            "2026-12-02T10:00:00.000Z",
        );
        const fetchImpl = jest
            .fn()
            .mockResolvedValueOnce(answer(200, wire))
            .mockResolvedValueOnce(answer(200, { ...wire, format: 2 }));
        const client = clientWith(fetchImpl);
        await expect(client.roster()).resolves.toEqual({
            refreshedAt: "2026-12-02T10:00:00.000Z",
            people: [{ id: "ada", name: "Ada", title: null, department: ["Sales"], location: "Paris" }],
        });
        expect(urlOf(fetchImpl)).toBe("https://cfg.example/v1/directory/roster");
        const error = await client.roster().catch((e) => e);
        expect(error).toBeInstanceOf(DirectoryError);
        expect(error).toMatchObject({
            kind: "unreachable",
            message: "The directory service sent a broken roster: unknown roster format 2",
        });
    });

    it("fails as unauthorized without a token, and asks the homeserver again on the next call", async () => {
        const getToken = jest
            .fn()
            .mockRejectedValueOnce(new Error("M_FORBIDDEN"))
            .mockResolvedValueOnce({ token: "late", expiresAt: Infinity });
        const fetchImpl = jest.fn(async () => answer(200, page));
        const client = new DirectoryClient("https://cfg.example", getToken, null, fetchImpl as typeof fetch);
        const error = await client.departments().catch((e) => e);
        expect(error).toBeInstanceOf(DirectoryError);
        expect(error).toMatchObject({
            kind: "unauthorized",
            message: "No OpenID token from the homeserver: M_FORBIDDEN",
        });
        expect(fetchImpl).not.toHaveBeenCalled();
        await client.departments();
        expect(getToken).toHaveBeenCalledTimes(2);
        expect((fetchImpl.mock.calls[0] as unknown[])[1]).toMatchObject({ headers: { Authorization: "Bearer late" } });
    });

    it("takes a new token at the moment the old one expires", async () => {
        let now = 4_999;
        let issued = 0;
        const getToken = jest.fn(async () => ({ token: `t${++issued}`, expiresAt: 5_000 }));
        const fetchImpl = jest.fn(async () => answer(200, page));
        const client = new DirectoryClient("https://cfg.example", getToken, null, fetchImpl as typeof fetch, () => now);
        await client.departments();
        await client.departments();
        expect(getToken).toHaveBeenCalledTimes(1);
        now = 5_000;
        await client.departments();
        expect(getToken).toHaveBeenCalledTimes(2);
    });

    it("tries once more with a fresh token, then gives up on a service that keeps refusing", async () => {
        let issued = 0;
        const getToken = jest.fn(async () => ({ token: `t${++issued}`, expiresAt: Infinity }));
        const fetchImpl = jest.fn(async () => answer(403, { error: "forbidden", message: "not this server" }));
        const client = new DirectoryClient("https://cfg.example", getToken, null, fetchImpl as typeof fetch);
        await expect(client.departments()).rejects.toMatchObject({ kind: "unauthorized", message: "not this server" });
        expect(fetchImpl).toHaveBeenCalledTimes(2);
        expect(getToken).toHaveBeenCalledTimes(2);
        expect((fetchImpl.mock.calls[1] as unknown[])[1]).toMatchObject({ headers: { Authorization: "Bearer t2" } });
    });

    it.each([
        [404, { message: "no such person" }, "not_found", "no such person"],
        [400, { error: "bad_cursor", message: "cursor is not one this service gave out" }, "bad_request", null],
        [500, null, "unreachable", "The directory service answered HTTP 500"],
        [200, null, "unreachable", "The directory service answered HTTP 200"],
    ])("turns HTTP %s with %j into a %s error", async (status, body, kind, message) => {
        const fetchImpl = jest.fn(async () => answer(status, body));
        const error = await clientWith(fetchImpl)
            .person("x")
            .catch((e) => e);
        expect(error).toBeInstanceOf(DirectoryError);
        expect(error).toMatchObject({ kind, message: message ?? (body as { message: string }).message });
        expect(fetchImpl).toHaveBeenCalledTimes(1);
    });

    it("reads an answer that is not JSON as no answer", async () => {
        const fetchImpl = jest.fn(async () => ({
            ok: true,
            status: 200,
            json: async () => {
                throw new SyntaxError("Unexpected token <");
            },
        }));
        await expect(clientWith(fetchImpl).departments()).rejects.toMatchObject({
            kind: "unreachable",
            message: "The directory service answered HTTP 200",
        });
    });

    describe("timeouts and the caller's signal", () => {
        /** A fetch that answers only when told to, and fails as browsers do when its signal aborts. */
        function pendingFetch(): { fetchImpl: jest.Mock; signals: AbortSignal[]; answerAll: () => void } {
            const signals: AbortSignal[] = [];
            const waiting: Array<() => void> = [];
            const fetchImpl = jest.fn(
                (_url: string, init: RequestInit) =>
                    new Promise<Response>((resolve, reject) => {
                        const signal = init.signal!;
                        signals.push(signal);
                        if (signal.aborted) reject(new DOMException("The operation was aborted.", "AbortError"));
                        signal.addEventListener("abort", () =>
                            reject(new DOMException("The operation was aborted.", "AbortError")),
                        );
                        waiting.push(() => resolve(answer(200, page)));
                    }),
            );
            return { fetchImpl, signals, answerAll: () => waiting.forEach((go) => go()) };
        }

        afterEach(() => jest.useRealTimers());

        it("gives up after its own time limit as unreachable, not sooner", async () => {
            jest.useFakeTimers();
            const { fetchImpl, signals } = pendingFetch();
            let settled: unknown = "pending";
            const call = clientWith(fetchImpl)
                .departments()
                .then(
                    () => (settled = "answered"),
                    (e) => (settled = e),
                );
            await jest.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS - 1);
            expect(signals).toHaveLength(1);
            expect(settled).toBe("pending");
            await jest.advanceTimersByTimeAsync(1);
            await call;
            expect(settled).toBeInstanceOf(DirectoryError);
            expect(settled).toMatchObject({
                kind: "unreachable",
                message: "The directory service cannot be reached: no answer within 8 s",
            });
        });

        it("passes the caller's abort on, and lets its error through as it is", async () => {
            const { fetchImpl, signals } = pendingFetch();
            const caller = new AbortController();
            const call = clientWith(fetchImpl)
                .departments(caller.signal)
                .catch((e) => e);
            await new Promise((resolve) => setTimeout(resolve, 0));
            expect(signals[0].aborted).toBe(false);
            caller.abort();
            const error = await call;
            expect(signals[0].aborted).toBe(true);
            expect(error).not.toBeInstanceOf(DirectoryError);
            expect(error).toMatchObject({ name: "AbortError" });
        });

        it("aborts at once for a caller that has already given up", async () => {
            const { fetchImpl, signals } = pendingFetch();
            const caller = new AbortController();
            caller.abort();
            const error = await clientWith(fetchImpl)
                .departments(caller.signal)
                .catch((e) => e);
            expect(signals[0].aborted).toBe(true);
            expect(error).toMatchObject({ name: "AbortError" });
        });

        it("lets go of the timer and the caller's signal once answered", async () => {
            jest.useFakeTimers();
            const { fetchImpl, signals, answerAll } = pendingFetch();
            const caller = new AbortController();
            const call = clientWith(fetchImpl).departments(caller.signal);
            await jest.advanceTimersByTimeAsync(0);
            answerAll();
            await expect(call).resolves.toEqual(page);
            await jest.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS);
            caller.abort();
            // Nothing is left to abort the finished request later (its signal may be kept by the body).
            expect(signals[0].aborted).toBe(false);
            expect(jest.getTimerCount()).toBe(0);
        });
    });
});

describe("directoryServiceLocation", () => {
    const page = "https://chat.acme.example/#/home";

    it("is the config service's address without /v1/config, with its tenant", () => {
        expect(directoryServiceLocation({}, "/v1/config", page)).toEqual({
            baseUrl: "https://chat.acme.example",
            tenant: null,
        });
        expect(directoryServiceLocation({}, "https://cfg.acme.example/atrium/v1/config?tenant=acme", page)).toEqual({
            baseUrl: "https://cfg.acme.example/atrium",
            tenant: "acme",
        });
    });

    it("prefers the module's service_url, and is null when there is neither", () => {
        expect(directoryServiceLocation({ service_url: "https://dir.acme.example/" }, "/v1/config", page)).toEqual({
            baseUrl: "https://dir.acme.example",
            tenant: null,
        });
        expect(directoryServiceLocation({}, undefined, page)).toBeNull();
    });

    it("strips only a final /v1/config or /v1/config.json, and keeps a service_url's path and query as given", () => {
        expect(directoryServiceLocation({}, "/atrium/v1/config.json", page)?.baseUrl).toBe(
            "https://chat.acme.example/atrium",
        );
        expect(directoryServiceLocation({}, "/v1/configs/", page)?.baseUrl).toBe(
            "https://chat.acme.example/v1/configs",
        );
        expect(
            directoryServiceLocation(
                { service_url: "https://dir.acme.example/v1/config?tenant=acme" },
                "/v1/config",
                page,
            ),
        ).toEqual({ baseUrl: "https://dir.acme.example/v1/config", tenant: null });
    });

    it("is null for an address that is no URL", () => {
        expect(directoryServiceLocation({ service_url: "https://[not-a-host" }, undefined, page)).toBeNull();
    });
});
