/** @jest-environment node */
// Property-based tests: thousands of random, malformed and almost-valid tenant files thrown at the
// service's loader/validator, and random requests at the service. The loader must never throw: it
// answers either a valid, plain-JSON client config or a list of clear problems.
import { readFileSync } from "node:fs";
import path from "node:path";

import { Ajv } from "ajv";
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { stringify as toYaml } from "yaml";

import tenantSchema from "../schema/atrium-tenant-file.schema.json" with { type: "json" };
import { clientConfigSchema as clientSchema, MAX_PROBLEMS, type Problem } from "./contract.ts";
import { layerConfig, type ClientConfig } from "./layering.ts";
import { loadDefaultsFile, loadTenantFile, type Loaded, type Tenant } from "./tenantFile.ts";
import { ACME_YAML, DEFAULTS_YAML, quietService, tenantsDir, type TenantsDir } from "./testSupport.ts";

const EXAMPLE_YAML = readFileSync(path.resolve(__dirname, "../tenants.example/atrium.yaml"), "utf8");
const DEFAULTS = { disable_guests: true, room_directory: { servers: ["d.test"] } };
// Fixed, so a run can be replayed (fast-check prints the counterexample); ATRIUM_FUZZ_SEED=N explores others.
const SEED = Number(process.env.ATRIUM_FUZZ_SEED) || 20261122;

// An oracle apart from the service's validator: plain Ajv over the same two schema files.
const oracle = new Ajv({ strict: false });
oracle.addSchema(clientSchema);
oracle.addSchema(tenantSchema);
const oracleEnvelope = oracle.getSchema(tenantSchema.$id)!;
const oracleClient = oracle.getSchema(clientSchema.$id)!;

function expectProblems(problems: Problem[], file: string): void {
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.length).toBeLessThanOrEqual(MAX_PROBLEMS);
    for (const problem of problems) {
        expect(Object.keys(problem).sort()).toEqual(["file", "message", "path"]);
        expect(problem.file).toBe(file);
        expect(problem.path === "" || problem.path.startsWith("/")).toBe(true);
        expect(typeof problem.message).toBe("string");
        expect(problem.message.trim().length).toBeGreaterThan(0);
        expect(problem.message.length).toBeLessThan(1000);
    }
}

function hasPrototypeKey(value: unknown): boolean {
    if (Array.isArray(value)) return value.some(hasPrototypeKey);
    if (value === null || typeof value !== "object") return false;
    return Object.keys(value).some(
        (key) =>
            ["__proto__", "constructor", "prototype"].includes(key) ||
            hasPrototypeKey((value as Record<string, unknown>)[key]),
    );
}

/** The loader's answer is either a clean tenant or clear problems; counts which, to prove both happen. */
function expectWellFormed(outcome: Loaded<Tenant>, file: string, tally?: { ok: number; refused: number }): void {
    if (outcome.ok) {
        if (tally) tally.ok++;
        const { config, hosts, webOrigins } = outcome.value;
        expect(oracleClient(config)).toBe(true);
        expect(JSON.parse(JSON.stringify(config))).toEqual(config);
        expect(hasPrototypeKey(config)).toBe(false);
        expect(hosts.every((h) => typeof h === "string")).toBe(true);
        expect(webOrigins.every((o) => typeof o === "string")).toBe(true);
    } else {
        if (tally) tally.refused++;
        expectProblems(outcome.problems, file);
    }
}

function load(file: string, text: string): Loaded<Tenant> {
    return loadTenantFile("fuzz", file, text, DEFAULTS);
}

// Values for the keys Atrium checks: mostly right, now and then wrong in the ways people get them
// wrong, or any JSON at all.
const nowAndThen = <T, U>(usual: fc.Arbitrary<T>, odd: fc.Arbitrary<U>) =>
    fc.oneof({ weight: 10, arbitrary: usual }, { weight: 1, arbitrary: odd });
