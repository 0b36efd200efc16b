/** @jest-environment node */
// The property behind the first finding of the review: whatever the validator accepts, the
// Content-Security-Policy built from it has exactly the default's directives, and every source in
// it is one the builder means to write. Generated tenant files carry hostile strings in every
// string field: URL hosts holding `;`, `,`, quotes and spaces, directive names, keywords.
import { Ajv } from "ajv";
import fc from "fast-check";
import { stringify as toYaml } from "yaml";

import { clientConfigSchema as clientSchema } from "./contract.ts";
import tenantSchema from "../schema/atrium-tenant-file.schema.json" with { type: "json" };
import { layerConfig } from "./layering.ts";
import {
    contentSecurityPolicy,
    DEFAULT_DIRECTIVE_NAMES,
    directiveNames,
    SAFE_ANCESTOR,
    SAFE_ORIGIN,
} from "./securityHeaders.ts";
import { loadTenantFile } from "./tenantFile.ts";

const SEED = Number(process.env.ATRIUM_FUZZ_SEED) || 20261202;
const DEFAULTS = { disable_guests: true };

// An oracle apart from the service's own validator: plain Ajv over the schema files.
const oracle = new Ajv({ strict: false });
oracle.addSchema(clientSchema);
oracle.addSchema(tenantSchema);
const oracleEnvelope = oracle.getSchema(tenantSchema.$id)!;
const oracleClient = oracle.getSchema(clientSchema.$id)!;

const KEYWORDS = new Set(["'self'", "'none'", "'wasm-unsafe-eval'", "'unsafe-inline'", "data:", "blob:", "https:"]);

/** Every source of every directive is a keyword, a safe origin or a safe frame ancestor. */
function expectSafePolicy(policy: string): void {
    const names = directiveNames(policy);
    if (names.join() !== DEFAULT_DIRECTIVE_NAMES.join()) expect(names).toEqual(DEFAULT_DIRECTIVE_NAMES);
    const unexpected = policy
        .split("; ")
        .flatMap((part) => part.split(" ").slice(1))
        .filter((source) => !KEYWORDS.has(source) && !SAFE_ORIGIN.test(source) && !SAFE_ANCESTOR.test(source));
    if (unexpected.length) expect({ policy, unexpected }).toEqual({ policy, unexpected: [] });
}

// Pieces an attacker puts into a URL-shaped string, and ordinary ones so that many files pass.
const INJECTIONS = [";", ",", "'", '"', " ", "\t", "*", "_", "@", "$", "!", "(", ")", "=", "+", "&", "~", "\\", "%3B"];
const hostChar = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(..."abcxyz019-.".split("")) },
    { weight: 2, arbitrary: fc.constantFrom(...INJECTIONS) },
);
const host = fc.oneof(
    {
        weight: 3,
        arbitrary: fc.constantFrom("matrix.acme.test", "10.0.0.1", "[::1]", "xn--bcher-kva.test", "localhost"),
    },
    { weight: 4, arbitrary: fc.array(hostChar, { minLength: 1, maxLength: 16 }).map((chars) => chars.join("")) },
);
const suffix = fc.constantFrom(
    "",
    "/",
    "/_matrix",
    ":8448",
    ":99999",
    ";script-src https://evil.test",
    " 'unsafe-inline'",
    ",frame-ancestors *",
    "; frame-ancestors *",
    "/x;y z",
    "#a;b",
);
const scheme = fc.constantFrom("https://", "http://", "HTTPS://", "//", "", "javascript:", "https://user@");
const attackUrl = fc.tuple(scheme, host, suffix).map(([s, h, x]) => s + h + x);
// Mostly ordinary, so that many files pass and the rest of each file is exercised too.
const hostileUrl = fc.oneof(
    {
        weight: 5,
        arbitrary: fc.constantFrom(
            "https://matrix.acme.test",
            "https://matrix.acme.test:8448/_matrix",
            "http://10.0.0.1:8008/",
            "https://[::1]:8448",
            "https://tiles.acme.test/style.json?key=a;b",
            "img/logo.svg",
        ),
    },
    { weight: 1, arbitrary: attackUrl },
);
const hostileText = fc.oneof(
    attackUrl,
    fc.string({ maxLength: 40 }),
    fc.constantFrom("'self'", "*", "'none'", "script-src *", "https:", "'self'; script-src *", "data:"),
);
const ancestor = fc.oneof(
    { weight: 1, arbitrary: attackUrl },
    { weight: 1, arbitrary: hostileText },
    { weight: 6, arbitrary: fc.constantFrom("'self'", "https://*.wiki.test", "https://wiki.test:8443") },
);
const opt = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 2 });

