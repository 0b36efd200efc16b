/** @jest-environment node */
// How a schema's refusals read to an operator: one problem per place and reason, with a JSON
// Pointer that survives keys holding "/" or "~", the allowed values quoted (and cut when long), a
// pattern's meaning from its description, and at most MAX_PROBLEMS of them.
import {
    capped,
    checkClientConfig,
    checkDefaultsFile,
    checkTenantFile,
    CLIENT_SCHEMA_ID,
    isWebOrigin,
    MAX_PROBLEMS,
    TENANT_FILE_SCHEMA_ID,
    type Problem,
} from "./contract.ts";

describe("a client config's problems", () => {
    it("name an unknown key by its escaped pointer", () => {
        expect(checkClientConfig({ atrium: { "a/b~c": 1 } }, "t.yaml", "/config")).toEqual([
            {
                file: "t.yaml",
                path: "/config/atrium/a~1b~0c",
                message: "unknown key: not in the schema here (check its spelling and place)",
            },
        ]);
    });

    it("list the allowed values, quoted", () => {
        expect(checkClientConfig({ atrium: { notices: [{ id: "n1", text: "x", level: "loud" }] } }, "t.yaml")).toEqual([
            { file: "t.yaml", path: "/atrium/notices/0/level", message: 'must be one of "info", "warning"' },
        ]);
    });

    it("say what a pattern means, from its description", () => {
        const problems = checkTenantFile({ hosts: ["Bad Host"], config: {} }, "t.yaml");
        expect(problems).toHaveLength(1);
        expect(problems[0].path).toBe("/hosts/0");
        expect(problems[0].message).toMatch(
            /^must match pattern ".+" \(A lower-case host name or IP address, optionally with :port\)$/,
        );
    });

    it("give Ajv's words for other rules, with no hint", () => {
        expect(checkClientConfig({ brand: 3 }, "t.yaml", "/config")).toEqual([
            { file: "t.yaml", path: "/config/brand", message: "must be string" },
        ]);
    });

    it("are none for a valid config", () => {
        expect(checkClientConfig({ brand: "Acme" }, "t.yaml")).toEqual([]);
        expect(checkTenantFile({ config: { brand: "Acme" } }, "t.yaml")).toEqual([]);
        expect(checkDefaultsFile({ config: { brand: "Acme" } }, "_defaults.yaml")).toEqual([]);
    });
});

describe("a tenant file's problems", () => {
    it("name a missing key by its pointer", () => {
        expect(checkTenantFile({ hosts: [] }, "t.yaml")).toEqual([
            { file: "t.yaml", path: "/config", message: "is required" },
        ]);
        expect(checkDefaultsFile({}, "_defaults.yaml")).toEqual([
            { file: "_defaults.yaml", path: "/config", message: "is required" },
        ]);
    });

    it("say which constant a choice needed, once per place, without the oneOf's own summary", () => {
        const problems = checkTenantFile(
            {
                config: {},
                server: { directory: { source: { type: "nfs", path: "p.csv" }, matrix_id_template: "@{u}:x" } },
            },
            "t.yaml",
        );
        const messages = problems.map((problem) => `${problem.path} ${problem.message}`);
        expect(messages).toContain('/server/directory/source/type must be "ldap"');
        expect(messages).toContain('/server/directory/source/type must be "file"');
        expect(messages.filter((m) => m.includes("oneOf") || m.includes("must match exactly one"))).toEqual([]);
        expect(new Set(messages).size).toBe(messages.length);
    });

    it("refuses an origin that is not lower-case scheme://host[:port]", () => {
        expect(isWebOrigin("https://chat.acme.test")).toBe(true);
        expect(isWebOrigin("http://127.0.0.1:8080")).toBe(true);
        expect(isWebOrigin("https://chat.acme.test/")).toBe(false);
        expect(isWebOrigin("HTTPS://chat.acme.test")).toBe(false);
        expect(isWebOrigin("ftp://acme.test")).toBe(false);
    });
});

describe("capped", () => {
    const problems = (n: number): Problem[] =>
        Array.from({ length: n }, (_, i) => ({ file: "t.yaml", path: `/${i}`, message: "m" }));

    it("keeps up to MAX_PROBLEMS as they are, and says how many more past that", () => {
        expect(MAX_PROBLEMS).toBe(20);
        expect(capped(problems(20), "t.yaml")).toEqual(problems(20));
        const cut = capped(problems(21), "t.yaml");
        expect(cut).toHaveLength(20);
        expect(cut.slice(0, 19)).toEqual(problems(19));
        expect(cut[19]).toEqual({ file: "t.yaml", path: "", message: "... and 2 more problem(s)" });
    });

    it("applies to what the schema finds", () => {
        const config = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`unknown_${i}`, 1]));
        const found = checkClientConfig({ atrium: config }, "t.yaml");
        expect(found).toHaveLength(20);
        expect(found[19].message).toBe("... and 11 more problem(s)");
    });
});

describe("the schemas", () => {
    it("are known by their ids", () => {
        expect(CLIENT_SCHEMA_ID).toMatch(/^https?:\/\//);
        expect(TENANT_FILE_SCHEMA_ID).toMatch(/^https?:\/\//);
        expect(CLIENT_SCHEMA_ID).not.toBe(TENANT_FILE_SCHEMA_ID);
    });
});
