/** @jest-environment node */
// The export-file source: CSV and JSON exports read, mapped and joined like LDAP entries.
import path from "node:path";

import type { FastifyInstance } from "fastify";

import { PeopleIndex } from "./peopleIndex.ts";
import { parseCsv, readExportFile } from "./fileSource.ts";
import { readSource } from "./tenantDirectory.ts";
import { directorySettings } from "./settings.ts";
import { quietService, tenantsDir, type TenantsDir } from "../testSupport.ts";

const CSV = `id,name,title,department,location,email,phone,manager,login
1,"Okafor, Boris",VP Engineering,Engineering,Berlin,boris@example.com,+49 30 1,,boris
2,Erin Walsh,"Lead, ""Platform""",Engineering/Platform,London,erin@example.com,,1,erin
3,No Login,Intern,Engineering/Platform,London,,,2,
`;

describe("parseCsv", () => {
    it("reads quoted fields with commas, doubled quotes and newlines; skips blank lines", () => {
        expect(parseCsv('a,b\r\n"x, y","say ""hi""\nthere"\n\n1,2')).toEqual([
            ["a", "b"],
            ["x, y", 'say "hi"\nthere'],
            ["1", "2"],
        ]);
    });

    it("drops a byte-order mark at the start only, and takes a quote inside a value as text", () => {
        expect(parseCsv('\uFEFFa,b\nx\uFEFF,say "hi"')).toEqual([
            ["a", "b"],
            ["x\uFEFF", 'say "hi"'],
        ]);
        expect(parseCsv("x\uFEFF,y")).toEqual([["x\uFEFF", "y"]]);
        // A last row without a line end keeps its empty cells, as any other row does.
        expect(parseCsv("a,b\n1,")).toEqual([
            ["a", "b"],
            ["1", ""],
        ]);
    });

    it("refuses a file that ends inside quotes", () => {
        expect(() => parseCsv('a\n"open')).toThrow("CSV ends inside a quoted field");
    });
});

describe("readExportFile", () => {
    let tenants: TenantsDir;
    afterEach(() => tenants.cleanup());

    const read = async (file: string, text: string) => {
        tenants = await tenantsDir({ [file]: text });
        return readExportFile({ type: "file", path: path.join(tenants.dir, file) });
    };

    it("matches CSV columns whatever their case and blanks, and reads an empty file as nobody", async () => {
        expect(await read("p.csv", " ID , Name \n1,Ada\n")).toEqual([
            new Map([
                ["id", "1"],
                ["name", "Ada"],
            ]),
        ]);
        expect(await read("p.csv", "")).toEqual([]);
    });

    it("reads a JSON list with a byte-order mark, keeping text and numbers only", async () => {
        const json = `\uFEFF${JSON.stringify([{ ID: "\uFEFFa", Age: 7, boss: { id: "b" }, on: true, none: null }])}`;
        expect(await read("p.json", json)).toEqual([
            new Map([
                ["id", "\uFEFFa"],
                ["age", "7"],
            ]),
        ]);
    });

    it("keeps a byte-order mark that is not at the start of a JSON file", async () => {
        expect(await read("p.json", '[{"id": "\uFEFFa"}]')).toEqual([new Map([["id", "\uFEFFa"]])]);
    });

    it("refuses JSON that holds no list of people objects", async () => {
        await expect(read("p.json", JSON.stringify({ staff: [] }))).rejects.toThrow(
            'expected an array of people or { "people": [...] }',
        );
        await expect(read("p.json", "null")).rejects.toThrow("expected an array of people");
        await expect(read("p.json", JSON.stringify([["a"]]))).rejects.toThrow("entry 1 is not an object");
        await expect(read("p.json", "[null]")).rejects.toThrow("entry 1 is not an object");
        await expect(read("p.json", JSON.stringify([{ id: "a" }, 5]))).rejects.toThrow("entry 2 is not an object");
    });
});