const maybe = <T>(good: fc.Arbitrary<T>): fc.Arbitrary<unknown> => nowAndThen(good, fc.jsonValue({ maxDepth: 2 }));
/** A value to add under a key only now and then (e.g. a misspelt key). */
const rarely = (value: unknown): fc.Arbitrary<unknown> => nowAndThen(fc.constant(undefined), fc.constant(value));
const colour = maybe(
    nowAndThen(fc.stringMatching(/^#[0-9a-fA-F]{6}$/), fc.constantFrom("teal", "#fff", "#12345g", "")),
);
const badUrl = fc.constantFrom("javascript:alert(1)", "https://", "ftp://x.test", "http://a b");
const httpUrl = maybe(nowAndThen(fc.webUrl(), badUrl));
const url = maybe(nowAndThen(fc.oneof(fc.webUrl(), fc.constant("img/logo.svg")), badUrl));
const shortText = maybe(nowAndThen(fc.string({ minLength: 1, maxLength: 30 }), fc.constantFrom("", "x".repeat(201))));
const partial = <T extends Record<string, fc.Arbitrary<unknown>>>(model: T) => fc.record(model, { requiredKeys: [] });

const notice = fc.record(
    {
        id: maybe(nowAndThen(fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,10}$/), fc.constantFrom("Upper", "-dash", ""))),
        text: shortText,
        level: maybe(nowAndThen(fc.constantFrom("info", "warning"), fc.constant("alarm"))),
    },
    { requiredKeys: ["id", "text"] },
);
const clientConfig = partial({
    brand: shortText,
    default_server_config: maybe(
        fc.record({
            "m.homeserver": maybe(
                fc.record({ base_url: httpUrl, server_name: shortText }, { requiredKeys: ["base_url"] }),
            ),
        }),
    ),
    disable_guests: maybe(fc.boolean()),
    room_directory: maybe(partial({ servers: maybe(fc.array(fc.domain(), { maxLength: 3 })) })),
    setting_defaults: maybe(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 })),
    features: maybe(fc.dictionary(fc.string(), fc.boolean(), { maxKeys: 3 })),
    atrium: maybe(
        partial({
            brand: maybe(
                partial({
                    logo_url: url,
                    colors: maybe(partial({ primary: colour, on_primary: colour, sidebar: colour })),
                }),
            ),
            notices: maybe(
                nowAndThen(
                    fc.array(notice, { maxLength: 3 }),
                    fc.array(notice, { minLength: 11, maxLength: 11 }), // the schema allows 10
                ),
            ),
            config_service: maybe(
                partial({
                    url,
                    timeout_ms: maybe(
                        nowAndThen(fc.integer({ min: 100, max: 30000 }), fc.integer({ min: -10, max: 40000 })),
                    ),
                }),
            ),
            modules: maybe(partial({ "room-link": maybe(partial({ enabled: maybe(fc.boolean()) })) })),
            colours: rarely("a misspelt key"),
        }),
    ),
    // Becomes a `__proto__` key in the file's text (a literal __proto__ key here would set a prototype).
    PROTO_KEY: rarely({ polluted: true }),
});

const tenantData = fc.record(
    {
        hosts: maybe(
            fc.uniqueArray(
                nowAndThen(fc.domain(), fc.constantFrom("localhost", "127.0.0.1:8080", "Upper.Case", "a b")),
                { maxLength: 3 },
            ),
        ),
        web_origins: maybe(
            fc.uniqueArray(
                nowAndThen(
                    fc.domain().map((d) => `https://${d}`),
                    fc.webUrl(),
                ),
                { maxLength: 3 },
            ),
        ),
        config: clientConfig,
        extra: rarely("not an envelope key"),
    },
    { requiredKeys: ["config"] },
);

/** Writes the data as JSON or YAML; `PROTO_KEY` becomes `__proto__` in the text. */
function asFile(plain: unknown, format: "json" | "yaml" | "yml"): [string, string] {
    const text =
        format === "json" ? JSON.stringify(plain) : format === "yaml" ? toYaml(plain) : JSON.stringify(plain, null, 1);
    return [`t.${format}`, text.replace(/PROTO_KEY/g, "__proto__")];
}

const MUTATION_CHARS = [
    ":",
    "-",
    " ",
    "\n",
    "[",
    "]",
    "{",
    "}",
    '"',
    "'",
    "#",
    "&",
    "*",
    "!",
    "|",
    ">",
    "\t",
    "%",
    "@",
    "`",
    "\u0000",
    "é",
    "\uFEFF",
    "---\n",
    "? ",
];
const mutated = fc
    .tuple(
        fc.constantFrom(
            ACME_YAML,
            DEFAULTS_YAML,
            EXAMPLE_YAML,
            JSON.stringify({ hosts: ["a.test"], config: { brand: "A" } }, null, 2),
        ),
        fc.array(
            fc.tuple(
                fc.nat(),
                fc.constantFrom("insert", "delete", "replace", "truncate"),
                fc.constantFrom(...MUTATION_CHARS),
            ),
            { minLength: 1, maxLength: 6 },
        ),
        fc.boolean(),
    )
    .map(([seed, edits, asJson]): [string, string] => {
        let text = seed;
        for (const [at, op, chars] of edits) {
            const i = text.length ? at % text.length : 0;
            if (op === "insert") text = text.slice(0, i) + chars + text.slice(i);
            else if (op === "delete") text = text.slice(0, i) + text.slice(i + 1);
            else if (op === "replace") text = text.slice(0, i) + chars + text.slice(i + 1);
            else text = text.slice(0, i);
        }
        return [asJson ? "t.json" : "t.yaml", text];
    });

const nested = fc.tuple(fc.integer({ min: 0, max: 300 }), fc.boolean()).map(([depth, objects]) => {
    const open = objects ? '{"a":' : "[";
    const close = objects ? "}" : "]";
    return `{"config": {"x": ${open.repeat(depth)}1${close.repeat(depth)}}}`;
});

