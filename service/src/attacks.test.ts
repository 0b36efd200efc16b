/** @jest-environment node */
// The attacks of the config service's review, one class at a time, in-process (app.inject). The
// timeouts and the connection cap are tested against the real listening server in limits.test.ts.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import type { FastifyInstance } from "fastify";

import { clientConfigSchema } from "./contract.ts";
import { isLoopback } from "./operatorAccess.ts";
import { DEFAULT_DIRECTIVE_NAMES, directiveNames } from "./securityHeaders.ts";
import { loadTenantFile, MAX_SERVED_BYTES } from "./tenantFile.ts";
import { ACME_YAML, quietService, tenantsDir, timingBudgetMs, type TenantsDir } from "./testSupport.ts";

const TOKEN = "operator-token-for-tests-0123456789";

let tenants: TenantsDir;
const apps: FastifyInstance[] = [];

async function service(options: Parameters<typeof quietService>[0]): Promise<FastifyInstance> {
    const app = await quietService({ watch: false, ...options });
    apps.push(app);
    return app;
}

afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
    await tenants?.cleanup();
});

const get = (app: FastifyInstance, url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: "GET", url, headers: { host: "chat.acme.test", ...headers } });

/** ACME_YAML with one more config line under `config:` (YAML, two-space indented). */
const acmeWith = (yamlUnderConfig: string): string => ACME_YAML.replace("config:\n", `config:\n${yamlUnderConfig}\n`);