describe("export-file source", () => {
    let tenants: TenantsDir;
    let app: FastifyInstance;

    afterEach(async () => {
        await app?.close();
        await tenants?.cleanup();
    });

    const tenantYaml = (file: string): string => `config:
  default_server_config:
    m.homeserver: { base_url: "http://127.0.0.1:9", server_name: example.com }
server:
  directory:
    source: { type: file, path: ${file} }
    matrix_id_template: "@{login}:example.com"
`;

    it("reads a CSV export, maps its columns and joins the Matrix ID through the template", async () => {
        tenants = await tenantsDir({ "people.csv": CSV, "acme.yaml": tenantYaml("people.csv") });
        app = await quietService({ tenantsDir: tenants.dir, watch: false });
        const settings = directorySettings(app.tenants.byName("acme")!.served!.tenant, tenants.dir)!;
        const index = new PeopleIndex(await readSource(settings));
        expect(index.person("@erin:example.com")).toMatchObject({
            person: { id: "2", name: "Erin Walsh", title: 'Lead, "Platform"', department: ["Engineering", "Platform"] },
            manager_chain: [{ name: "Okafor, Boris" }],
            direct_reports: [{ name: "No Login", matrix_id: null }],
        });
    });

    it("reads a JSON export ({ people: [...] }) the same way", async () => {
        const json = JSON.stringify({
            people: [
                { id: "a", name: "Ada", title: "CEO", login: "ada" },
                { id: "b", name: "Ben", manager: "a", login: "ben", location: "Paris" },
            ],
        });
        tenants = await tenantsDir({ "people.json": json, "acme.yaml": tenantYaml("people.json") });
        app = await quietService({ tenantsDir: tenants.dir, watch: false });
        const settings = directorySettings(app.tenants.byName("acme")!.served!.tenant, tenants.dir)!;
        const index = new PeopleIndex(await readSource(settings));
        expect(index.search({ q: "paris" }).people.map((p) => p.matrix_id)).toEqual(["@ben:example.com"]);
        expect(index.person("b")!.manager_chain.map((p) => p.name)).toEqual(["Ada"]);
    });

    it("refuses a tenant file whose directory settings break the schema, saying where", async () => {
        tenants = await tenantsDir({
            "acme.yaml": `config: { brand: A }\nserver:\n  directory:\n    source: { type: ldap, url: "http://not-ldap" }\n    matrix_id_template: "@{uid}:x"\n`,
        });
        app = await quietService({ tenantsDir: tenants.dir, watch: false });
        const status = app.tenants.status() as {
            tenants: Array<{ name: string; state: string; problems: Array<{ path: string }> }>;
        };
        const acme = status.tenants.find((t) => t.name === "acme")!;
        expect(acme.state).toBe("invalid");
        expect(acme.problems.map((p) => p.path).join(" ")).toContain("/server/directory/source");
    });

    it("answers CORS for the tenant's web origins as /v1/config does, the token header included", async () => {
        tenants = await tenantsDir({
            "people.csv": CSV,
            "acme.yaml": `hosts: [chat.acme.test]\nweb_origins: ["https://chat.acme.test"]\n${tenantYaml("people.csv")}`,
        });
        app = await quietService({ tenantsDir: tenants.dir, watch: false });
        const preflight = (origin: string) =>
            app.inject({
                method: "OPTIONS",
                url: "/v1/directory/search?q=a",
                headers: {
                    host: "chat.acme.test",
                    origin,
                    "access-control-request-method": "GET",
                    "access-control-request-headers": "authorization,x-atrium-openid-expires",
                },
            });
        const allowed = await preflight("https://chat.acme.test");
        expect(allowed.statusCode).toBe(204);
        expect(allowed.headers["access-control-allow-origin"]).toBe("https://chat.acme.test");
        expect(String(allowed.headers["access-control-allow-headers"])).toMatch(/authorization/i);
        const refused = await preflight("https://evil.example");
        expect(refused.headers["access-control-allow-origin"]).toBeUndefined();
        // Without a token the directory answers nothing, whatever the origin.
        const noToken = await app.inject({
            method: "GET",
            url: "/v1/directory/search?q=a",
            headers: { host: "chat.acme.test" },
        });
        expect(noToken.statusCode).toBe(401);
        expect(noToken.headers["cache-control"]).toBe("no-store");
    });
});
