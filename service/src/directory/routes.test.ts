/** @jest-environment node */
// The directory endpoints over an export file, with a stand-in homeserver (a mocked fetch) for the
// OpenID check: who is let in, what each endpoint answers, and how each refusal reads.
// directory.test.ts runs the same endpoints against a real slapd and Synapse.
import { readdir } from "node:fs/promises";
import path from "node:path";

import type { FastifyInstance } from "fastify";

import { JSON_TYPE } from "../routes.ts";
import { PeopleIndex } from "./peopleIndex.ts";
import { TenantDirectory } from "./tenantDirectory.ts";
import { eventually, quietService, tenantsDir, type TenantsDir } from "../testSupport.ts";

const CSV = `id,name,title,department,location,login
1,Boris Okafor,VP Engineering,Engineering,Berlin,boris
2,Erin Walsh,Platform Lead,Engineering/Platform,London,erin
3,Chloé Martin,Account Manager,Sales,Paris,chloe
`;

const HOMESERVER = "https://matrix.acme.test";

function tenantYaml(directory = "    source: { type: file, path: people.csv }\n"): string {
    return `hosts: [chat.acme.test]
config:
  default_server_config:
    m.homeserver: { base_url: "${HOMESERVER}", server_name: acme.test }
server:
  directory:
${directory}    matrix_id_template: "@{login}:acme.test"
`;
}

/** What the stand-in homeserver says of a token: its user, or an HTTP status. */
let tokenOwner: (token: string) => string | number;
let fetchMock: jest.SpyInstance;
let tenants: TenantsDir;
let app: FastifyInstance;
let tokenCount = 0;
/** A token nobody used before, so the verifier's cache never answers for it. */
const freshToken = (): string => `token${++tokenCount}`;

beforeEach(async () => {
    tokenOwner = () => "@erin:acme.test";
    fetchMock = jest.spyOn(globalThis, "fetch").mockImplementation(async (input) => {
        const token = new URL(String(input)).searchParams.get("access_token")!;
        const owner = tokenOwner(token);
        return typeof owner === "number"
            ? new Response("{}", { status: owner })
            : new Response(JSON.stringify({ sub: owner }), { status: 200 });
    });
    tenants = await tenantsDir({ "people.csv": CSV, "acme.yaml": tenantYaml() });
});

afterEach(async () => {
    await app?.close();
    await tenants.cleanup();
    jest.restoreAllMocks();
});

async function start(options: { dataDir?: string } = {}): Promise<void> {
    app = await quietService({ tenantsDir: tenants.dir, watch: false, ...options });
}

async function request(
    url: string,
    { token = freshToken() as string | null, method = "GET" as "GET" | "POST", headers = {} } = {},
) {
    const response = await app.inject({
        method,
        url,
        headers: {
            host: "chat.acme.test",
            ...(token === null ? {} : { authorization: `Bearer ${token}` }),
            ...headers,
        },
    });
    return { status: response.statusCode, body: response.json(), headers: response.headers };
}

const names = (body: { people: Array<{ name: string }> }): string[] => body.people.map((p) => p.name);

describe("every answer", () => {
    it("is private JSON, with the source's state beside the people", async () => {
        await start();
        const answer = await request("/v1/directory/search?q=erin");
        expect(answer.status).toBe(200);
        expect(answer.headers["cache-control"]).toBe("no-store");
        expect(answer.headers["content-type"]).toBe(JSON_TYPE);
        expect(names(answer.body)).toEqual(["Erin Walsh"]);
        expect(answer.body.source).toMatchObject({ state: "ok", people: 3, error: null });
    });

    it("refuses in the same private JSON, with an error code and a message", async () => {
        await start();
        const refusal = await request("/v1/directory/search", { token: null });
        expect(refusal.status).toBe(401);
        expect(refusal.headers["cache-control"]).toBe("no-store");
        expect(refusal.headers["content-type"]).toBe(JSON_TYPE);
        expect(refusal.body).toEqual({
            error: "openid_token_missing",
            message: "Send a Matrix OpenID token as Authorization: Bearer <token>",
        });
    });
});