describe("URL values cannot reach the policy unchecked", () => {
    // Every URL-typed field of the schema, as a tenant file would set it, and where a problem points.
    const URL_FIELDS: [string, string][] = [
        ["  default_hs_url: VALUE", "/config/default_hs_url"],
        ["  default_is_url: VALUE", "/config/default_is_url"],
        ["  permalink_prefix: VALUE", "/config/permalink_prefix"],
        ["  map_style_url: VALUE", "/config/map_style_url"],
        ["  branding:\n    auth_header_logo_url: VALUE", "/config/branding/auth_header_logo_url"],
        [
            "  branding:\n    auth_footer_links: [{ text: Help, url: VALUE }]",
            "/config/branding/auth_footer_links/0/url",
        ],
        ["  embedded_pages:\n    home_url: VALUE", "/config/embedded_pages/home_url"],
        ["  embedded_pages:\n    welcome_url: VALUE", "/config/embedded_pages/welcome_url"],
    ];
    const HOSTILE = [
        "https://evil.test;script-src https://evil.test",
        "https://a.test,frame-ancestors *",
        "https://a'b.test",
        'https://a\\"b.test',
        "https://user@evil.test",
        "https://a_b.test",
        "//evil.test/x.svg",
    ];

    it("refuses a hostile URL in any URL field with the file and its JSON path", () => {
        for (const [yaml, pointer] of URL_FIELDS) {
            for (const hostile of HOSTILE) {
                const text = acmeWith(yaml.replace("VALUE", `"${hostile}"`));
                const loaded = loadTenantFile("acme", "acme.yaml", text, {});
                expect([pointer, hostile, loaded.ok]).toEqual([pointer, hostile, false]);
                if (loaded.ok) continue;
                expect(loaded.problems).toContainEqual({
                    file: "acme.yaml",
                    path: pointer,
                    message: expect.stringMatching(/pattern/),
                });
            }
        }
    });

    it("refuses a hostile homeserver, identity server and config service URL", () => {
        // Under the file's own `atrium:` and `brand:` (a second one would be a duplicate key).
        for (const [insert, pointer] of [
            ["    config_service:\n      url: VALUE\n    brand:\n", "/config/atrium/config_service/url"],
            [
                "    embedding:\n      frame_ancestors: [VALUE]\n    brand:\n",
                "/config/atrium/embedding/frame_ancestors/0",
            ],
            ["    brand:\n      logo_url: VALUE\n", "/config/atrium/brand/logo_url"],
        ]) {
            const text = ACME_YAML.replace("    brand:\n", insert.replace("VALUE", '"https://a.test;x"'));
            const loaded = loadTenantFile("acme", "acme.yaml", text, {});
            expect(loaded.ok ? [] : loaded.problems.map((p) => p.path)).toContain(pointer);
        }
        const homeserver = ACME_YAML.replace("https://matrix.acme.test", "https://matrix.acme.test;script-src *");
        const loaded = loadTenantFile("acme", "acme.yaml", homeserver, {});
        expect(loaded.ok ? [] : loaded.problems.map((p) => p.path)).toEqual([
            "/config/default_server_config/m.homeserver/base_url",
        ]);
        const identity = ACME_YAML.replace(
            "  default_server_config:\n",
            "  default_server_config:\n    m.identity_server:\n      base_url: 'https://i,d.test'\n",
        );
        const refused = loadTenantFile("acme", "acme.yaml", identity, {});
        expect(refused.ok ? [] : refused.problems.map((p) => p.path)).toContain(
            "/config/default_server_config/m.identity_server/base_url",
        );
    });

    it("gives every URL-typed field of the schema a pattern that pins the host", () => {
        const definitions = clientConfigSchema.definitions as Record<string, { pattern?: string }>;
        const urlFields: string[] = [];
        const walk = (node: unknown, at: string): void => {
            if (typeof node !== "object" || node === null) return;
            const schema = node as Record<string, unknown>;
            for (const [key, child] of Object.entries((schema.properties ?? {}) as Record<string, unknown>)) {
                const childAt = `${at}/${key}`;
                if (/(^|_)url$/.test(key) || key === "permalink_prefix") {
                    urlFields.push(childAt);
                    const ref = (child as { $ref?: string }).$ref ?? "";
                    const pattern = definitions[ref.replace("#/definitions/", "")]?.pattern;
                    expect([childAt, pattern && new RegExp(pattern).test("https://a.test;b")]).toEqual([
                        childAt,
                        false,
                    ]);
                    expect([childAt, pattern && new RegExp(pattern).test("https://chat.acme.test:8443/x")]).toEqual([
                        childAt,
                        true,
                    ]);
                }
                walk(child, childAt);
            }
            if (schema.items) walk(schema.items, `${at}/*`);
        };
        walk(clientConfigSchema, "");
        expect(urlFields.sort()).toEqual([
            "/atrium/brand/logo_url",
            "/atrium/config_service/url",
            // Modules' own settings are composed in (contract/composeSchema.cjs); their URLs are checked too.
            "/atrium/modules/company-directory/service_url",
            "/atrium/modules/environment-banner/report_url",
            "/atrium/sign_in/identity_provider/logo_url",
            "/branding/auth_footer_links/*/url",
            "/branding/auth_header_logo_url",
            "/default_hs_url",
            "/default_is_url",
            "/default_server_config/m.homeserver/base_url",
            "/default_server_config/m.identity_server/base_url",
            "/embedded_pages/home_url",
            "/embedded_pages/welcome_url",
            "/map_style_url",
            "/permalink_prefix",
        ]);
    });

    it("keeps serving the last valid config and policy when a file turns hostile", async () => {
        tenants = await tenantsDir({ "acme.yaml": ACME_YAML });
        const webapp = await mkdtemp(path.join(os.tmpdir(), "atrium-webapp-"));
        await writeFile(path.join(webapp, "index.html"), "<!doctype html><title>Atrium</title>");
        try {
            const app = await service({ tenantsDir: tenants.dir, webappDir: webapp });
            const before = await get(app, "/");
            await tenants.write(
                "acme.yaml",
                ACME_YAML.replace("https://matrix.acme.test", "https://matrix.acme.test;script-src https://evil.test"),
            );
            await app.tenants.reload();
            const status = (await get(app, "/v1/status")).json();
            expect(status.tenants[0]).toMatchObject({ name: "acme", state: "stale" });
            expect(status.tenants[0].problems[0]).toMatchObject({
                file: "acme.yaml",
                path: "/config/default_server_config/m.homeserver/base_url",
            });
            const after = await get(app, "/");
            expect(after.headers["content-security-policy"]).toBe(before.headers["content-security-policy"]);
            expect(directiveNames(String(after.headers["content-security-policy"]))).toEqual(DEFAULT_DIRECTIVE_NAMES);
            expect(String(after.headers["content-security-policy"])).not.toContain("evil");
            expect((await get(app, "/v1/config")).json().default_server_config["m.homeserver"].base_url).toBe(
                "https://matrix.acme.test",
            );
        } finally {
            await rm(webapp, { recursive: true, force: true });
        }
    });

    it("refuses hostile defaults the same way", async () => {
        tenants = await tenantsDir({
            "_defaults.yaml": "config:\n  map_style_url: 'https://tiles.test;frame-ancestors *'\n",
            "acme.yaml": ACME_YAML,
        });
        const app = await service({ tenantsDir: tenants.dir });
        const status = (await get(app, "/v1/status")).json();
        expect(status.defaults.state).toBe("invalid");
        expect(status.defaults.problems[0]).toMatchObject({ file: "_defaults.yaml", path: "/config/map_style_url" });
        expect((await get(app, "/v1/config")).json().map_style_url).toBeUndefined();
    });
});

