/** @jest-environment node */
// The caching and typing rules of every endpoint, which clients and front servers depend on: what may
// be kept (no-cache, revalidated by ETag) and what must not (no-store), and the exact error texts.
import { rm, stat } from "node:fs/promises";
import path from "node:path";

import type { FastifyInstance } from "fastify";

import { ACME_YAML, quietService, tenantsDir, type TenantsDir } from "./testSupport.ts";
import { strongEtag } from "./etag.ts";
import { buildService } from "./server.ts";

let tenants: TenantsDir;
let app: FastifyInstance;

beforeEach(async () => {
    tenants = await tenantsDir({ "acme.yaml": ACME_YAML });
    app = await quietService({ tenantsDir: tenants.dir, watch: false });
});

afterEach(async () => {
    await app.close();
    await tenants.cleanup();
});

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: "GET", url, headers });

describe("every answer", () => {
    it.each(["/healthz", "/v1/status", "/v1/schema", "/v1/config", "/nope"])(
        "of %s forbids MIME sniffing",
        async (url) => {
            expect((await get(url, { host: "chat.acme.test" })).headers["x-content-type-options"]).toBe("nosniff");
        },
    );
});

describe("what may be kept", () => {
    it("a tenant's config: JSON, no-cache, its ETag, its tenant; 304 when unchanged", async () => {
        const res = await get("/v1/config", { host: "chat.acme.test" });
        expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
        expect(res.headers["cache-control"]).toBe("no-cache");
        expect(res.headers.etag).toBe(strongEtag(res.body));
        expect(res.headers["x-atrium-tenant"]).toBe("acme");
        const again = await get("/v1/config", { host: "chat.acme.test", "if-none-match": String(res.headers.etag) });
        expect(again.statusCode).toBe(304);
        expect(again.body).toBe("");
        expect(again.headers.etag).toBe(res.headers.etag);
        expect(again.headers["cache-control"]).toBe("no-cache");
        // Another tag: the full answer again.
        expect((await get("/v1/config", { host: "chat.acme.test", "if-none-match": '"other"' })).statusCode).toBe(200);
    });

    it("the schemas: pretty JSON with a final newline, typed as JSON Schema, revalidated by ETag", async () => {
        for (const url of ["/v1/schema", "/v1/schema/tenant-file"]) {
            const res = await get(url);
            expect(res.headers["content-type"]).toBe("application/schema+json; charset=utf-8");
            expect(res.body).toBe(`${JSON.stringify(res.json(), null, 4)}\n`);
            expect(res.headers.etag).toBe(strongEtag(res.body));
            expect((await get(url, { "if-none-match": String(res.headers.etag) })).statusCode).toBe(304);
        }
        expect((await get("/v1/schema")).body).not.toBe((await get("/v1/schema/tenant-file")).body);
    });

    it("the security headers a front server copies, per tenant", async () => {
        const res = await get("/v1/security-headers", { host: "chat.acme.test" });
        expect(res.statusCode).toBe(200);
        expect(res.headers["cache-control"]).toBe("no-cache");
        expect(res.json()["Content-Security-Policy"]).toContain("https://matrix.acme.test");
    });
});

describe("what must not be kept", () => {
    it.each(["/healthz", "/v1/status"])("%s is no-store", async (url) => {
        const res = await get(url);
        expect(res.statusCode).toBe(200);
        expect(res.headers["cache-control"]).toBe("no-store");
    });

    it("a failed tenant selection is no-store JSON, on config and security headers alike", async () => {
        for (const url of ["/v1/config", "/v1/security-headers"]) {
            const res = await get(url, { host: "nobody.test" });
            expect(res.statusCode).toBe(404);
            expect(res.headers["cache-control"]).toBe("no-store");
            expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
            expect(res.json().error).toBe("unknown_tenant");
        }
    });

    it("an unknown path names the method and path, without the query, cut to 200 characters", async () => {
        const res = await get("/nope?secret=1");
        expect(res.statusCode).toBe(404);
        expect(res.headers["cache-control"]).toBe("no-store");
        expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
        expect(res.json()).toEqual({ error: "not_found", message: "Nothing at GET /nope" });
        const long = `/${"a".repeat(300)}`;
        expect((await get(long)).json().message).toBe(`Nothing at GET ${long.slice(0, 200)}`);
    });
});

describe("start-up", () => {
    it("names a malformed service-wide origin and a missing web app directory", async () => {
        await expect(
            quietService({ tenantsDir: tenants.dir, webOrigins: ["https://ok.test", "HTTPS://Bad.test"] }),
        ).rejects.toThrow(
            'Web origin "HTTPS://Bad.test" is not an origin: expected lower-case scheme://host[:port], no path',
        );
        await expect(quietService({ tenantsDir: tenants.dir, webappDir: `${tenants.dir}/missing` })).rejects.toThrow(
            `Web app directory ${tenants.dir}/missing does not exist or is not a directory`,
        );
        await expect(quietService({ tenantsDir: `${tenants.dir}/missing` })).rejects.toThrow(
            `Tenants directory ${tenants.dir}/missing does not exist or is not a directory`,
        );
    });

    it("logs at the level asked for, info by default", async () => {
        const quiet = await quietService({ tenantsDir: tenants.dir, watch: false, logLevel: "warn" });
        expect(quiet.log.level).toBe("warn");
        await quiet.close();
        const byDefault = await buildService({ tenantsDir: tenants.dir, watch: false });
        expect(byDefault.log.level).toBe("info");
        await byDefault.close();
    });

    it("stops watching the tenants directory when closed", async () => {
        const watching = await quietService({ tenantsDir: tenants.dir, reloadDebounceMs: 10 });
        await watching.close();
        const generation = watching.tenants.status().generation;
        await tenants.write("beta.yaml", "config:\n  brand: Beta\n");
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(watching.tenants.status().generation).toBe(generation);
        expect(watching.tenants.byName("beta")).toBeUndefined();
    });

    it("makes its data folder, readable by the service's user only", async () => {
        const dataDir = path.join(tenants.dir, "..", `${path.basename(tenants.dir)}-data`, "nested");
        try {
            const withData = await quietService({ tenantsDir: tenants.dir, watch: false, dataDir });
            await withData.close();
            const info = await stat(dataDir);
            expect(info.isDirectory()).toBe(true);
            expect(info.mode & 0o777).toBe(0o700);
        } finally {
            await rm(path.dirname(dataDir), { recursive: true, force: true });
        }
    });
});
