/** @jest-environment node */
import {
    connectOrigins,
    contentSecurityPolicy,
    DEFAULT_DIRECTIVE_NAMES,
    directiveNames,
    FALLBACK_SECURITY_HEADERS,
    frameAncestors,
    headerValueProblems,
    originOf,
    PERMISSIONS_POLICY,
    securityHeaders,
} from "./securityHeaders.ts";

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
        expect(contentSecurityPolicy(tenant)).not.toMatch(
            /'unsafe-inline'[^;]*;.*script-src|script-src[^;]*'unsafe-(inline|eval)'/,
        );
    });

    it("has every directive, in order, with its fixed sources", () => {
        expect(contentSecurityPolicy({ disable_custom_urls: true })).toBe(
            [
                "default-src 'self'",
                "script-src 'self' 'wasm-unsafe-eval'",
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data: blob: https:",
                "media-src 'self' data: blob: https:",
                "font-src 'self' data:",
                "connect-src 'self'",
                "worker-src 'self' blob:",
                "frame-src 'self' blob: https:",
                "manifest-src 'self'",
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self'",
                "frame-ancestors 'self'",
            ].join("; "),
        );
        expect(DEFAULT_DIRECTIVE_NAMES).toEqual([
            "default-src",
            "script-src",
            "style-src",
            "img-src",
            "media-src",
            "font-src",
            "connect-src",
            "worker-src",
            "frame-src",
            "manifest-src",
            "object-src",
            "base-uri",
            "form-action",
            "frame-ancestors",
        ]);
    });

    it("lets the app reach its homeserver and config service", () => {
        expect(directive(contentSecurityPolicy(tenant), "connect-src")).toEqual([
            "'self'",
            "https://matrix.acme.test",
            "https://config.acme.test",
            "https:",
        ]);
        // Media from the homeserver too, before the catch-all https: source.
        expect(directive(contentSecurityPolicy(tenant), "img-src")).toEqual([
            "'self'",
            "data:",
            "blob:",
            "https://matrix.acme.test",
            "https://config.acme.test",
            "https:",
        ]);
        expect(directive(contentSecurityPolicy(tenant), "media-src")).toEqual(
            directive(contentSecurityPolicy(tenant), "img-src"),
        );
    });

    it("lets the app reach the map style, the identity server and Element's URL keys", () => {
        const config = {
            default_server_config: {
                "m.homeserver": { base_url: "https://matrix.acme.test" },
                "m.identity_server": { base_url: "https://id.acme.test/_matrix" },
            },
            default_hs_url: "http://legacy-hs.acme.test:8008",
            default_is_url: "https://legacy-is.acme.test",
            map_style_url: "https://tiles.acme.test/style.json",
            disable_custom_urls: true,
        };
        expect(directive(contentSecurityPolicy(config), "connect-src")).toEqual([
            "'self'",
            "https://matrix.acme.test",
            "https://id.acme.test",
            "http://legacy-hs.acme.test:8008",
            "https://legacy-is.acme.test",
            "https://tiles.acme.test",
        ]);
        // Each one on its own reaches connect-src.
        for (const [key, value, origin] of [
            ["map_style_url", "https://maps.example.test/s.json", "https://maps.example.test"],
            ["default_hs_url", "https://hs.example.test", "https://hs.example.test"],
            ["default_is_url", "https://is.example.test/", "https://is.example.test"],
        ]) {
            const policy = contentSecurityPolicy({ [key]: value, disable_custom_urls: true });
            expect(directive(policy, "connect-src")).toEqual(["'self'", origin]);
        }
        const identityOnly = { default_server_config: { "m.identity_server": { base_url: "https://is.test" } } };
        expect(connectOrigins(identityOnly)).toEqual(["https://is.test"]);
    });

    it("names an origin once however many keys point at it", () => {
        const config = {
            default_server_config: { "m.homeserver": { base_url: "https://hs.test/a" } },
            default_hs_url: "https://hs.test/b",
            map_style_url: "https://hs.test/style.json",
        };
        expect(connectOrigins(config)).toEqual(["https://hs.test"]);
        expect(directive(contentSecurityPolicy(config), "connect-src")).toEqual([
            "'self'",
            "https://hs.test",
            "https:",
        ]);
    });

    it("pins connections to the configured servers only when disable_custom_urls is exactly true", () => {
        const pinned = contentSecurityPolicy({ ...tenant, disable_custom_urls: true });
        expect(directive(pinned, "connect-src")).toEqual([
            "'self'",
            "https://matrix.acme.test",
            "https://config.acme.test",
        ]);
        // An explicit false (and anything but true) keeps sign-in to other homeservers possible.
        for (const value of [false, undefined, "true", 1]) {
            const policy = contentSecurityPolicy({ ...tenant, disable_custom_urls: value });
            expect(directive(policy, "connect-src")).toEqual([
                "'self'",
                "https://matrix.acme.test",
                "https://config.acme.test",
                "https:",
            ]);
        }
    });

    it("takes frame-ancestors from atrium.embedding, default 'self'", () => {
        expect(directive(contentSecurityPolicy(tenant), "frame-ancestors")).toEqual(["'self'"]);
        const embedded = {
            ...tenant,
            atrium: { embedding: { frame_ancestors: ["'self'", "https://wiki.acme.test"] } },
        };
        expect(directive(contentSecurityPolicy(embedded), "frame-ancestors")).toEqual([
            "'self'",
            "https://wiki.acme.test",
        ]);
        expect(frameAncestors({ atrium: { embedding: { frame_ancestors: [] } } })).toEqual(["'self'"]);
        expect(frameAncestors({ atrium: { embedding: { frame_ancestors: "https://wiki.test" } } })).toEqual(["'self'"]);
        expect(frameAncestors({ atrium: { embedding: { frame_ancestors: ["https://*.wiki.test:8443"] } } })).toEqual([
            "https://*.wiki.test:8443",
        ]);
    });

    it("drops frame-ancestors entries that could add a source or a directive", () => {
        const hostile = [
            "https://wiki.test; script-src *",
            "https://a.test b.test",
            "*",
            "",
            "'none'",
            42,
            "http://*:*",
            "https://*",
            "https://*.test",
            "https://*.*.test",
            "https://ok.test",
        ];
        expect(frameAncestors({ atrium: { embedding: { frame_ancestors: hostile } } })).toEqual(["https://ok.test"]);
        expect(frameAncestors({ atrium: { embedding: { frame_ancestors: ["https://x.test;"] } } })).toEqual(["'self'"]);
        // A list inside the list reads as its text ("https://nested.test") if taken as a string: dropped.
        expect(frameAncestors({ atrium: { embedding: { frame_ancestors: [["https://nested.test"]] } } })).toEqual([
            "'self'",
        ]);
    });

    it("closes plugins, base-URL hijacks and form posts elsewhere", () => {
        const policy = contentSecurityPolicy(tenant);
        expect(directive(policy, "object-src")).toEqual(["'none'"]);
        expect(directive(policy, "base-uri")).toEqual(["'self'"]);
        expect(directive(policy, "form-action")).toEqual(["'self'"]);
    });

    it("ignores config values that are not http(s) URLs", () => {
        expect(originOf("javascript:alert(1)")).toBeUndefined();
        expect(originOf("ftp://files.test/")).toBeUndefined();
        expect(originOf("/relative")).toBeUndefined();
        expect(originOf(42)).toBeUndefined();
        // A list would read as its one URL if taken as text.
        expect(originOf(["https://listed.test"])).toBeUndefined();
        // A blob: or view-source: URL has the origin of the page inside it, but is no server to reach.
        expect(originOf("blob:https://evil.test/7d3c1f0e")).toBeUndefined();
        expect(connectOrigins({ map_style_url: "blob:https://tiles.evil.test/style" })).toEqual([]);
        expect(connectOrigins({ default_server_config: { "m.homeserver": { base_url: "data:text/html,x" } } })).toEqual(
            [],
        );
    });

    it("keeps only origins whose host is letters, digits, dots and hyphens or an IP literal", () => {
        expect(originOf("https://Matrix.Acme.TEST:8448/_matrix?x=1#y")).toBe("https://matrix.acme.test:8448");
        expect(originOf("http://10.0.0.1:8008")).toBe("http://10.0.0.1:8008");
        expect(originOf("https://[::1]:8448/")).toBe("https://[::1]:8448");
        expect(originOf("https://xn--bcher-kva.test/")).toBe("https://xn--bcher-kva.test");
        expect(originOf("https://bücher.test/")).toBe("https://xn--bcher-kva.test"); // the parser's punycode
        // The URL parser accepts these in a host; every one would change the policy.
        for (const url of [
            "https://evil.test;script-src",
            "https://a.test,b.test",
            "https://a'b.test",
            'https://a"b.test',
            "https://a*b.test",
            "https://a$b.test",
            "https://a!b.test",
            "https://a(b).test",
            "https://a=b.test",
            "https://a+b.test",
            "https://a&b.test",
            "https://a{b}.test",
            "https://a~b.test",
            "https://a_b.test",
            "https://-a.test",
        ]) {
            expect([url, originOf(url)]).toEqual([url, undefined]);
        }
    });

    it("builds a policy with the default's directives whatever the URL values hold", () => {
        const hostile = {
            default_server_config: { "m.homeserver": { base_url: "https://a.test;script-src https://evil.test" } },
            map_style_url: "https://tiles.test;frame-ancestors *",
            default_is_url: "https://x,y.test",
        };
        const policy = contentSecurityPolicy(hostile);
        expect(directiveNames(policy)).toEqual(DEFAULT_DIRECTIVE_NAMES);
        expect(policy).not.toContain("evil");
        expect(directive(policy, "connect-src")).toEqual(["'self'", "https:"]);
    });

    it("sends nosniff, a referrer policy and a permissions policy", () => {
        const headers = securityHeaders(tenant);
        expect(headers["X-Content-Type-Options"]).toBe("nosniff");
        expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
        expect(headers["Permissions-Policy"]).toBe(PERMISSIONS_POLICY);
        expect(headers["Permissions-Policy"]).toContain("camera=(self)");
        expect(headers["Permissions-Policy"]).toContain("usb=()");
        expect(headers["Content-Security-Policy"]).toBe(contentSecurityPolicy(tenant));
        expect(Object.keys(headers)).toHaveLength(4);
    });

    it("locks down a host no tenant serves", () => {
        expect(FALLBACK_SECURITY_HEADERS["Content-Security-Policy"]).toBe(
            "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
        );
        expect(FALLBACK_SECURITY_HEADERS["Referrer-Policy"]).toBe("no-referrer");
    });
});

