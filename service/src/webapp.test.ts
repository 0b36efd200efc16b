/** @jest-environment node */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import type { FastifyInstance } from "fastify";

import { ACME_YAML, quietService, tenantsDir, type TenantsDir } from "./testSupport.ts";

let tenants: TenantsDir;
let webapp: string;
let app: FastifyInstance;

beforeAll(async () => {
    tenants = await tenantsDir({
        "acme.yaml": ACME_YAML,
        // Refused from the start: its host is known, yet it has no config and so no policy.
        "broken.yaml": "hosts: [broken.test]\nconfig:\n  brand: 3\n",
    });
    webapp = await mkdtemp(path.join(os.tmpdir(), "atrium-webapp-"));
    await mkdir(path.join(webapp, "bundles"));
    await writeFile(path.join(webapp, "index.html"), "<!doctype html><title>Atrium</title>");
    await writeFile(path.join(webapp, "bundles", "bundle.0123abcd.js"), "console.log(1)");
    await writeFile(path.join(webapp, "config.json"), '{"brand": "the file on disk"}');
    await writeFile(path.join(webapp, ".secret"), "hidden");
    app = await quietService({ tenantsDir: tenants.dir, webappDir: webapp, watch: false });
});

afterAll(async () => {
    await app?.close(); // absent when the service failed to start: the tests say so, not this hook
    await tenants.cleanup();
    await rm(webapp, { recursive: true, force: true });
});

const get = (url: string, host = "chat.acme.test", headers: Record<string, string> = {}) =>
    app.inject({ method: "GET", url, headers: { host, ...headers } });

describe("serving the web app", () => {
    it("serves index.html at / with Cache-Control: no-cache", async () => {
        for (const url of ["/", "/index.html"]) {
            const res = await get(url);
            expect(res.statusCode).toBe(200);
            expect(res.headers["content-type"]).toMatch(/^text\/html/);
            expect(res.body).toContain("<title>Atrium</title>");
            expect(res.headers["cache-control"]).toBe("no-cache");
        }
    });

    it("caches content-hashed bundles for a long time", async () => {
        const res = await get("/bundles/bundle.0123abcd.js");
        expect(res.statusCode).toBe(200);
        expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    });

    it("answers /config.json with the host's tenant config, not the file on disk", async () => {
        const res = await get("/config.json");
        expect(res.statusCode).toBe(200);
        expect(res.json().brand).toBe("Acme Chat");
        expect(res.headers["cache-control"]).toBe("no-cache");
        expect(res.body).toBe((await get("/v1/config")).body);
        const revalidated = await get("/config.json", "chat.acme.test", {
            "if-none-match": res.headers.etag as string,
        });
        expect(revalidated.statusCode).toBe(304);
    });

    it("answers /config.json for an unknown host with a JSON 404 (the app then starts on its defaults)", async () => {
        const res = await get("/config.json", "elsewhere.test");
        expect(res.statusCode).toBe(404);
        expect(res.json().error).toBe("unknown_tenant");
    });

    it("hides dot files and refuses to leave its folder", async () => {
        expect((await get("/.secret")).statusCode).toBe(404);
        expect((await get("/../acme.yaml")).statusCode).toBe(404);
        expect((await get("/%2e%2e/%2e%2e/etc/passwd")).statusCode).toBe(404);
    });

    it("still answers the service's own endpoints", async () => {
        expect((await get("/healthz")).json()).toEqual({ status: "ok" });
        expect((await get("/v1/schema")).statusCode).toBe(200);
    });
});

describe("security headers on the web app", () => {
    it("sends the tenant's Content-Security-Policy with the app and its files", async () => {
        for (const url of ["/", "/bundles/bundle.0123abcd.js", "/config.json"]) {
            const res = await get(url);
            const csp = String(res.headers["content-security-policy"]);
            expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
            expect(csp).toContain("https://matrix.acme.test");
            expect(csp).toContain("frame-ancestors 'self'");
            expect(res.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
            expect(res.headers["permissions-policy"]).toContain("microphone=(self)");
            expect(res.headers["x-content-type-options"]).toBe("nosniff");
            expect(res.headers["x-frame-options"]).toBeUndefined();
        }
    });

    it("lets nothing run on a host no tenant serves, or whose tenant has no valid config", async () => {
        for (const host of ["unknown.test", "broken.test"]) {
            const res = await get("/", host);
            expect([host, res.statusCode]).toEqual([host, 200]);
            expect(res.headers["content-security-policy"]).toContain("default-src 'none'");
            expect(res.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
        }
    });

    it("tells a front server the tenant's headers at /v1/security-headers", async () => {
        const res = await get("/v1/security-headers");
        expect(res.statusCode).toBe(200);
        const served = (await get("/")).headers["content-security-policy"];
        expect(res.json()["Content-Security-Policy"]).toBe(served);
        expect((await get("/v1/security-headers", "unknown.test")).statusCode).toBe(404);
    });

    it("leaves the API's JSON without the app's policy", async () => {
        const res = await get("/v1/config");
        expect(res.headers["content-security-policy"]).toBeUndefined();
    });
});