describe("who may ask", () => {
    it("checks the bearer token with the tenant's homeserver and lets its users in", async () => {
        await start();
        const token = "aZ09._~+/=-";
        expect((await request("/v1/directory/search", { token })).status).toBe(200);
        expect(String(fetchMock.mock.calls[0][0])).toBe(
            `${HOMESERVER}/_matrix/federation/v1/openid/userinfo?access_token=${encodeURIComponent(token)}`,
        );
        expect((await request("/v1/directory/search", { token: "x".repeat(1000) })).status).toBe(200);
    });

    it.each([
        ["no Bearer scheme", "Basic abc"],
        ["the scheme in lower case", "bearer abc"],
        ["no token", "Bearer "],
        ["two words", "Bearer abc def"],
        ["a character no token has", "Bearer abc!"],
        ["text before the scheme", "xBearer abc"],
        ["a token over 1000 characters", `Bearer ${"x".repeat(1001)}`],
    ])("takes %s as no token at all", async (_name, authorization) => {
        await start();
        const answer = await request("/v1/directory/search", { token: null, headers: { authorization } });
        expect(answer.status).toBe(401);
        expect(answer.body.error).toBe("openid_token_missing");
        expect(fetchMock).not.toHaveBeenCalled();
    });

    it("passes the homeserver's refusal on as it is", async () => {
        await start();
        tokenOwner = () => 401;
        expect((await request("/v1/directory/search")).body).toEqual({
            error: "openid_token_invalid",
            message: "The homeserver does not know this OpenID token (forged or expired)",
        });
        tokenOwner = () => "@mallory:evil.test";
        const foreign = await request("/v1/directory/search");
        expect(foreign.status).toBe(403);
        expect(foreign.body).toEqual({ error: "forbidden", message: "Users of evil.test may not use this directory" });
        tokenOwner = () => 502;
        expect((await request("/v1/directory/departments")).status).toBe(503);
    });

    it("asks again for a token whose given expiry has passed, and ignores an expiry that is no time", async () => {
        await start();
        const ask = (token: string, expires: string) =>
            request("/v1/directory/departments", { token, headers: { "x-atrium-openid-expires": expires } });
        await ask("past", String(Date.now() - 1000));
        await ask("past", String(Date.now() - 1000));
        expect(fetchMock).toHaveBeenCalledTimes(2);
        for (const expires of ["0", "-5", "soon"]) {
            fetchMock.mockClear();
            const token = freshToken();
            expect((await ask(token, expires)).status).toBe(200);
            expect((await ask(token, expires)).status).toBe(200);
            expect(fetchMock).toHaveBeenCalledTimes(1);
        }
    });

    it("says when the tenant names no homeserver to check tokens with", async () => {
        await tenants.write(
            "acme.yaml",
            `hosts: [chat.acme.test]
config: { default_server_name: acme.test }
server:
  directory:
    source: { type: file, path: people.csv }
    matrix_id_template: "@{login}:acme.test"
`,
        );
        await start();
        const answer = await request("/v1/directory/search");
        expect(answer.status).toBe(503);
        expect(answer.body).toEqual({
            error: "homeserver_unknown",
            message: "The tenant's config names no homeserver to check tokens with",
        });
    });

    it("refuses a host no tenant serves, and a tenant without a directory, before looking at the token", async () => {
        await tenants.write("other.yaml", "hosts: [other.acme.test]\nconfig: { brand: Other }\n");
        await start();
        const unknown = await request("/v1/directory/search", { headers: { host: "nobody.test" } });
        expect(unknown.status).toBe(404);
        expect(unknown.body.error).toBe("unknown_tenant");
        for (const url of ["/v1/directory/search", "/v1/directory/person?id=1", "/v1/directory/departments"]) {
            const none = await request(url, { headers: { host: "other.acme.test" } });
            expect(none.status).toBe(404);
            expect(none.body).toEqual({
                error: "directory_not_configured",
                message: "This tenant has no company directory",
            });
        }
        expect(fetchMock).not.toHaveBeenCalled();
    });
});

