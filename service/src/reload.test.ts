/** @jest-environment node */
import type { FastifyInstance } from "fastify";

import { ACME_YAML, DEFAULTS_YAML, eventually, quietService, tenantsDir, type TenantsDir } from "./testSupport.ts";

let tenants: TenantsDir;
let app: FastifyInstance;

beforeEach(async () => {
    tenants = await tenantsDir({ "_defaults.yaml": DEFAULTS_YAML, "acme.yaml": ACME_YAML });
    app = await quietService({ tenantsDir: tenants.dir });
});

afterEach(async () => {
    await app.close();
    await tenants.cleanup();
});

const config = (url = "/v1/config", host = "chat.acme.test") => app.inject({ method: "GET", url, headers: { host } });
const status = async () => (await app.inject({ method: "GET", url: "/v1/status" })).json();
const brand = async () => (await config()).json().brand;

describe("hot reload (fs.watch, no restart)", () => {
    it("serves a changed tenant file after the directory changes", async () => {
        const before = await config();
        await tenants.write("acme.yaml", ACME_YAML.replace("brand: Acme Chat", "brand: Acme Talk"));
        await eventually(async () => (await brand()) === "Acme Talk");
        const after = await config();
        expect(after.headers.etag).not.toBe(before.headers.etag);
        expect((await config("/v1/config", "chat.acme.test")).headers["x-atrium-tenant"]).toBe("acme");
    });

    it("picks up a new tenant, and drops a tenant whose file is deleted", async () => {
        await tenants.write("initech.json", JSON.stringify({ hosts: ["initech.test"], config: { brand: "Initech" } }));
        await eventually(async () => (await config("/v1/config", "initech.test")).statusCode === 200);
        expect((await config("/v1/config", "initech.test")).json().brand).toBe("Initech");

        await tenants.remove("initech.json");
        await eventually(async () => (await config("/v1/config", "initech.test")).statusCode === 404);
        expect((await config("/v1/config?tenant=initech")).json().error).toBe("unknown_tenant");
    });

    it("re-layers every tenant when the defaults change", async () => {
        await tenants.write("_defaults.yaml", DEFAULTS_YAML.replace("disable_guests: true", "disable_guests: false"));
        await eventually(async () => (await config()).json().disable_guests === false);
    });

    it("re-reads on demand", async () => {
        await app.close(); // a service without the watcher
        app = await quietService({ tenantsDir: tenants.dir, watch: false });
        await tenants.write("acme.yaml", ACME_YAML.replace("brand: Acme Chat", "brand: On Demand"));
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(await brand()).toBe("Acme Chat");
        await app.tenants.reload();
        expect(await brand()).toBe("On Demand");
    });
});

