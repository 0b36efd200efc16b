/** @jest-environment node */
import type { FastifyInstance } from "fastify";

import { ACME_YAML, DEFAULTS_YAML, quietService, tenantsDir, type TenantsDir } from "./testSupport.ts";
import { clientConfigSchema } from "./contract.ts";
import { strongEtag } from "./etag.ts";

const GLOBEX_JSON = JSON.stringify({
    hosts: ["globex.test"],
    config: { brand: "Globex", default_server_config: { "m.homeserver": { base_url: "https://hs.globex.test" } } },
});

let tenants: TenantsDir;
let app: FastifyInstance;

beforeEach(async () => {
    tenants = await tenantsDir({ "_defaults.yaml": DEFAULTS_YAML, "acme.yaml": ACME_YAML, "globex.json": GLOBEX_JSON });
    app = await quietService({ tenantsDir: tenants.dir, webOrigins: ["https://admin.example.test"], watch: false });
});

afterEach(async () => {
    await app.close();
    await tenants.cleanup();
});

function getConfig(host: string, extra: { url?: string; headers?: Record<string, string> } = {}) {
    return app.inject({ method: "GET", url: extra.url ?? "/v1/config", headers: { host, ...extra.headers } });
}

describe("layering: service defaults < tenant file", () => {
    it("merges objects key by key and lets the tenant's arrays replace the defaults'", async () => {
        const res = await getConfig("chat.acme.test");
        expect(res.statusCode).toBe(200);
        const config = res.json();
        expect(config.brand).toBe("Acme Chat"); // tenant only
        expect(config.disable_guests).toBe(true); // defaults only
        expect(config.setting_defaults).toEqual({ "UIFeature.registration": false });
        expect(config.room_directory.servers).toEqual(["acme.test"]); // replaced, not concatenated
        expect(config.atrium.brand).toEqual({
            logo_url: "img/atrium-logo.svg",
            colors: { primary: "#112233", on_primary: "#ffffff" }, // merged inside nested objects
        });
    });

    it("gives a tenant that sets nothing the defaults' values", async () => {
        const config = (await getConfig("globex.test")).json();
        expect(config.brand).toBe("Globex");
        expect(config.room_directory.servers).toEqual(["default.test", "other.test"]);
    });
});

describe("tenant selection", () => {
    it("chooses the tenant by Host header, ignoring case, port and a trailing dot", async () => {
        for (const host of ["chat.acme.test", "CHAT.Acme.Test:443", "chat.acme.test."]) {
            const res = await getConfig(host);
            expect(res.statusCode).toBe(200);
            expect(res.headers["x-atrium-tenant"]).toBe("acme");
        }
        expect((await getConfig("globex.test:8080")).json().brand).toBe("Globex");
    });

    it("matches a host listed with a port only on that port", async () => {
        expect((await getConfig("acme.test:8443")).headers["x-atrium-tenant"]).toBe("acme");
        expect((await getConfig("acme.test")).statusCode).toBe(404);
        expect((await getConfig("acme.test:9999")).statusCode).toBe(404);
    });

    it("lets ?tenant=NAME choose explicitly, whatever the host", async () => {
        const res = await getConfig("chat.acme.test", { url: "/v1/config?tenant=globex" });
        expect(res.statusCode).toBe(200);
        expect(res.json().brand).toBe("Globex");
    });

    it("answers 404 with a JSON error for an unknown tenant name or host", async () => {
        for (const [host, url] of [
            ["chat.acme.test", "/v1/config?tenant=initech"],
            ["chat.acme.test", "/v1/config?tenant=_defaults"],
            ["chat.acme.test", "/v1/config?tenant=__proto__"],
            ["chat.acme.test", "/v1/config?tenant=../acme"],
            ["nobody.test", "/v1/config"],
        ]) {
            const res = await getConfig(host, { url });
            expect(res.statusCode).toBe(404);
            expect(res.headers["content-type"]).toMatch(/^application\/json/);
            expect(res.headers["cache-control"]).toBe("no-store");
            expect(res.json()).toEqual({ error: "unknown_tenant", message: expect.any(String) });
        }
        expect((await getConfig("nobody.test")).json().message).toContain('"nobody.test"');
    });

    it("refuses ?tenant= given twice", async () => {
        const res = await getConfig("chat.acme.test", { url: "/v1/config?tenant=acme&tenant=globex" });
        expect(res.statusCode).toBe(400);
        expect(res.json().error).toBe("bad_request");
    });
});

describe("caching", () => {
    it("sends a strong ETag of the exact body, Cache-Control: no-cache, and 304 on If-None-Match", async () => {
        const first = await getConfig("chat.acme.test");
        const etag = first.headers.etag as string;
        expect(etag).toBe(strongEtag(first.body));
        expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
        expect(first.headers["cache-control"]).toBe("no-cache");

        const again = await getConfig("chat.acme.test", { headers: { "if-none-match": etag } });
        expect(again.statusCode).toBe(304);
        expect(again.body).toBe("");
        expect(again.headers.etag).toBe(etag);
        expect(again.headers["cache-control"]).toBe("no-cache");

        const listed = await getConfig("chat.acme.test", { headers: { "if-none-match": `"old", W/${etag}` } });
        expect(listed.statusCode).toBe(304);

        const stale = await getConfig("chat.acme.test", { headers: { "if-none-match": '"something-else"' } });
        expect(stale.statusCode).toBe(200);
        expect(stale.body).toBe(first.body);
    });

    it("gives each tenant's config its own ETag", async () => {
        const acme = await getConfig("chat.acme.test");
        const globex = await getConfig("globex.test");
        expect(acme.headers.etag).not.toBe(globex.headers.etag);
        const crossed = await getConfig("globex.test", { headers: { "if-none-match": acme.headers.etag as string } });
        expect(crossed.statusCode).toBe(200);
    });
});