describe("two tenant files claiming one host", () => {
    const claim = (brand: string): string =>
        `hosts: [chat.acme.test, ${brand.toLowerCase()}.test]\nconfig:\n  brand: ${brand}\n`;

    it("serves the host to neither at start, whatever the files are called", async () => {
        for (const [first, second] of [
            ["aaa", "zzz"],
            ["zzz", "aaa"],
        ]) {
            tenants = await tenantsDir({ [`${first}.yaml`]: claim("Live"), [`${second}.yaml`]: claim("Newcomer") });
            const app = await service({ tenantsDir: tenants.dir });
            const res = await get(app, "/v1/config");
            expect(res.statusCode).toBe(404);
            expect(res.json().error).toBe("host_conflict");
            expect(res.json().message).not.toMatch(/aaa|zzz/); // tenant names stay with the operators
            const status = (await get(app, "/v1/status")).json();
            expect(status.status).toBe("degraded");
            expect(status.host_conflicts).toEqual([
                { host: "chat.acme.test", claimed_by: ["aaa", "zzz"], served_by: null },
            ]);
            for (const tenant of status.tenants) {
                expect(tenant.problems).toEqual([
                    expect.objectContaining({ path: "/hosts", message: expect.stringMatching(/nobody serves it/) }),
                ]);
            }
            // Their other hosts are unaffected.
            expect((await get(app, "/v1/config", { host: "live.test" })).json().brand).toBe("Live");
            await app.close();
            await tenants.cleanup();
        }
    });

    it("leaves a live host with its holder until the operator removes it there", async () => {
        tenants = await tenantsDir({ "zzz.yaml": claim("Live") });
        const app = await service({ tenantsDir: tenants.dir });
        expect((await get(app, "/v1/config")).json().brand).toBe("Live");

        await tenants.write("aaa.yaml", claim("Newcomer"));
        await app.tenants.reload();
        expect((await get(app, "/v1/config")).json().brand).toBe("Live");
        const status = (await get(app, "/v1/status")).json();
        expect(status.host_conflicts).toEqual([
            { host: "chat.acme.test", claimed_by: ["aaa", "zzz"], served_by: "zzz" },
        ]);
        const newcomer = status.tenants.find((t: { name: string }) => t.name === "aaa");
        expect(newcomer.problems).toEqual([
            {
                file: "aaa.yaml",
                path: "/hosts",
                message: expect.stringMatching(/served by tenant zzz; it stays there/),
            },
        ]);
        expect(status.tenants.find((t: { name: string }) => t.name === "zzz").problems).toEqual([]);

        // A reload, or the holder's own edit, does not move it.
        await tenants.write("zzz.yaml", claim("Live").replace("brand: Live", "brand: Live Edited"));
        await app.tenants.reload();
        expect((await get(app, "/v1/config")).json().brand).toBe("Live Edited");

        // The operator's action: the host leaves the holder's file.
        await tenants.write("zzz.yaml", "hosts: [live.test]\nconfig:\n  brand: Live\n");
        await app.tenants.reload();
        expect((await get(app, "/v1/config")).json().brand).toBe("Newcomer");
        expect((await get(app, "/v1/status")).json().host_conflicts).toEqual([]);
    });

    it("never falls back to a broader entry for a contested host:port", async () => {
        tenants = await tenantsDir({
            "aaa.yaml": 'hosts: ["chat.acme.test:8443"]\nconfig:\n  brand: A\n',
            "bbb.yaml": 'hosts: ["chat.acme.test:8443"]\nconfig:\n  brand: B\n',
            "ccc.yaml": "hosts: [chat.acme.test]\nconfig:\n  brand: C\n",
        });
        const app = await service({ tenantsDir: tenants.dir });
        expect((await get(app, "/v1/config", { host: "chat.acme.test:8443" })).json().error).toBe("host_conflict");
        expect((await get(app, "/v1/config", { host: "chat.acme.test:443" })).json().brand).toBe("C");
    });

    it("tells a broken tenant's hosts it is broken only when no one else names them", async () => {
        tenants = await tenantsDir({
            "aaa.yaml": "hosts: [shared.test, a.test]\nconfig:\n  brand: 7\n",
            "bbb.yaml": "hosts: [shared.test]\nconfig:\n  brand: 8\n",
        });
        const app = await service({ tenantsDir: tenants.dir });
        expect((await get(app, "/v1/config", { host: "a.test" })).json().error).toBe("tenant_config_invalid");
        expect((await get(app, "/v1/config", { host: "shared.test" })).json().error).toBe("unknown_tenant");
    });
});

