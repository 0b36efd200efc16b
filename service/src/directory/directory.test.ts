/** @jest-environment node */
// The directory endpoints against a real OpenLDAP (Debian's slapd, started by the e2e harness) and
// a real Synapse that issues and checks the OpenID tokens.
import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";

import type { FastifyInstance } from "fastify";

import { generateCompany, personDn } from "../../../e2e/harness/company.ts";
import { slapdPort, startSlapd, type SlapdHandle } from "../../../e2e/harness/slapd.ts";
import { matrixRequest, startSynapse, type SynapseHandle } from "../../../e2e/harness/synapse.ts";
import { decodeRoster } from "../../../contract/directoryRoster.ts";
import { PeopleSearch } from "../../../contract/peopleSearch.ts";
import { OpenIdVerifier } from "./openid.ts";
import { eventually, quietService, tenantsDir, type TenantsDir } from "../testSupport.ts";

// The harness finds the repository through import.meta, which jest's CommonJS cannot run: the same paths from here.
jest.mock("../../../e2e/harness/paths.ts", () => {
    const { join, resolve } = jest.requireActual<typeof import("node:path")>("node:path");
    const repoRoot = resolve(__dirname, "..", "..", "..");
    return { repoRoot, e2eStateDir: join(repoRoot, ".e2e"), defaultWebappDir: join(repoRoot, "webapp") };
});

jest.setTimeout(120_000);

const SERVER_NAME = "localhost";
const COMPANY_SIZE = 300;
const synapsePort = Number(process.env.E2E_SYNAPSE_PORT ?? 18008) + 3; // beside the e2e stack's own
const dnOf = (uid: string): string => personDn(uid).toLowerCase();

let slapd: SlapdHandle;
let synapse: SynapseHandle;
let tenants: TenantsDir;
let app: FastifyInstance;
let token: string;
const scratch: string[] = [];

function tenantYaml(options: { attributes?: string; refresh?: number } = {}): string {
    return `hosts: [chat.acme.test]
web_origins: ["https://chat.acme.test"]
config:
  default_server_config:
    m.homeserver: { base_url: "${synapse.baseUrl}", server_name: ${SERVER_NAME} }
server:
  directory:
    source:
      type: ldap
      url: ${slapd.url}
      bind_dn: "${slapd.readerDn}"
      bind_password: "${slapd.readerPassword}"
      base_dn: "ou=people,${slapd.baseDn}"
      timeout_ms: 2000
    matrix_id_template: "@{uid}:${SERVER_NAME}"
    time_zones: { Berlin: Europe/Berlin }
${options.refresh ? `    refresh_seconds: ${options.refresh}\n` : ""}${options.attributes ?? ""}`;
}

async function get(url: string, bearer: string | null = token) {
    const response = await app.inject({
        method: "GET",
        url,
        headers: { host: "chat.acme.test", ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    });
    return { status: response.statusCode, body: response.json(), headers: response.headers };
}

async function openIdToken(localpart: string): Promise<string> {
    const session = await synapse.registerUser(localpart, `pw-${localpart}-1234`);
    const answer = await matrixRequest<{ access_token: string }>(
        synapse.baseUrl,
        "POST",
        `/_matrix/client/v3/user/${encodeURIComponent(session.userId)}/openid/request_token`,
        { accessToken: session.accessToken, body: {} },
    );
    return answer.access_token;
}

beforeAll(async () => {
    const slapdDir = await mkdtemp(path.join(os.tmpdir(), "atrium-slapd-"));
    const synapseDir = await mkdtemp(path.join(os.tmpdir(), "atrium-directory-synapse-"));
    scratch.push(slapdDir, synapseDir);
    // One after the other, so a failing start never leaves the other server without a handle to stop it.
    slapd = await startSlapd({ dataDir: slapdDir, port: slapdPort(), people: generateCompany(COMPANY_SIZE) });
    synapse = await startSynapse({ dataDir: synapseDir, port: synapsePort, serverName: SERVER_NAME });
    token = await openIdToken("erin");
    tenants = await tenantsDir({ "acme.yaml": tenantYaml() });
    app = await quietService({ tenantsDir: tenants.dir, watch: false });
    // On a fresh machine the first start installs Synapse from PyPI into the harness's venv: minutes.
}, 900_000);

afterAll(async () => {
    try {
        await app?.close();
    } finally {
        // Even when closing the service fails: a slapd left running keeps its port from the next run.
        await Promise.all([slapd?.stop(), synapse?.stop(), tenants?.cleanup()]);
        await Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true })));
    }
});

