/** @jest-environment node */
// The small pieces behind the review's fixes, branch by branch: the flow-nesting scan, the alias
// count, the hosts of a refused file, the new command-line options, the host-conflict log.
import { parseDocument } from "yaml";

import { parseOptions, UsageError } from "./options.ts";
import { expandedLength, flowDepth, loadTenantFile, MAX_DEPTH, parseFileText } from "./tenantFile.ts";
import { TenantStore, type StoreLog } from "./tenantStore.ts";
import { tenantsDir, type TenantsDir } from "./testSupport.ts";

describe("flowDepth", () => {
    it("counts nested flow collections", () => {
        expect(flowDepth("a: [1, {b: [2]}]")).toBe(3);
        expect(flowDepth("a: [1]\nb: [[2]]")).toBe(2);
        expect(flowDepth("a: b")).toBe(0);
        expect(flowDepth("]]][")).toBe(1); // never below zero
    });

    it("ignores brackets in quoted strings", () => {
        expect(flowDepth("a: '[[[['")).toBe(0);
        expect(flowDepth("a: 'it''s [x]' ")).toBe(0);
        expect(flowDepth('a: "[[\\"[[" ')).toBe(0);
        expect(flowDepth('a: "x\\\\" [1]')).toBe(1); // an escaped backslash ends nothing early
        expect(flowDepth("a: '[' [1]")).toBe(1);
        expect(flowDepth('a: "[" {b: 1}')).toBe(1);
    });

    it("ignores brackets in comments, which start at a line start or after a space", () => {
        expect(flowDepth("a: b # [[[[\nc: [1]")).toBe(1);
        expect(flowDepth("#[[\n[")).toBe(1);
        expect(flowDepth("# only a comment [[[")).toBe(0);
        expect(flowDepth("a: b\t# [[[")).toBe(0);
        expect(flowDepth("a: b#[[[")).toBe(3); // part of the scalar, not a comment
    });

    it("refuses deeper than MAX_DEPTH before parsing, and leaves the rest to the parser", () => {
        const nested = (n: number): string => `x: ${"[".repeat(n)}${"]".repeat(n)}\n`;
        const refusedByScan = parseFileText("t.yaml", nested(MAX_DEPTH + 1));
        expect(refusedByScan).toEqual({
            ok: false,
            problems: [{ file: "t.yaml", path: "", message: `is nested more than ${MAX_DEPTH} levels deep` }],
        });
        // At the limit, it is read.
        expect(parseFileText("t.yaml", nested(MAX_DEPTH))).toMatchObject({ ok: true });
        // JSON is parsed natively; its depth is checked afterwards.
        const json = parseFileText("t.json", `{"x": ${"[".repeat(MAX_DEPTH + 1)}${"]".repeat(MAX_DEPTH + 1)}}`);
        expect(json.ok ? "" : json.problems[0].path).toMatch(/^\/x\/0/);
    });
});

describe("expandedLength", () => {
    it("is the text's length without aliases", () => {
        const text = "a: 1\nb: [2, 3]\n";
        expect(expandedLength(parseDocument(text))).toBe(text.length);
        expect(expandedLength(parseDocument(""))).toBe(0);
    });

    it("adds each alias's target, itself expanded", () => {
        const once = parseDocument("a: &x [1, 2, 3]\nb: *x\n");
        const target = "[1, 2, 3]".length;
        // The alias `*x` (2 characters) stands for its target.
        expect(expandedLength(once)).toBe("a: &x [1, 2, 3]\nb: *x\n".length - 2 + target);
        const nested = parseDocument("a: &x [1, 2]\nb: &y [*x, *x]\nc: [*y, *y]\n");
        const plain = parseDocument("a: &x [1, 2]\nb: &y [*x, *x]\nc: [1]\n");
        // c's two aliases each stand for y, which holds x twice.
        expect(expandedLength(nested)).toBeGreaterThan(expandedLength(plain) + 2 * "[1, 2]".length * 2);
    });
});