describe("search", () => {
    it("reads the words, the department and the location, each in its own place", async () => {
        await start();
        expect(names((await request("/v1/directory/search?q=chloe")).body)).toEqual(["Chloé Martin"]);
        expect(names((await request("/v1/directory/search?department=Engineering%2FPlatform")).body)).toEqual([
            "Erin Walsh",
        ]);
        expect(names((await request("/v1/directory/search?location=Berlin")).body)).toEqual(["Boris Okafor"]);
    });

    it("gives pages of the asked size, with a cursor to the next", async () => {
        await start();
        const first = await request("/v1/directory/search?limit=2");
        expect(names(first.body)).toEqual(["Boris Okafor", "Chloé Martin"]);
        const cursor = encodeURIComponent(first.body.next_cursor);
        const second = await request(`/v1/directory/search?limit=2&cursor=${cursor}`);
        expect(names(second.body)).toEqual(["Erin Walsh"]);
        expect(second.body.next_cursor).toBeNull();
    });

    it.each(["0", "-1", "1.5", "two", ""])("refuses limit=%s before anything else", async (limit) => {
        await start();
        const answer = await request(`/v1/directory/search?limit=${limit}`, { token: null });
        expect(answer.status).toBe(400);
        expect(answer.headers["cache-control"]).toBe("no-store");
        expect(answer.body).toEqual({ error: "bad_request", message: "limit must be a positive whole number" });
    });

    it("refuses a cursor it did not give out", async () => {
        await start();
        const answer = await request("/v1/directory/search?cursor=forged");
        expect(answer.status).toBe(400);
        expect(answer.body).toEqual({ error: "bad_cursor", message: "cursor is not one this service gave out" });
    });

    it("answers a failure of the index itself as the server's error, not a bad cursor", async () => {
        await start();
        jest.spyOn(PeopleIndex.prototype, "search").mockImplementation(() => {
            throw new TypeError("a bug in the index");
        });
        const answer = await request("/v1/directory/search?q=erin");
        expect(answer.status).toBe(500);
        expect(answer.body.error).not.toBe("bad_cursor");
    });

    it("ignores parameters longer than any real one, and given twice", async () => {
        await start();
        const everyone = ["Boris Okafor", "Chloé Martin", "Erin Walsh"];
        const search = async (query: string) => (await request(`/v1/directory/search?${query}`)).body;
        expect(names(await search(`q=${"z".repeat(200)}`))).toEqual([]);
        expect(names(await search(`q=${"z".repeat(201)}`))).toEqual(everyone);
        expect(names(await search(`location=${"z".repeat(200)}`))).toEqual([]);
        expect(names(await search(`location=${"z".repeat(201)}`))).toEqual(everyone);
        expect(names(await search(`department=${"z".repeat(1000)}`))).toEqual([]);
        expect(names(await search(`department=${"z".repeat(1001)}`))).toEqual(everyone);
        expect((await request(`/v1/directory/search?cursor=${"z".repeat(2000)}`)).status).toBe(400);
        expect(names(await search(`cursor=${"z".repeat(2001)}`))).toEqual(everyone);
        expect(names(await search("q=erin&q=chloe"))).toEqual(everyone);
    });
});

describe("one person and the departments", () => {
    it("gives a person by id or Matrix ID, with the source", async () => {
        await start();
        const answer = await request(`/v1/directory/person?id=${encodeURIComponent("@erin:acme.test")}`);
        expect(answer.status).toBe(200);
        expect(answer.headers["cache-control"]).toBe("no-store");
        expect(answer.body.person).toMatchObject({ id: "2", name: "Erin Walsh" });
        expect(answer.body.source.state).toBe("ok");
        expect((await request("/v1/directory/person?id=1")).body.person.name).toBe("Boris Okafor");
    });

    it("refuses a missing or overlong id and says when no one has it", async () => {
        await start();
        for (const url of [
            "/v1/directory/person",
            "/v1/directory/person?id=",
            `/v1/directory/person?id=${"9".repeat(1001)}`,
        ]) {
            const answer = await request(url, { token: null });
            expect(answer.status).toBe(400);
            expect(answer.body).toEqual({
                error: "bad_request",
                message: "Give ?id= (a person's id or Matrix user ID)",
            });
        }
        const nobody = await request(`/v1/directory/person?id=${"9".repeat(1000)}`);
        expect(nobody.status).toBe(404);
        expect(nobody.headers["cache-control"]).toBe("no-store");
        expect(nobody.body).toEqual({ error: "person_not_found", message: "No one in the directory has this id" });
    });

    it("gives the departments, the locations and the head count", async () => {
        await start();
        const { status, body } = await request("/v1/directory/departments");
        expect(status).toBe(200);
        expect(body.head_count).toBe(3);
        expect(body.departments.map((d: { name: string }) => d.name)).toEqual(["Engineering", "Sales"]);
        expect(body.locations.map((l: { name: string }) => l.name)).toEqual(["Berlin", "London", "Paris"]);
        expect(body.source.people).toBe(3);
    });
});