describe("who may ask", () => {
    it("answers a real OpenID token from the tenant's homeserver", async () => {
        const { status, body } = await get("/v1/directory/search?q=erin");
        expect(status).toBe(200);
        expect(body.people.map((p: { id: string }) => p.id)).toContain(dnOf("erin"));
    });

    it("refuses a missing and a forged token", async () => {
        const missing = await get("/v1/directory/search?q=a", null);
        expect(missing.status).toBe(401);
        expect(missing.body.error).toBe("openid_token_missing");
        const forged = await get("/v1/directory/search?q=a", "forgedTokenThatSynapseNeverIssued");
        expect(forged.status).toBe(401);
        expect(forged.body.error).toBe("openid_token_invalid");
    });

    it("refuses a user's access token: only OpenID tokens are accepted", async () => {
        const session = await synapse.registerUser("farid", "pw-farid-1234");
        const { status } = await get("/v1/directory/search?q=a", session.accessToken);
        expect(status).toBe(401);
    });
});

describe("search", () => {
    it("finds people as you type by name, title, department and location, accents folded", async () => {
        const byName = await get("/v1/directory/search?q=chloe");
        expect(byName.body.people.map((p: { name: string }) => p.name)).toEqual(["Chloé Martin"]);
        const byTitle = await get("/v1/directory/search?q=reliab");
        expect(byTitle.body.people.length).toBeGreaterThan(1);
        for (const person of byTitle.body.people) expect(person.title).toBe("Site Reliability Engineer");
        const twoWords = await get("/v1/directory/search?q=platform%20london");
        for (const person of twoWords.body.people) {
            expect(person.department).toEqual(["Engineering", "Platform"]);
            expect(person.location).toBe("London");
        }
        expect(twoWords.body.people.length).toBeGreaterThan(0);
    });

    it("maps inetOrgPerson attributes and joins the Matrix ID through the template", async () => {
        const { body } = await get("/v1/directory/search?q=ada%20lindqvist");
        expect(body.people).toEqual([
            {
                id: dnOf("ada"),
                matrix_id: "@ada:localhost",
                name: "Ada Lindqvist",
                title: "Chief Executive Officer",
                department: ["Management"],
                location: "Berlin",
                email: "ada@example.com",
                phone: expect.stringMatching(/^\+49 30 5550 \d{4}$/),
                manager_id: null,
                time_zone: "Europe/Berlin",
                photo_url: null,
            },
        ]);
    });

    it("filters by department (and those below it) and by location", async () => {
        const engineering = await get("/v1/directory/search?department=Engineering&limit=200");
        const departments = new Set(
            engineering.body.people.map((p: { department: string[] }) => p.department.join("/")),
        );
        expect([...departments].sort()).toEqual(["Engineering", "Engineering/Apps", "Engineering/Platform"]);
        const paris = await get("/v1/directory/search?location=Paris&department=Sales%2FEMEA&limit=200");
        expect(paris.body.people.length).toBeGreaterThan(0);
        for (const person of paris.body.people) {
            expect(person.location).toBe("Paris");
            expect(person.department).toEqual(["Sales", "EMEA"]);
        }
    });

    it("pages with a cursor through everyone, in name order, without repeats", async () => {
        const seen: string[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
            const { body }: { body: { people: Array<{ id: string; name: string }>; next_cursor: string | null } } =
                await get(`/v1/directory/search?limit=70${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
            seen.push(...body.people.map((p) => p.id));
            cursor = body.next_cursor;
            pages++;
        } while (cursor);
        expect(pages).toBe(Math.ceil(COMPANY_SIZE / 70));
        expect(new Set(seen).size).toBe(COMPANY_SIZE);
        expect((await get("/v1/directory/search?cursor=not-a-cursor")).status).toBe(400);
    });
});

describe("the roster", () => {
    it("holds everyone as a row shows them, and searching it gives the service's own pages and cursors", async () => {
        expect((await get("/v1/directory/roster", null)).status).toBe(401);
        const { status, body, headers } = await get("/v1/directory/roster");
        expect(status).toBe(200);
        expect(headers["cache-control"]).toBe("no-store");
        const roster = decodeRoster(body);
        expect(roster.people).toHaveLength(COMPANY_SIZE);
        expect(Object.keys(roster.people[0]).sort()).toEqual(["department", "id", "location", "name", "title"]);
        expect(JSON.stringify(body)).not.toContain("@example.com"); // no email addresses
        const local = new PeopleSearch(roster.people);
        for (const query of ["q=a", "q=site%20rel", "q=e&location=Berlin", "department=Engineering", "q=zzz"]) {
            let cursor: string | null = null;
            do {
                const url: string = `/v1/directory/search?${query}&limit=40${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
                const served = (await get(url)).body as { people: Array<{ id: string }>; next_cursor: string | null };
                const params = Object.fromEntries(new URLSearchParams(query));
                const found = local.search({ ...params, cursor, limit: 40 });
                expect(found.people.map((p) => p.id)).toEqual(served.people.map((p) => p.id));
                expect(found.next_cursor).toBe(served.next_cursor);
                cursor = served.next_cursor;
            } while (cursor);
        }
    });

    it("may be read by the tenant's web app from its origin, as the other reads (CORS)", async () => {
        for (const url of ["/v1/directory/search", "/v1/directory/roster"]) {
            const preflight = await app.inject({
                method: "OPTIONS",
                url,
                headers: {
                    host: "chat.acme.test",
                    origin: "https://chat.acme.test",
                    "access-control-request-method": "GET",
                    "access-control-request-headers": "authorization",
                },
            });
            expect(preflight.headers["access-control-allow-origin"]).toBe("https://chat.acme.test");
            const read = await app.inject({
                method: "GET",
                url,
                headers: { host: "chat.acme.test", origin: "https://chat.acme.test", authorization: `Bearer ${token}` },
            });
            expect(read.statusCode).toBe(200);
            expect(read.headers["access-control-allow-origin"]).toBe("https://chat.acme.test");
        }
    });

    it("is sent compressed to those who accept it, and names the copy it was made from", async () => {
        const response = await app.inject({
            method: "GET",
            url: "/v1/directory/roster",
            headers: { host: "chat.acme.test", authorization: `Bearer ${token}`, "accept-encoding": "gzip, br" },
        });
        expect(response.headers["content-encoding"]).toBe("gzip");
        expect(response.headers.vary).toMatch(/Accept-Encoding/);
        const plain = JSON.parse(gunzipSync(response.rawPayload).toString("utf8"));
        expect(plain).toEqual((await get("/v1/directory/roster")).body);
        const { body: status } = await get("/v1/directory/search?q=erin");
        expect(plain.refreshed_at).toBe(status.source.refreshed_at);
    });
});

describe("one person and the departments", () => {
    it("gives the manager chain to the top and the direct reports", async () => {
        const { status, body } = await get(`/v1/directory/person?id=${encodeURIComponent("@ines:localhost")}`);
        expect(status).toBe(200);
        expect(body.person.name).toBe("Inès Dubois");
        expect(body.manager_chain.map((p: { name: string }) => p.name)).toEqual([
            "Erin Walsh",
            "Boris Okafor",
            "Ada Lindqvist",
        ]);
        const boris = await get(`/v1/directory/person?id=${encodeURIComponent(dnOf("boris"))}`);
        expect(boris.body.direct_reports.map((p: { name: string }) => p.name)).toEqual(["Erin Walsh", "Farid Haddad"]);
        expect((await get("/v1/directory/person?id=nobody")).status).toBe(404);
    });

    it("gives the department tree with head counts", async () => {
        const { body } = await get("/v1/directory/departments");
        expect(body.head_count).toBe(COMPANY_SIZE);
        const names = body.departments.map((d: { name: string }) => d.name);
        expect(names).toEqual(["Engineering", "Management", "People", "Sales"]);
        const engineering = body.departments[0];
        const childSum = engineering.children.reduce((sum: number, c: { head_count: number }) => sum + c.head_count, 0);
        expect(engineering.head_count).toBe(childSum + 1); // + the VP, who sits in Engineering itself
        expect(body.locations.map((l: { name: string }) => l.name)).toContain("Singapore");
    });
});

describe("attribute mapping", () => {
    it("follows the tenant file's mapping (here: the location from the title)", async () => {
        await tenants.write("acme.yaml", tenantYaml({ attributes: "    attributes: { location: title }\n" }));
        await app.tenants.reload();
        await eventually(
            async () =>
                (await get("/v1/directory/search?q=ada%20lindqvist")).body.people?.[0]?.location ===
                "Chief Executive Officer",
        );
        await tenants.write("acme.yaml", tenantYaml());
        await app.tenants.reload();
    });
});

describe("secrets", () => {
    it("never serves the server-only section in /v1/config or /v1/status", async () => {
        for (const url of ["/v1/config", "/v1/status"]) {
            const response = await app.inject({ method: "GET", url, headers: { host: "chat.acme.test" } });
            expect(response.statusCode).toBe(200);
            expect(response.body).not.toContain(slapd.readerPassword);
            expect(response.body).not.toContain("directory-reader");
            expect(response.body).not.toContain(slapd.url);
        }
    });
});

describe("when LDAP is down", () => {
    it("keeps serving the last good copy, with its age, and recovers", async () => {
        const before = await get("/v1/directory/search?q=erin");
        expect(before.body.source.state).toBe("ok");
        await slapd.stop();
        try {
            const refresh = await app.inject({
                method: "POST",
                url: "/v1/directory/refresh",
                headers: { host: "chat.acme.test" },
            });
            // The first read was moments ago, so an on-demand refresh may be throttled: wait it out once.
            if (refresh.statusCode === 429) {
                await new Promise((resolve) => setTimeout(resolve, 10_000));
                await app.inject({ method: "POST", url: "/v1/directory/refresh", headers: { host: "chat.acme.test" } });
            }
            const during = await get("/v1/directory/search?q=erin");
            expect(during.status).toBe(200);
            expect(during.body.people.map((p: { id: string }) => p.id)).toContain(dnOf("erin"));
            expect(during.body.source.state).toBe("stale");
            expect(during.body.source.error).toMatch(/ECONNREFUSED|connect/i);
            expect(during.body.source.age_seconds).toBeGreaterThanOrEqual(0);
            expect(during.body.source.refreshed_at).toBe(before.body.source.refreshed_at);
        } finally {
            await slapd.start();
        }
        await new Promise((resolve) => setTimeout(resolve, 10_000));
        const refresh = await app.inject({
            method: "POST",
            url: "/v1/directory/refresh",
            headers: { host: "chat.acme.test" },
        });
        expect(refresh.json().source.state).toBe("ok");
    });
});

describe("after a restart while LDAP is down", () => {
    async function searchOn(service: FastifyInstance) {
        const response = await service.inject({
            method: "GET",
            url: "/v1/directory/search?q=erin",
            headers: { host: "chat.acme.test", authorization: `Bearer ${token}` },
        });
        return { status: response.statusCode, body: response.json() };
    }

    it("serves the copy the last good read saved in the data folder, with its age", async () => {
        const dataDir = await mkdtemp(path.join(os.tmpdir(), "atrium-service-data-"));
        scratch.push(dataDir);
        // A first life: LDAP answers, and the good read is saved.
        const first = await quietService({ tenantsDir: tenants.dir, watch: false, dataDir });
        let saved: { source: { refreshed_at: string } };
        try {
            const answer = await searchOn(first);
            expect(answer.body.source.state).toBe("ok");
            saved = answer.body;
            await eventually(async () => (await readdir(path.join(dataDir, "directory"))).includes("acme.json"));
        } finally {
            await first.close();
        }
        const file = path.join(dataDir, "directory", "acme.json");
        // Written whole (no temporary file left), for the service's user only, and without the bind secret.
        expect(await readdir(path.join(dataDir, "directory"))).toEqual(["acme.json"]);
        expect((await stat(file)).mode & 0o777).toBe(0o600);
        const text = await readFile(file, "utf8");
        expect(text).toContain(dnOf("erin"));
        expect(text).not.toContain(slapd.readerPassword);

        await slapd.stop();
        const withCopy = await quietService({ tenantsDir: tenants.dir, watch: false, dataDir });
        const withoutCopy = await quietService({ tenantsDir: tenants.dir, watch: false });
        try {
            const answer = await searchOn(withCopy);
            expect(answer.status).toBe(200);
            expect(answer.body.people.map((p: { id: string }) => p.id)).toContain(dnOf("erin"));
            expect(answer.body.source.refreshed_at).toBe(saved.source.refreshed_at);
            // Once its own read has failed, it says the copy is stale, how old, and why.
            let source = answer.body.source;
            await eventually(async () => {
                source = (await searchOn(withCopy)).body.source;
                return source.state === "stale";
            }, 15_000);
            expect(source.error).toMatch(/ECONNREFUSED|connect/i);
            expect(source.age_seconds).toBeGreaterThanOrEqual(0);
            expect(source.refreshed_at).toBe(saved.source.refreshed_at);
            // Without a data folder a restart has nothing to serve.
            const nothing = await searchOn(withoutCopy);
            expect(nothing.status).toBe(503);
            expect(nothing.body.source.state).toBe("unavailable");
        } finally {
            await Promise.all([withCopy.close(), withoutCopy.close()]);
            await slapd.start();
        }
    });
});

describe("the OpenID check's cache", () => {
    it("asks the homeserver once per token and again once the token's lifetime is over", async () => {
        let now = Date.now();
        const verifier = new OpenIdVerifier(() => now);
        const expiresAt = now + 60_000;
        const first = await verifier.verify(token, synapse.baseUrl, [SERVER_NAME], expiresAt);
        expect(first).toEqual({ ok: true, userId: "@erin:localhost" });
        await verifier.verify(token, synapse.baseUrl, [SERVER_NAME], expiresAt);
        expect(verifier.checks).toBe(1);
        now = expiresAt + 1;
        await verifier.verify(token, synapse.baseUrl, [SERVER_NAME], expiresAt);
        expect(verifier.checks).toBe(2);
    });

    it("refuses users of other servers even with a valid token", async () => {
        const answer = await new OpenIdVerifier().verify(token, synapse.baseUrl, ["other.example"]);
        expect(answer).toMatchObject({ ok: false, status: 403 });
    });
});