describe("requests with a body", () => {
    it("refuses any body before reading it, and closes the connection", async () => {
        tenants = await tenantsDir({ "acme.yaml": ACME_YAML });
        const app = await service({ tenantsDir: tenants.dir });
        for (const method of ["GET", "POST", "PUT"] as const) {
            const res = await app.inject({
                method,
                url: "/v1/config",
                headers: { host: "chat.acme.test", "content-type": "text/plain" },
                payload: "x".repeat(10),
            });
            expect([method, res.statusCode]).toEqual([method, 413]);
            expect(res.headers.connection).toBe("close");
            expect(res.headers["cache-control"]).toBe("no-store");
            expect(res.json()).toEqual({
                error: "body_not_accepted",
                message: "This service takes no request bodies",
            });
        }
        const chunked = await app.inject({
            method: "GET",
            url: "/v1/config",
            headers: { host: "chat.acme.test", "transfer-encoding": "chunked" },
        });
        expect(chunked.statusCode).toBe(413);
        const empty = await app.inject({
            method: "GET",
            url: "/v1/config",
            headers: { host: "chat.acme.test", "content-length": "0" },
        });
        expect(empty.statusCode).toBe(200);
    });
});

describe("security headers decided on the route, not the raw path", () => {
    let webapp: string;

    beforeEach(async () => {
        tenants = await tenantsDir({ "acme.yaml": ACME_YAML });
        webapp = await mkdtemp(path.join(os.tmpdir(), "atrium-webapp-"));
        await mkdir(path.join(webapp, "v1"));
        await writeFile(path.join(webapp, "index.html"), "<!doctype html><title>Atrium</title>");
    });

    afterEach(() => rm(webapp, { recursive: true, force: true }));

    it("sends the tenant's policy with the app however its path is spelled", async () => {
        const app = await service({ tenantsDir: tenants.dir, webappDir: webapp });
        for (const url of [
            "/v1/../index.html",
            "/v1/%2e%2e/index.html",
            "/v1/./../index.html",
            "/healthz/../index.html",
        ]) {
            const res = await get(app, url);
            if (res.statusCode !== 200) continue; // some spellings are not served at all: fine
            expect([url, res.body]).toEqual([url, expect.stringContaining("<title>Atrium</title>")]);
            expect([url, String(res.headers["content-security-policy"])]).toEqual([
                url,
                expect.stringContaining("script-src 'self' 'wasm-unsafe-eval'"),
            ]);
        }
        expect((await get(app, "/v1/../index.html")).statusCode).toBe(200);
    });

    it("leaves only the exact API routes without the page policy", async () => {
        const app = await service({ tenantsDir: tenants.dir, webappDir: webapp });
        for (const url of ["/v1/config", "/v1/schema", "/v1/schema/tenant-file", "/v1/security-headers", "/healthz"]) {
            expect([url, (await get(app, url)).headers["content-security-policy"]]).toEqual([url, undefined]);
        }
        const status = await get(app, "/v1/status");
        expect(status.headers["content-security-policy"]).toBeUndefined();
        for (const url of ["/v1/nothing", "/v1/config/", "/v1/", "/nope"]) {
            const res = await get(app, url);
            expect([url, res.statusCode]).toEqual([url, 404]);
            expect([url, String(res.headers["content-security-policy"])]).toEqual([
                url,
                expect.stringContaining("default-src"),
            ]);
        }
    });

    it("locks down what is not an API route even without the web app", async () => {
        const app = await service({ tenantsDir: tenants.dir });
        const res = await get(app, "/v1/../index.html");
        expect(res.statusCode).toBe(404);
        expect(res.headers["content-security-policy"]).toBe(
            "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
        );
        expect(res.headers["x-content-type-options"]).toBe("nosniff");
        expect((await get(app, "/v1/config")).headers["x-content-type-options"]).toBe("nosniff");
    });
});

