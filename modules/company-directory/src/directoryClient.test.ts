import { DirectoryClient, DirectoryError, directoryServiceLocation } from "./directoryClient";

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
        expect(error.kind).toBe("unreachable");
        expect(String(fetchImpl.mock.calls[0])).toContain("/v1/directory/departments?tenant=acme");
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
});