describe("directiveNames", () => {
    it("splits a policy as a browser does", () => {
        expect(directiveNames("a x y;  b ; ;c")).toEqual(["a", "b", "c"]);
        expect(directiveNames("")).toEqual([]);
    });
});

describe("headerValueProblems", () => {
    it("passes a clean config and relative or non-http values", () => {
        expect(headerValueProblems(tenant)).toEqual([]);
        expect(headerValueProblems({ atrium: { config_service: { url: "/v1/config" } } })).toEqual([]);
        expect(headerValueProblems({ map_style_url: 42 })).toEqual([]);
        expect(
            headerValueProblems({ atrium: { embedding: { frame_ancestors: ["'self'", "https://*.w.test"] } } }),
        ).toEqual([]);
    });

    it("names each http(s) URL the policy cannot use, by its JSON Pointer", () => {
        const problems = headerValueProblems({
            default_server_config: {
                "m.homeserver": { base_url: "https://a.test;x" },
                "m.identity_server": { base_url: "HTTP://b,c.test" },
            },
            default_hs_url: "https://ok.test",
            default_is_url: "http://'q'.test",
            atrium: { config_service: { url: 'https://c.test"' } },
            map_style_url: "https://d.test;frame-ancestors *",
        });
        expect(problems.map((p) => p.path)).toEqual([
            "/default_server_config/m.homeserver/base_url",
            "/default_server_config/m.identity_server/base_url",
            "/default_is_url",
            "/atrium/config_service/url",
            "/map_style_url",
        ]);
        expect(problems[0].message).toMatch(/letters, digits, dots and hyphens/);
    });

    it("names each frame-ancestors entry that is not 'self' or an origin", () => {
        const problems = headerValueProblems({
            atrium: {
                embedding: { frame_ancestors: ["'self'", "https://w.test; script-src *", 7, "https://ok.test"] },
            },
        });
        expect(problems).toEqual([
            { path: "/atrium/embedding/frame_ancestors/1", message: expect.stringMatching(/'self' or an origin/) },
            { path: "/atrium/embedding/frame_ancestors/2", message: expect.stringMatching(/'self' or an origin/) },
        ]);
        expect(headerValueProblems({ atrium: { embedding: { frame_ancestors: "https://x.test;" } } })).toEqual([]);
        // A list in the list is no origin either (its text would pass the grammar).
        expect(headerValueProblems({ atrium: { embedding: { frame_ancestors: [["'self'"]] } } })).toEqual([
            { path: "/atrium/embedding/frame_ancestors/0", message: expect.stringMatching(/'self' or an origin/) },
        ]);
    });

    it("leaves a URL key that holds no string to the schema, which names the wrong type", () => {
        // As text, the list would read as an http(s) URL with a host the policy cannot use.
        expect(headerValueProblems({ map_style_url: ["https://d.test;frame-ancestors *"] })).toEqual([]);
    });
});