describe("CORS only where a browser app needs it", () => {
    it("answers config and schema across origins, never status or the headers view", async () => {
        tenants = await tenantsDir({ "acme.yaml": ACME_YAML });
        const app = await service({ tenantsDir: tenants.dir, webOrigins: ["https://admin.example.test"] });
        for (const origin of ["https://chat.acme.test", "https://admin.example.test"]) {
            for (const url of ["/v1/config", "/v1/schema", "/v1/schema/tenant-file"]) {
                const res = await get(app, url, { origin });
                expect([url, res.headers["access-control-allow-origin"]]).toEqual([url, origin]);
            }
            for (const url of ["/v1/status", "/v1/security-headers", "/healthz", "/nope"]) {
                const res = await get(app, url, { origin });
                expect([url, res.headers["access-control-allow-origin"]]).toEqual([url, undefined]);
            }
            for (const [url, allowed] of [
                ["/v1/config", true],
                ["/v1/schema", true],
                ["/v1/status", false],
                ["/v1/security-headers", false],
                ["/v1/config/../status", false],
            ] as const) {
                const preflight = await app.inject({
                    method: "OPTIONS",
                    url,
                    headers: { host: "chat.acme.test", origin, "access-control-request-method": "GET" },
                });
                expect([url, preflight.headers["access-control-allow-origin"]]).toEqual([
                    url,
                    allowed ? origin : undefined,
                ]);
                expect([url, preflight.statusCode]).toEqual([url, allowed ? 204 : 404]);
                if (allowed) {
                    expect(preflight.headers["access-control-max-age"]).toBe("600");
                    expect(preflight.headers["access-control-allow-methods"]).toBe("GET, HEAD");
                    expect(preflight.headers["access-control-allow-credentials"]).toBeUndefined();
                }
            }
        }
    });
});

describe("/v1/status for operators only", () => {
    beforeEach(async () => {
        tenants = await tenantsDir({ "acme.yaml": ACME_YAML });
    });

    it("asks for the operator token when one is set", async () => {
        const app = await service({ tenantsDir: tenants.dir, operatorToken: TOKEN });
        for (const authorization of [
            undefined,
            "Bearer wrong-token-0123456789",
            `Basic ${TOKEN}`,
            `Bearer ${TOKEN}x`,
            TOKEN,
            // The token must be the whole header's one credential.
            `Token Bearer ${TOKEN}`,
            `Bearer ${TOKEN} Bearer x`,
        ]) {
            const res = await get(app, "/v1/status", authorization ? { authorization } : {});
            expect([authorization, res.statusCode]).toEqual([authorization, 401]);
            expect(res.headers["www-authenticate"]).toBe('Bearer realm="atrium-operator"');
            expect(res.json()).toEqual({
                error: "operator_token_required",
                message: "Send the operator token: Authorization: Bearer TOKEN",
            });
            expect(res.body).not.toContain("acme");
        }
        const ok = await get(app, "/v1/status", { authorization: `Bearer ${TOKEN}` });
        expect(ok.statusCode).toBe(200);
        expect(ok.headers["cache-control"]).toBe("no-store");
        expect(ok.json().tenants[0].name).toBe("acme");
        // The token works from anywhere, forwarded or not.
        const remote = await app.inject({
            method: "GET",
            url: "/v1/status",
            remoteAddress: "203.0.113.9",
            headers: { authorization: `Bearer ${TOKEN}`, "x-forwarded-for": "198.51.100.1" },
        });
        expect(remote.statusCode).toBe(200);
    });

    it("without a token, answers this machine's loopback only, and nothing a proxy forwarded", async () => {
        const app = await service({ tenantsDir: tenants.dir });
        const ask = (remoteAddress: string, headers: Record<string, string> = {}) =>
            app.inject({ method: "GET", url: "/v1/status", remoteAddress, headers });
        expect((await ask("127.0.0.1")).statusCode).toBe(200);
        expect((await ask("::1")).statusCode).toBe(200);
        for (const [address, headers] of [
            ["203.0.113.9", {}],
            ["10.0.0.2", {}],
            ["127.0.0.1", { "x-forwarded-for": "203.0.113.9" }],
            ["127.0.0.1", { forwarded: "for=203.0.113.9" }],
            ["127.0.0.1", { "x-real-ip": "203.0.113.9" }],
            ["127.0.0.1", { "x-forwarded-host": "chat.acme.test" }],
        ] as const) {
            const res = await ask(address, headers);
            expect([address, headers, res.statusCode]).toEqual([address, headers, 403]);
            expect(res.json()).toEqual({ error: "operator_only", message: expect.stringMatching(/--operator-token/) });
            expect(res.headers["www-authenticate"]).toBeUndefined();
        }
    });

    it("refuses a short operator token at start", async () => {
        await expect(quietService({ tenantsDir: tenants.dir, operatorToken: "short" })).rejects.toThrow(
            /16 characters/,
        );
        const app = await service({ tenantsDir: tenants.dir, operatorToken: "x".repeat(16) });
        expect((await get(app, "/v1/status", { authorization: `Bearer ${"x".repeat(16)}` })).statusCode).toBe(200);
    });

    it("knows loopback addresses", () => {
        for (const address of ["127.0.0.1", "127.10.20.30", "::1", "::ffff:127.0.0.1"])
            expect(isLoopback(address)).toBe(true);
        for (const address of [
            undefined,
            "",
            "10.0.0.1",
            "::ffff:10.0.0.1",
            "128.0.0.1",
            "1127.0.0.1",
            "127.0.0.1.evil",
            "::2",
        ]) {
            expect([address, isLoopback(address)]).toEqual([address, false]);
        }
    });
});