describe("the hosts a refused file names", () => {
    it("come from its single parse, lower-cased, strings only", () => {
        const refused = (text: string) => {
            const loaded = loadTenantFile("t", "t.yaml", text, {});
            return loaded.ok ? null : loaded.intendedHosts;
        };
        expect(refused("hosts: [Chat.A.test, 7]\nconfig:\n  brand: 7\n")).toEqual(["chat.a.test"]);
        expect(refused("hosts: a.test\nconfig: {}\n")).toEqual([]);
        expect(refused("- a.test\n")).toEqual([]);
        expect(refused("just text\n")).toEqual([]);
        expect(refused("hosts: [a.test\n")).toEqual([]);
    });
});

describe("parseOptions: limits and the operator token", () => {
    it("reads each limit from its flag, else its environment variable", () => {
        const base = ["--tenants", "t"];
        expect(
            parseOptions(
                [
                    ...base,
                    "--max-connections",
                    "100",
                    "--headers-timeout-ms",
                    "2000",
                    "--request-timeout-ms",
                    "3000",
                    "--keep-alive-timeout-ms",
                    "4000",
                    "--idle-timeout-ms",
                    "5000",
                ],
                { ATRIUM_MAX_CONNECTIONS: "9" },
            )?.limits,
        ).toEqual({
            maxConnections: 100,
            headersTimeoutMs: 2000,
            requestTimeoutMs: 3000,
            keepAliveTimeoutMs: 4000,
            idleTimeoutMs: 5000,
        });
        expect(
            parseOptions(base, {
                ATRIUM_MAX_CONNECTIONS: "9",
                ATRIUM_HEADERS_TIMEOUT_MS: "1",
                ATRIUM_REQUEST_TIMEOUT_MS: "2",
                ATRIUM_KEEP_ALIVE_TIMEOUT_MS: "3",
                ATRIUM_IDLE_TIMEOUT_MS: "4",
            })?.limits,
        ).toEqual({
            maxConnections: 9,
            headersTimeoutMs: 1,
            requestTimeoutMs: 2,
            keepAliveTimeoutMs: 3,
            idleTimeoutMs: 4,
        });
        expect(parseOptions(base, { ATRIUM_MAX_CONNECTIONS: "" })?.limits).toEqual({});
    });

    it("refuses a limit that is not a whole number above 0", () => {
        for (const value of ["0", "1.5", "ten", "01", "1e3", "9999999999"]) {
            expect(() => parseOptions(["--tenants", "t", "--max-connections", value], {})).toThrow(
                `--max-connections must be a whole number above 0, not "${value}"`,
            );
        }
        expect(() => parseOptions(["--tenants", "t"], { ATRIUM_IDLE_TIMEOUT_MS: "soon" })).toThrow(UsageError);
    });

    it("takes the operator token from the flag or the environment, 16 characters or more", () => {
        const token = "a".repeat(16);
        expect(
            parseOptions(["--tenants", "t", "--operator-token", token], { ATRIUM_OPERATOR_TOKEN: "b".repeat(16) })
                ?.operatorToken,
        ).toBe(token);
        expect(parseOptions(["--tenants", "t"], { ATRIUM_OPERATOR_TOKEN: token })?.operatorToken).toBe(token);
        expect(parseOptions(["--tenants", "t"], { ATRIUM_OPERATOR_TOKEN: "" })?.operatorToken).toBeUndefined();
        expect(() => parseOptions(["--tenants", "t", "--operator-token", "a".repeat(15)], {})).toThrow(
            "The operator token must be at least 16 characters long",
        );
    });
});

