/** @jest-environment node */
// What the service tells browsers and callers at the edges: the CORS answer in full, and each way a
// tenant cannot be selected, with the message that says why.
import type { FastifyInstance } from "fastify";

import { ACME_YAML, quietService, tenantsDir, type TenantsDir } from "./testSupport.ts";

let tenants: TenantsDir;
let app: FastifyInstance;

beforeEach(async () => {
    tenants = await tenantsDir({
        "acme.yaml": ACME_YAML,
        "broken.yaml": "hosts: [broken.test]\nconfig: { brand: 7 }\n",
    });
    app = await quietService({ tenantsDir: tenants.dir, webOrigins: ["https://admin.example.test"], watch: false });
});

afterEach(async () => {
    await app.close();
    await tenants.cleanup();
});

const get = (url: string, headers: Record<string, string>) => app.inject({ method: "GET", url, headers });

describe("the CORS answer", () => {
    it("exposes the ETag and tenant headers to the allowed origin, without credentials", async () => {
        const res = await get("/v1/config", { host: "chat.acme.test", origin: "https://chat.acme.test" });
        expect(res.statusCode).toBe(200);
        expect(res.headers["access-control-allow-origin"]).toBe("https://chat.acme.test");
        expect(res.headers["access-control-expose-headers"]).toBe("ETag, X-Atrium-Tenant");
        expect(res.headers["access-control-allow-credentials"]).toBeUndefined();
    });

    it("lets a preflight be cached for ten minutes, for reads only", async () => {
        const res = await app.inject({
            method: "OPTIONS",
            url: "/v1/config",
            headers: {
                host: "chat.acme.test",
                origin: "https://admin.example.test",
                "access-control-request-method": "GET",
            },
        });
        expect(res.statusCode).toBe(204);
        expect(res.headers["access-control-allow-origin"]).toBe("https://admin.example.test");
        expect(res.headers["access-control-allow-methods"]).toBe("GET, HEAD");
        expect(res.headers["access-control-max-age"]).toBe("600");
        expect(res.headers["access-control-allow-credentials"]).toBeUndefined();
    });

    it("answers a request without an Origin header with no CORS headers", async () => {
        const res = await get("/v1/config", { host: "chat.acme.test" });
        expect(res.statusCode).toBe(200);
        expect(res.headers["access-control-allow-origin"]).toBeUndefined();
    });

    it("allows the service-wide origins even for a host no tenant serves", async () => {
        const res = await get("/v1/config", { host: "nobody.test", origin: "https://admin.example.test" });
        expect(res.statusCode).toBe(404);
        expect(res.headers["access-control-allow-origin"]).toBe("https://admin.example.test");
        const other = await get("/v1/config", { host: "nobody.test", origin: "https://chat.acme.test" });
        expect(other.headers["access-control-allow-origin"]).toBeUndefined();
    });
});

describe("selecting the tenant", () => {
    it("refuses ?tenant= given twice", async () => {
        const res = await get("/v1/config?tenant=acme&tenant=acme", { host: "chat.acme.test" });
        expect(res.statusCode).toBe(400);
        expect(res.json()).toEqual({ error: "bad_request", message: "Give ?tenant= at most once" });
    });

    it("names an unknown tenant in its answer, cut to 64 characters", async () => {
        const res = await get("/v1/config?tenant=initech", { host: "chat.acme.test" });
        expect(res.statusCode).toBe(404);
        expect(res.json()).toEqual({ error: "unknown_tenant", message: 'There is no tenant named "initech"' });
        const long = "x".repeat(100);
        expect((await get(`/v1/config?tenant=${long}`, { host: "chat.acme.test" })).json().message).toBe(
            `There is no tenant named "${"x".repeat(64)}"`,
        );
    });

    it("does not look up a name that no tenant file could have", async () => {
        const res = await get("/v1/config?tenant=..%2Facme", { host: "chat.acme.test" });
        expect(res.statusCode).toBe(404);
        expect(res.json().error).toBe("unknown_tenant");
    });

    it("says which host no tenant serves, and how to fix it", async () => {
        const res = await get("/v1/config", { host: "nobody.test" });
        expect(res.statusCode).toBe(404);
        expect(res.json()).toEqual({
            error: "unknown_tenant",
            message:
                'No tenant serves the host "nobody.test"; list it in a tenant file\'s hosts, or ask with ?tenant=NAME',
        });
    });

    it("cuts an overlong Host header to 255 characters in its answer", async () => {
        const host = `${"a".repeat(300)}.test`;
        const res = await get("/v1/config", { host });
        expect(res.statusCode).toBe(404);
        expect(res.json().message).toBe(
            `No tenant serves the host "${host.slice(0, 255)}"; list it in a tenant file's hosts, or ask with ?tenant=NAME`,
        );
    });

    it("says that a tenant's only file was refused, with the problems, by name and by host", async () => {
        for (const res of [
            await get("/v1/config?tenant=broken", { host: "x.test" }),
            await get("/v1/config", { host: "broken.test" }),
        ]) {
            expect(res.statusCode).toBe(404);
            const body = res.json();
            expect(body).toMatchObject({ error: "tenant_config_invalid", tenant: "broken" });
            expect(body.message).toMatch(
                /^Tenant "broken" has no valid config yet: its file .*broken\.yaml was refused$/,
            );
            expect(body.problems.length).toBeGreaterThan(0);
        }
    });
});
