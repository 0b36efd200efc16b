import { readFileSync } from "node:fs";
import path from "node:path";

import {
    checkConfig,
    checkConfigSection,
    ConfigProblem,
    describeConfigProblem,
    MAX_CONFIG_DEPTH,
    nestsDeeperThan,
} from "./configValidator";

function nested(depth: number): unknown {
    let value: unknown = "leaf";
    for (let i = 0; i < depth; i++) value = { a: value };
    return value;
}

describe("checkConfig", () => {
    it("accepts the config.json Atrium ships", () => {
        const shipped = JSON.parse(readFileSync(path.join(__dirname, "../../config.json"), "utf8"));
        expect(checkConfig(shipped)).toEqual({ ok: true, config: shipped });
    });

    it("accepts Element keys the contract does not describe", () => {
        expect(checkConfig({ bug_report_endpoint_url: null, jitsi: { preferred_domain: "x" } }).ok).toBe(true);
    });

    it.each([
        ["an array", []],
        ["null", null],
        ["a string", "config"],
        ["a number", 1],
        ["undefined", undefined],
    ])("refuses %s as not an object", (_name, value) => {
        expect(checkConfig(value)).toEqual({ ok: false, problem: { kind: "not-object" } });
    });

    it("names the place and the rule of a schema error", () => {
        const check = checkConfig({ atrium: { brand: { colors: { primary: "teal" } } } });
        expect(check).toEqual({
            ok: false,
            problem: {
                kind: "schema",
                path: "/atrium/brand/colors/primary",
                message: 'must match pattern "^#[0-9a-fA-F]{6}$"',
            },
        });
        expect(describeConfigProblem((check as { problem: ConfigProblem }).problem)).toBe(
            'schema error at /atrium/brand/colors/primary: must match pattern "^#[0-9a-fA-F]{6}$"',
        );
    });

    it("names an unknown Atrium key, clipped", () => {
        const check = checkConfig({ atrium: { ["x".repeat(500)]: true } });
        expect(check.ok).toBe(false);
        const problem = (check as { problem: { path: string; message: string } }).problem;
        expect(problem.path).toBe("/atrium");
        expect(problem.message).toMatch(/^must NOT have additional properties \("x{63}…"\)$/);
    });

    it("names an unknown key of exactly 64 characters in full", () => {
        const key = "k".repeat(64);
        expect(checkConfig({ atrium: { [key]: true } })).toMatchObject({
            problem: { message: `must NOT have additional properties ("${key}")` },
        });
    });

    it("accepts the company sign-in keys and refuses a provider without a name or with a script URL", () => {
        const signIn = {
            identity_provider: { id: "oidc-keycloak", name: "Acme Account", logo_url: "img/acme.svg" },
            password_login: false,
        };
        expect(checkConfig({ atrium: { sign_in: signIn }, sso_redirect_options: { on_welcome_page: true } }).ok).toBe(
            true,
        );
        expect(checkConfig({ atrium: { sign_in: { identity_provider: { id: "x" } } } })).toMatchObject({
            ok: false,
            problem: { path: "/atrium/sign_in/identity_provider", message: "must have required property 'name'" },
        });
        const scriptLogo = { identity_provider: { name: "Acme", logo_url: "javascript:alert(1)" } };
        expect(checkConfig({ atrium: { sign_in: scriptLogo } })).toMatchObject({
            ok: false,
            problem: { path: "/atrium/sign_in/identity_provider/logo_url" },
        });
        expect(checkConfig({ sso_redirect_options: { immediate: "yes" } })).toMatchObject({
            ok: false,
            problem: { path: "/sso_redirect_options/immediate", message: "must be boolean" },
        });
    });

    it("names the place of a wrong type", () => {
        expect(checkConfig({ brand: 42 })).toMatchObject({
            ok: false,
            problem: { kind: "schema", path: "/brand", message: "must be string" },
        });
    });

    it("refuses absurd nesting without walking it recursively", () => {
        expect(checkConfig({ setting_defaults: nested(MAX_CONFIG_DEPTH) })).toEqual({
            ok: false,
            problem: { kind: "too-deep", maxDepth: MAX_CONFIG_DEPTH },
        });
        expect(checkConfig({ setting_defaults: nested(MAX_CONFIG_DEPTH - 2) }).ok).toBe(true);
        // Far deeper than any stack: still an answer, not a RangeError.
        expect(checkConfig({ a: nested(200_000) }).ok).toBe(false);
    });

    it("refuses __proto__ inside Atrium's keys rather than letting it through", () => {
        const hostile = JSON.parse('{"atrium": {"__proto__": {"polluted": true}}}');
        expect(checkConfig(hostile)).toMatchObject({ ok: false, problem: { kind: "schema", path: "/atrium" } });
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
});

describe("nestsDeeperThan", () => {
    it("counts objects and arrays, not scalars", () => {
        expect(nestsDeeperThan("x", 0)).toBe(false);
        expect(nestsDeeperThan(null, 0)).toBe(false);
        expect(nestsDeeperThan({}, 0)).toBe(true);
        expect(nestsDeeperThan([[[]]], 3)).toBe(false);
        expect(nestsDeeperThan([[[]]], 2)).toBe(true);
    });
});

describe("checkConfigSection", () => {
    it("checks one section at its place in the contract", () => {
        expect(checkConfigSection(["atrium", "config_service"], { url: "/v1/config", timeout_ms: 3000 }).ok).toBe(true);
        expect(checkConfigSection(["atrium", "config_service"], { timeout_ms: 10 })).toMatchObject({
            ok: false,
            problem: { path: "/atrium/config_service/timeout_ms" },
        });
    });
});