describe("resource limits at load", () => {
    it("refuses a file of aliases that would expand past the limit, before expanding it", () => {
        const big = "x".repeat(20_000);
        const aliases = Array.from({ length: 90 }, (_, i) => `    k${i}: *big`).join("\n");
        const text = `config:\n  brand: B\n  setting_defaults:\n    anchor: &big "${big}"\n${aliases}\n`;
        const loaded = loadTenantFile("t", "t.yaml", text, {});
        expect(loaded.ok).toBe(false);
        expect(loaded.ok ? "" : loaded.problems[0].message).toMatch(/aliases expand it to about \d+ bytes/);
        // A few aliases stay fine.
        const few = `config:\n  brand: B\n  setting_defaults:\n    a: &small { x: 1 }\n    b: *small\n`;
        expect(loadTenantFile("t", "t.yaml", few, {}).ok).toBe(true);
    });

    it("counts aliases inside aliased nodes", () => {
        const big = "x".repeat(50_000);
        const level = Array.from({ length: 5 }, (_, i) => `    l${i}: *big`).join("\n");
        const outer = Array.from({ length: 5 }, (_, i) => `    o${i}: *level`).join("\n");
        const text = `config:\n  setting_defaults:\n    s: &big "${big}"\n    level: &level\n${level.replace(/^/gm, "  ")}\n${outer}\n`;
        const loaded = loadTenantFile("t", "t.yaml", text, {});
        expect(loaded.ok ? "" : loaded.problems[0].message).toMatch(/aliases expand/);
    });

    it("refuses a config that would be served larger than the client accepts", () => {
        const text = JSON.stringify({ config: { setting_defaults: { big: "x".repeat(MAX_SERVED_BYTES) } } });
        const loaded = loadTenantFile("t", "t.json", text, {});
        expect(loaded.ok).toBe(false);
        expect(loaded.ok ? null : loaded.problems[0]).toEqual({
            file: "t.json",
            path: "/config",
            message: expect.stringMatching(/served config would be \d+ bytes; at most 524288/),
        });
        const under = JSON.stringify({ config: { setting_defaults: { big: "x".repeat(MAX_SERVED_BYTES - 100) } } });
        expect(loadTenantFile("t", "t.json", under, {}).ok).toBe(true);
    });

    it("refuses deeply nested flow collections without parsing them, quickly", () => {
        const n = 400_000;
        const text = `config: ${"[".repeat(n)}${"]".repeat(n)}\n`;
        const started = performance.now();
        const loaded = loadTenantFile("t", "t.yaml", text, {});
        expect(performance.now() - started).toBeLessThan(timingBudgetMs(1000));
        expect(loaded.ok ? "" : loaded.problems[0].message).toBe("is nested more than 32 levels deep");
    });

    it("reads a refused file once and still knows the hosts it meant", () => {
        const loaded = loadTenantFile("t", "t.yaml", "hosts: [A.test, 7]\nconfig:\n  brand: 7\n", {});
        expect(loaded).toEqual({ ok: false, problems: expect.any(Array), intendedHosts: ["a.test"] });
        expect(loadTenantFile("t", "t.yaml", "hosts: [a.test\n", {})).toMatchObject({ ok: false, intendedHosts: [] });
    });
});