describe("the host-conflict log", () => {
    let tenants: TenantsDir;
    afterEach(() => tenants.cleanup());

    it("warns when a conflict appears or changes, not on every reload", async () => {
        tenants = await tenantsDir({
            "aaa.yaml": "hosts: [h.test]\nconfig:\n  brand: A\n",
            "bbb.yaml": "hosts: [h.test]\nconfig:\n  brand: B\n",
        });
        const warnings: object[] = [];
        const log: StoreLog = { info: () => undefined, error: () => undefined, warn: (obj) => warnings.push(obj) };
        const store = new TenantStore(tenants.dir, { log, watch: false });
        await store.start();
        expect(warnings).toEqual([
            { event: "host_conflict", host: "h.test", claimed_by: ["aaa", "bbb"], served_by: null },
        ]);
        await store.reload();
        expect(warnings).toHaveLength(1);
        await tenants.write("ccc.yaml", "hosts: [h.test]\nconfig:\n  brand: C\n");
        await store.reload();
        expect(warnings[1]).toEqual({
            event: "host_conflict",
            host: "h.test",
            claimed_by: ["aaa", "bbb", "ccc"],
            served_by: null,
        });
        await tenants.remove("aaa.yaml");
        await tenants.remove("bbb.yaml");
        await store.reload();
        expect(store.byHost("h.test")?.name).toBe("ccc");
        expect(store.hostConflict("h.test")).toBeUndefined();
        expect(store.hostConflict(undefined)).toBeUndefined();
        await tenants.write("ddd.yaml", "hosts: [h.test]\nconfig:\n  brand: D\n");
        await store.reload();
        expect(warnings[2]).toEqual({
            event: "host_conflict",
            host: "h.test",
            claimed_by: ["ccc", "ddd"],
            served_by: "ccc",
        });
        store.close();
    });
});

describe("the store's other edges", () => {
    let tenants: TenantsDir;
    // Only one test here makes a folder, and it may not be the first to run.
    afterEach(() => tenants?.cleanup());

    const quietLog = (): StoreLog & { infos: object[]; errors: object[] } => {
        const infos: object[] = [];
        const errors: object[] = [];
        return {
            infos,
            errors,
            info: (obj) => infos.push(obj),
            warn: () => undefined,
            error: (obj) => errors.push(obj),
        };
    };

    it("refuses two defaults files and goes back to empty defaults when the file goes", async () => {
        tenants = await tenantsDir({
            "_defaults.yaml": "config:\n  brand: D\n",
            "acme.yaml": "config:\n  default_theme: dark\n",
        });
        const log = quietLog();
        const store = new TenantStore(tenants.dir, { log, watch: false });
        await store.start();
        expect(JSON.parse(store.byName("acme")!.served!.body).brand).toBe("D");

        await tenants.write("_defaults.json", JSON.stringify({ config: { brand: "J" } }));
        await store.reload();
        const twice = store.status().defaults as { state: string; problems: { file: string; message: string }[] };
        expect(twice.state).toBe("stale");
        expect(twice.problems).toEqual([
            {
                file: "_defaults.json, _defaults.yaml",
                path: "",
                message: "only one defaults file may exist; remove the others",
            },
        ]);
        expect(log.errors).toContainEqual(expect.objectContaining({ event: "defaults_refused" }));

        await tenants.remove("_defaults.json");
        await tenants.remove("_defaults.yaml");
        await store.reload();
        expect(store.status().defaults).toEqual({ file: null, state: "absent", problems: [] });
        expect(log.infos).toContainEqual({ event: "defaults_removed" });
        expect(JSON.parse(store.byName("acme")!.served!.body).brand).toBeUndefined();
        store.close();
    });

    it("caps a file's problems at MAX_PROBLEMS, saying how many more", () => {
        const notices = Array.from({ length: 10 }, (_, i) => ({ id: `UPPER${i}`, text: "", level: "loud" }));
        const loaded = loadTenantFile("t", "t.json", JSON.stringify({ config: { atrium: { notices } } }), {});
        expect(loaded.ok).toBe(false);
        if (loaded.ok) return;
        expect(loaded.problems).toHaveLength(20);
        expect(loaded.problems[19]).toEqual({ file: "t.json", path: "", message: "... and 11 more problem(s)" });
    });

    it("says where a JSON file's syntax breaks", () => {
        const loaded = parseFileText("t.json", '{\n  "config": {,}\n}');
        expect(loaded.ok ? "" : loaded.problems[0].message).toMatch(/^JSON syntax error at line 2, column \d+: /);
    });
});
