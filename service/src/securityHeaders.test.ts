/** @jest-environment node */
import { connectOrigins, contentSecurityPolicy, frameAncestors, originOf, securityHeaders } from "./securityHeaders.ts";

const directive = (policy: string, name: string): string[] | undefined =>
    policy
        .split(";")
        .map((part) => part.trim().split(/\s+/))
        .find(([key]) => key === name)
        ?.slice(1);

const tenant = {
    default_server_config: { "m.homeserver": { base_url: "https://matrix.acme.test/" } },
    atrium: { config_service: { url: "https://config.acme.test/v1/config" } },
};

describe("security headers", () => {
    it("allows script only from the app's origin (plus WASM compilation), never inline", () => {
        const script = directive(contentSecurityPolicy(tenant), "script-src");
        expect(script).toEqual(["'self'", "'wasm-unsafe-eval'"]);
        expect(contentSecurityPolicy(tenant)).not.toMatch(/'unsafe-inline'[^;]*;.*script-src|script-src[^;]*'unsafe-(inline|eval)'/);
    });

    it("lets the app reach its homeserver and config service", () => {
        expect(directive(contentSecurityPolicy(tenant), "connect-src")).toEqual([
            "'self'",
            "https://matrix.acme.test",
            "https://config.acme.test",
            "https:",
        ]);
    });

    it("pins connections to the configured servers when custom homeservers are off", () => {
        const policy = contentSecurityPolicy({ ...tenant, disable_custom_urls: true });
        expect(directive(policy, "connect-src")).toEqual(["'self'", "https://matrix.acme.test", "https://config.acme.test"]);
    });

    it("takes frame-ancestors from atrium.embedding, default 'self'", () => {
        expect(directive(contentSecurityPolicy(tenant), "frame-ancestors")).toEqual(["'self'"]);
        const embedded = { ...tenant, atrium: { embedding: { frame_ancestors: ["'self'", "https://wiki.acme.test"] } } };
        expect(directive(contentSecurityPolicy(embedded), "frame-ancestors")).toEqual(["'self'", "https://wiki.acme.test"]);
        expect(frameAncestors({ atrium: { embedding: { frame_ancestors: [] } } })).toEqual(["'self'"]);
    });

    it("closes plugins, base-URL hijacks and form posts elsewhere", () => {
        const policy = contentSecurityPolicy(tenant);
        expect(directive(policy, "object-src")).toEqual(["'none'"]);
        expect(directive(policy, "base-uri")).toEqual(["'self'"]);
        expect(directive(policy, "form-action")).toEqual(["'self'"]);
    });

    it("ignores config values that are not http(s) URLs", () => {
        expect(originOf("javascript:alert(1)")).toBeUndefined();
        expect(originOf("/relative")).toBeUndefined();
        expect(originOf(42)).toBeUndefined();
        expect(connectOrigins({ default_server_config: { "m.homeserver": { base_url: "data:text/html,x" } } })).toEqual([]);
    });

    it("sends nosniff, a referrer policy and a permissions policy", () => {
        const headers = securityHeaders(tenant);
        expect(headers["X-Content-Type-Options"]).toBe("nosniff");
        expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
        expect(headers["Permissions-Policy"]).toContain("camera=(self)");
        expect(headers["Permissions-Policy"]).toContain("usb=()");
    });
});