/** A tenant's config with a hostile (or ordinary) string in every string field Atrium reads. */
const hostileConfig = fc
    .record({
        brand: opt(hostileText),
        base_url: fc.oneof(
            { weight: 6, arbitrary: fc.constant("https://matrix.acme.test") },
            { weight: 1, arbitrary: attackUrl },
        ),
        server_name: opt(hostileText),
        identity: opt(hostileUrl),
        default_hs_url: opt(hostileUrl),
        default_is_url: opt(hostileUrl),
        default_server_name: opt(hostileText),
        permalink_prefix: opt(hostileUrl),
        map_style_url: opt(hostileUrl),
        default_theme: opt(hostileText),
        auth_header_logo_url: opt(hostileUrl),
        footer: opt(fc.tuple(hostileText, hostileUrl)),
        home_url: opt(hostileUrl),
        welcome_url: opt(hostileUrl),
        logo_url: opt(hostileUrl),
        config_service_url: opt(hostileUrl),
        notice: opt(fc.tuple(hostileText, hostileText)),
        frame_ancestors: opt(fc.array(ancestor, { maxLength: 3 })),
        disable_custom_urls: opt(fc.boolean()),
        element_key: opt(hostileText),
    })
    .map((v) => {
        const config: Record<string, unknown> = {
            default_server_config: {
                "m.homeserver": { base_url: v.base_url, ...(v.server_name && { server_name: v.server_name }) },
                ...(v.identity && { "m.identity_server": { base_url: v.identity } }),
            },
        };
        const set = (key: string, value: unknown): void => {
            if (value !== undefined) config[key] = value;
        };
        set("brand", v.brand);
        set("default_hs_url", v.default_hs_url);
        set("default_is_url", v.default_is_url);
        set("default_server_name", v.default_server_name);
        set("permalink_prefix", v.permalink_prefix);
        set("map_style_url", v.map_style_url);
        set("default_theme", v.default_theme);
        set("disable_custom_urls", v.disable_custom_urls);
        set("jitsi", v.element_key && { preferred_domain: v.element_key }); // an Element key passed through
        if (v.auth_header_logo_url || v.footer) {
            config.branding = {
                ...(v.auth_header_logo_url && { auth_header_logo_url: v.auth_header_logo_url }),
                ...(v.footer && { auth_footer_links: [{ text: v.footer[0], url: v.footer[1] }] }),
            };
        }
        if (v.home_url || v.welcome_url) {
            config.embedded_pages = {
                ...(v.home_url && { home_url: v.home_url }),
                ...(v.welcome_url && { welcome_url: v.welcome_url }),
            };
        }
        const atrium: Record<string, unknown> = {};
        if (v.logo_url) atrium.brand = { logo_url: v.logo_url };
        if (v.config_service_url) atrium.config_service = { url: v.config_service_url };
        if (v.notice) atrium.notices = [{ id: "n1", text: v.notice[0] || "x", level: "info" }];
        if (v.frame_ancestors) atrium.embedding = { frame_ancestors: v.frame_ancestors };
        if (Object.keys(atrium).length) config.atrium = atrium;
        return config;
    });

describe("the policy's directives under hostile tenant files", () => {
    it("keep exactly the default's directives and only intended sources, for every file the validator accepts", () => {
        const tally = { oracleAccepted: 0, loaderAccepted: 0, refused: 0 };
        fc.assert(
            fc.property(hostileConfig, fc.boolean(), (config, asJson) => {
                const envelope = { hosts: ["chat.acme.test"], config };
                const layered = layerConfig(DEFAULTS, config);
                // Whatever the schema alone accepts yields a safe policy: the builder is safe by itself.
                if (oracleEnvelope(envelope) && oracleClient(layered)) {
                    tally.oracleAccepted++;
                    expectSafePolicy(contentSecurityPolicy(layered));
                }
                // And whatever the service loads, it serves with a safe policy.
                const file = asJson ? "acme.json" : "acme.yaml";
                const text = asJson ? JSON.stringify(envelope) : toYaml(envelope);
                const loaded = loadTenantFile("acme", file, text, DEFAULTS);
                if (loaded.ok) {
                    tally.loaderAccepted++;
                    expectSafePolicy(contentSecurityPolicy(loaded.value.config));
                } else {
                    tally.refused++;
                    for (const problem of loaded.problems) {
                        expect(problem.file).toBe(file);
                        expect(problem.path === "" || problem.path.startsWith("/")).toBe(true);
                    }
                }
            }),
            { seed: SEED, numRuns: 3000 },
        );
        // Both outcomes happen often enough for the property to mean something.
        expect(tally.oracleAccepted).toBeGreaterThan(300);
        expect(tally.loaderAccepted).toBeGreaterThan(300);
        expect(tally.refused).toBeGreaterThan(300);
    });

    it("holds for the builder alone, whatever the config holds (no validation at all)", () => {
        fc.assert(
            fc.property(hostileConfig, (config) => {
                expectSafePolicy(contentSecurityPolicy(config));
            }),
            { seed: SEED, numRuns: 2000 },
        );
    });
});