describe("CORS", () => {
    it("allows the tenant's web_origins and the service-wide origins", async () => {
        for (const origin of ["https://chat.acme.test", "https://admin.example.test"]) {
            const res = await getConfig("chat.acme.test", { headers: { origin } });
            expect(res.headers["access-control-allow-origin"]).toBe(origin);
            expect(res.headers["access-control-expose-headers"]).toContain("ETag");
            expect(res.headers.vary).toContain("Origin");
        }
    });

    it("sends no CORS headers to any other origin, including another tenant's", async () => {
        for (const origin of ["https://evil.test", "https://chat.acme.test.evil.test", "null"]) {
            const res = await getConfig("chat.acme.test", { headers: { origin } });
            expect(res.statusCode).toBe(200);
            expect(res.headers["access-control-allow-origin"]).toBeUndefined();
        }
        // acme's origin is not one of globex's.
        const res = await getConfig("globex.test", { headers: { origin: "https://chat.acme.test" } });
        expect(res.headers["access-control-allow-origin"]).toBeUndefined();
    });

    it("answers an allowed preflight and not a refused one", async () => {
        const preflight = (origin: string) =>
            app.inject({
                method: "OPTIONS",
                url: "/v1/config",
                headers: { host: "chat.acme.test", origin, "access-control-request-method": "GET" },
            });
        const allowed = await preflight("https://chat.acme.test");
        expect(allowed.statusCode).toBe(204);
        expect(allowed.headers["access-control-allow-origin"]).toBe("https://chat.acme.test");
        expect(allowed.headers["access-control-allow-methods"]).toBe("GET, HEAD");

        const refused = await preflight("https://evil.test");
        expect(refused.headers["access-control-allow-origin"]).toBeUndefined();
        expect(refused.statusCode).toBe(404);
    });
});

describe("other endpoints", () => {
    it("publishes the client config schema with an ETag", async () => {
        const res = await app.inject({ method: "GET", url: "/v1/schema" });
        expect(res.statusCode).toBe(200);
        expect(res.headers["content-type"]).toMatch(/^application\/schema\+json/);
        expect(res.json()).toEqual(clientConfigSchema);
        expect(res.json().$schema).toBe("http://json-schema.org/draft-07/schema#");
        expect(res.headers.etag).toBe(strongEtag(res.body));
        expect(res.headers["cache-control"]).toBe("no-cache");
        const again = await app.inject({
            method: "GET",
            url: "/v1/schema",
            headers: { "if-none-match": res.headers.etag as string },
        });
        expect(again.statusCode).toBe(304);
    });

    it("publishes the tenant file schema", async () => {
        const res = await app.inject({ method: "GET", url: "/v1/schema/tenant-file" });
        expect(res.statusCode).toBe(200);
        expect(res.json().properties.config).toBeDefined();
    });

    it("answers /healthz", async () => {
        const res = await app.inject({ method: "GET", url: "/healthz" });
        expect(res.statusCode).toBe(200);
        expect(res.json()).toEqual({ status: "ok" });
    });

    it("reports every tenant as ok on /v1/status", async () => {
        const status = (await app.inject({ method: "GET", url: "/v1/status" })).json();
        expect(status.status).toBe("ok");
        expect(status.defaults).toEqual({ file: "_defaults.yaml", state: "ok", problems: [] });
        expect(status.tenants.map((t: { name: string; state: string }) => [t.name, t.state])).toEqual([
            ["acme", "ok"],
            ["globex", "ok"],
        ]);
    });

    it("answers HEAD like GET without a body", async () => {
        const res = await app.inject({ method: "HEAD", url: "/v1/config", headers: { host: "chat.acme.test" } });
        expect(res.statusCode).toBe(200);
        expect(res.headers.etag).toBeDefined();
        expect(res.body).toBe("");
    });

    it("answers unknown paths with a JSON 404 and serves no web app unless asked to", async () => {
        for (const url of ["/nope", "/config.json", "/index.html"]) {
            const res = await app.inject({ method: "GET", url, headers: { host: "chat.acme.test" } });
            expect(res.statusCode).toBe(404);
            expect(res.json().error).toBe("not_found");
        }
    });
});

describe("behind a proxy", () => {
    it("selects the tenant by X-Forwarded-Host only when told to trust the proxy", async () => {
        const request = {
            method: "GET" as const,
            url: "/v1/config",
            headers: { host: "127.0.0.1:8090", "x-forwarded-host": "globex.test" },
        };
        expect((await app.inject(request)).statusCode).toBe(404);
        const proxied = await quietService({ tenantsDir: tenants.dir, watch: false, trustProxy: true });
        try {
            const res = await proxied.inject(request);
            expect(res.statusCode).toBe(200);
            expect(res.headers["x-atrium-tenant"]).toBe("globex");
        } finally {
            await proxied.close();
        }
    });
});

describe("start-up", () => {
    it("refuses a missing tenants directory and a malformed service-wide origin", async () => {
        await expect(quietService({ tenantsDir: `${tenants.dir}/missing` })).rejects.toThrow(/does not exist/);
        await expect(quietService({ tenantsDir: tenants.dir, webOrigins: ["https://ok.test/path"] })).rejects.toThrow(
            /not an origin/,
        );
    });
});