describe("a broken tenant file", () => {
    it("keeps the tenant's last valid config and reports file and JSON path on /v1/status", async () => {
        const valid = await config();
        await tenants.write(
            "acme.yaml",
            ACME_YAML.replace('primary: "#112233"', 'primary: "teal"').replace("brand: Acme Chat", "brand: Broken"),
        );
        await eventually(async () => (await status()).tenants[0].state === "stale");

        const served = await config();
        expect(served.statusCode).toBe(200);
        expect(served.body).toBe(valid.body);
        expect(served.headers.etag).toBe(valid.headers.etag);

        const report = await status();
        expect(report.status).toBe("degraded");
        expect(report.tenants[0]).toMatchObject({
            name: "acme",
            file: "acme.yaml",
            state: "stale",
            etag: valid.headers.etag,
        });
        expect(report.tenants[0].problems).toEqual([
            {
                file: "acme.yaml",
                path: "/config/atrium/brand/colors/primary",
                message: 'must match pattern "^#[0-9a-fA-F]{6}$"',
            },
        ]);
        expect(report.problems).toEqual(report.tenants[0].problems);

        // Fixed again: served and reported as ok.
        await tenants.write("acme.yaml", ACME_YAML.replace("brand: Acme Chat", "brand: Fixed"));
        await eventually(async () => (await brand()) === "Fixed");
        expect((await status()).status).toBe("ok");
    });

    it("reports YAML syntax errors, unknown Atrium keys and missing required keys clearly", async () => {
        await tenants.write("acme.yaml", "hosts: [chat.acme.test\nconfig: {}\n");
        await eventually(async () => (await status()).tenants[0].state === "stale");
        const syntax = (await status()).tenants[0].problems;
        expect(syntax[0]).toMatchObject({ file: "acme.yaml", path: "" });
        expect(syntax[0].message).toMatch(/^YAML syntax error .*line 2/);

        await tenants.write(
            "acme.yaml",
            ACME_YAML.replace("    brand:\n", "    brnad: {}\n    brand:\n").replace(
                "      base_url: https://matrix.acme.test\n",
                "",
            ),
        );
        await eventually(async () =>
            (await status()).tenants[0].problems.some((p: { path: string }) => p.path === "/config/atrium/brnad"),
        );
        expect((await status()).tenants[0].problems).toEqual(
            expect.arrayContaining([
                { file: "acme.yaml", path: "/config/atrium/brnad", message: expect.stringMatching(/unknown key/) },
                {
                    file: "acme.yaml",
                    path: "/config/default_server_config/m.homeserver/base_url",
                    message: "is required",
                },
            ]),
        );
        expect((await config()).json().brand).toBe("Acme Chat");
    });

    it("gives a brand-new broken tenant no config: a clear 404 by name and by its hosts", async () => {
        await tenants.write(
            "initech.yaml",
            "hosts: [initech.test]\nweb_origins: [https://initech.test/]\nconfig:\n  brand: Initech\n",
        );
        await eventually(async () => (await status()).tenants.some((t: { name: string }) => t.name === "initech"));
        for (const res of [await config("/v1/config?tenant=initech"), await config("/v1/config", "initech.test")]) {
            expect(res.statusCode).toBe(404);
            expect(res.json()).toEqual({
                error: "tenant_config_invalid",
                message: 'Tenant "initech" has no valid config yet: its file initech.yaml was refused',
                tenant: "initech",
                problems: [
                    {
                        file: "initech.yaml",
                        path: "/web_origins/0",
                        message: expect.stringMatching(/^must match pattern/),
                    },
                ],
            });
        }
        expect((await status()).tenants.find((t: { name: string }) => t.name === "initech")).toMatchObject({
            state: "invalid",
            etag: null,
        });
        // The others are unaffected.
        expect(await brand()).toBe("Acme Chat");
    });

    it("keeps the last valid defaults when the defaults file breaks", async () => {
        await tenants.write("_defaults.yaml", "config:\n  disable_guests: maybe\n");
        await eventually(async () => (await status()).defaults.state === "stale");
        expect((await status()).defaults.problems).toEqual([
            { file: "_defaults.yaml", path: "/config/disable_guests", message: "must be boolean" },
        ]);
        expect((await config()).json().disable_guests).toBe(true);
    });

    it("refuses a second file for the same tenant and ignores badly named files, saying why", async () => {
        await tenants.write("acme.json", JSON.stringify({ config: { brand: "Twin" } }));
        await tenants.write("Bad Name.yaml", "config: {}\n");
        await tenants.write("notes.txt", "not a tenant file");
        await eventually(async () => (await status()).tenants[0].state === "stale");
        const report = await status();
        expect(report.tenants[0].problems[0].message).toMatch(/has 2 files/);
        expect(report.problems).toEqual(
            expect.arrayContaining([
                expect.objectContaining({ file: "Bad Name.yaml", message: expect.stringMatching(/^ignored/) }),
            ]),
        );
        expect(report.problems.some((p: { file: string }) => p.file === "notes.txt")).toBe(false);
        expect(await brand()).toBe("Acme Chat");
    });

    it("leaves a host claimed by two tenants with the one that served it first", async () => {
        await tenants.write("aaa.yaml", "hosts: [chat.acme.test]\nconfig:\n  brand: Usurper\n");
        await eventually(async () => (await status()).tenants.some((t: { name: string }) => t.name === "aaa"));
        expect(await brand()).toBe("Acme Chat");
        const aaa = (await status()).tenants.find((t: { name: string }) => t.name === "aaa");
        expect(aaa.problems[0]).toMatchObject({
            file: "aaa.yaml",
            path: "/hosts",
            message: expect.stringMatching(/served by tenant acme; it stays there/),
        });
    });
});