describe("the tenant file validator under fuzzing", () => {
    it("answers random JSON documents as JSON or YAML files", () => {
        fc.assert(
            fc.property(fc.jsonValue({ maxDepth: 6 }), fc.boolean(), (value, yaml) => {
                const file = yaml ? "t.yaml" : "t.json";
                expectWellFormed(load(file, yaml ? toYaml(value) : JSON.stringify(value)), file);
            }),
            { numRuns: 1000, seed: SEED },
        );
    });

    it("answers random envelopes around random configs", () => {
        fc.assert(
            fc.property(
                fc.record(
                    { hosts: fc.anything(), web_origins: fc.anything(), config: fc.jsonValue({ maxDepth: 4 }) },
                    { requiredKeys: [] },
                ),
                (data) => {
                    expectWellFormed(load("t.json", JSON.stringify(data)), "t.json");
                },
            ),
            { numRuns: 1000, seed: SEED },
        );
    });

    it("answers almost-valid tenant files, accepting the valid ones and refusing the rest", () => {
        const tally = { ok: 0, refused: 0 };
        fc.assert(
            fc.property(
                tenantData,
                fc.constantFrom("json" as const, "yaml" as const, "yml" as const),
                (data, format) => {
                    const plain = JSON.parse(JSON.stringify(data)) as { config: ClientConfig }; // undefined keys dropped
                    const [file, text] = asFile(plain, format);
                    const outcome = load(file, text);
                    expectWellFormed(outcome, file, tally);
                    // Accepted exactly when the oracle finds the envelope and the layered config valid.
                    expect(outcome.ok).toBe(
                        oracleEnvelope(plain) === true && oracleClient(layerConfig(DEFAULTS, plain.config)) === true,
                    );
                },
            ),
            { numRuns: 2000, seed: SEED },
        );
        // Both branches are exercised, not just the refusals.
        expect(tally.ok).toBeGreaterThan(100);
        expect(tally.refused).toBeGreaterThan(100);
    });

    it("answers mutated, truncated and random text", () => {
        fc.assert(
            fc.property(
                fc.oneof(
                    mutated,
                    fc.tuple(fc.constantFrom("t.yaml", "t.json"), fc.string({ unit: "binary", maxLength: 200 })),
                    fc.tuple(fc.constantFrom("t.yaml", "t.json"), nested),
                ),
                ([file, text]) => {
                    expectWellFormed(load(file, text), file);
                },
            ),
            { numRuns: 2000, seed: SEED },
        );
    });

    it("answers random defaults files", () => {
        fc.assert(
            fc.property(
                fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.record({ config: fc.jsonValue({ maxDepth: 4 }) })),
                (value) => {
                    const loaded = loadDefaultsFile("_defaults.yaml", toYaml(value));
                    if (loaded.ok) expect(oracleClient(loaded.value)).toBe(true);
                    else expectProblems(loaded.problems, "_defaults.yaml");
                },
            ),
            { numRuns: 500, seed: SEED },
        );
    });
});

describe("the service under random requests", () => {
    let tenants: TenantsDir;
    let app: FastifyInstance;

    beforeAll(async () => {
        tenants = await tenantsDir({
            "_defaults.yaml": DEFAULTS_YAML,
            "acme.yaml": ACME_YAML,
            "broken.yaml": "hosts: [broken.test]\nconfig: []\n",
        });
        app = await quietService({ tenantsDir: tenants.dir, watch: false });
    });

    afterAll(async () => {
        await app.close();
        await tenants.cleanup();
    });

    it("answers every Host and ?tenant= with 200, 304, 400 or 404 and JSON", async () => {
        await fc.assert(
            fc.asyncProperty(
                fc.oneof(
                    fc.domain(),
                    fc.constantFrom("chat.acme.test", "broken.test", "[::1]:80", "CHAT.ACME.TEST.", ":", "a:b:c"),
                    fc.string({ maxLength: 40 }),
                ),
                fc.option(
                    fc.oneof(
                        fc.string({ maxLength: 20 }),
                        fc.constantFrom("acme", "broken", "_defaults", "__proto__", "constructor", "../acme"),
                    ),
                ),
                fc.option(fc.oneof(fc.string({ maxLength: 40 }), fc.constant("*"))),
                async (host, tenant, ifNoneMatch) => {
                    const headers: Record<string, string> = { host: host.replace(/[^\x21-\x7e]/g, "") || "x" };
                    if (ifNoneMatch !== null) headers["if-none-match"] = ifNoneMatch.replace(/[^\x20-\x7e]/g, "");
                    const url = tenant === null ? "/v1/config" : `/v1/config?tenant=${encodeURIComponent(tenant)}`;
                    const res = await app.inject({ method: "GET", url, headers });
                    expect([200, 304, 400, 404]).toContain(res.statusCode);
                    if (res.statusCode === 304) return;
                    const body = res.json();
                    if (res.statusCode === 200) expect(oracleClient(body)).toBe(true);
                    else expect(typeof body.error).toBe("string");
                },
            ),
            { numRuns: 400, seed: SEED },
        );
    });
});