describe("the source", () => {
    it("says why nothing can be served when the source cannot be read", async () => {
        await tenants.remove("people.csv");
        await start();
        const answer = await request("/v1/directory/search?q=erin");
        expect(answer.status).toBe(503);
        expect(answer.headers["cache-control"]).toBe("no-store");
        expect(answer.headers["content-type"]).toBe(JSON_TYPE);
        expect(answer.body.error).toBe("directory_unavailable");
        expect(answer.body.source.error).toMatch(/ENOENT/);
        expect(answer.body.message).toBe(`The directory's source cannot be read: ${answer.body.source.error}`);
        expect(answer.body.source).toMatchObject({ state: "unavailable", people: 0 });
    });

    it("keeps one directory per tenant while its settings stay, and a new one when they change", async () => {
        await start();
        const first = (await request("/v1/directory/search")).body.source.refreshed_at;
        await new Promise((resolve) => setTimeout(resolve, 5));
        expect((await request("/v1/directory/search")).body.source.refreshed_at).toBe(first);
        const close = jest.spyOn(TenantDirectory.prototype, "close");
        await tenants.write(
            "acme.yaml",
            tenantYaml("    source: { type: file, path: people.csv }\n    attributes: { location: title }\n"),
        );
        await app.tenants.reload();
        expect(names((await request("/v1/directory/search?location=Platform%20Lead")).body)).toEqual(["Erin Walsh"]);
        expect(close).toHaveBeenCalledTimes(1);
        await tenants.write("acme.yaml", "hosts: [chat.acme.test]\nconfig: { brand: Acme }\n");
        await app.tenants.reload();
        expect((await request("/v1/directory/search")).body.error).toBe("directory_not_configured");
        expect(close).toHaveBeenCalledTimes(2);
    });

    it("closes every tenant's directory when the service closes", async () => {
        await start();
        await request("/v1/directory/search");
        const close = jest.spyOn(TenantDirectory.prototype, "close");
        await app.close();
        expect(close).toHaveBeenCalledTimes(1);
    });

    it("saves the last good copy in the service's data folder when it has one", async () => {
        const dataDir = path.join(tenants.dir, "data");
        await start({ dataDir });
        await request("/v1/directory/search");
        await eventually(async () =>
            (await readdir(path.join(dataDir, "directory")).catch((): string[] => [])).includes("acme.json"),
        );
    });
});

describe("refresh, for operators", () => {
    it("reads the source again on demand, at most every ten seconds, without a token", async () => {
        let offset = 0;
        const realNow = Date.now.bind(Date);
        jest.spyOn(Date, "now").mockImplementation(() => realNow() + offset);
        await start();
        await request("/v1/directory/search");
        const refresh = () => request("/v1/directory/refresh", { method: "POST", token: null });
        const tooSoon = await refresh();
        expect(tooSoon.status).toBe(429);
        expect(tooSoon.body).toEqual({
            error: "too_soon",
            message: "The directory was read moments ago; try again shortly",
        });
        await tenants.write("people.csv", `${CSV}4,Dana New,Engineer,Sales,Paris,dana\n`);
        offset = 10_000;
        const done = await refresh();
        expect(done.status).toBe(200);
        expect(done.headers["cache-control"]).toBe("no-store");
        expect(done.body.source).toMatchObject({ state: "ok", people: 4 });
    });

    it("refuses a host no tenant serves and a tenant without a directory", async () => {
        await tenants.write("other.yaml", "hosts: [other.acme.test]\nconfig: { brand: Other }\n");
        await start();
        const refresh = (host: string) =>
            request("/v1/directory/refresh", { method: "POST", token: null, headers: { host } });
        const unknown = await refresh("nobody.test");
        expect(unknown.status).toBe(404);
        expect(unknown.body.error).toBe("unknown_tenant");
        const none = await refresh("other.acme.test");
        expect(none.status).toBe(404);
        expect(none.body).toEqual({
            error: "directory_not_configured",
            message: "This tenant has no company directory",
        });
    });
});
