import { changedPaths, formatConfigPath, isLivePath, withLiveParts } from "./configChanges";

describe("changedPaths", () => {
    it("finds nothing between equal configs", () => {
        const config = { brand: "Acme", atrium: { notices: [{ id: "a", text: "x" }] }, n: null };
        expect(changedPaths(config, JSON.parse(JSON.stringify(config)))).toEqual([]);
    });

    it("names changed, added and removed leaves by their path", () => {
        const before = {
            brand: "Acme",
            default_server_config: { "m.homeserver": { base_url: "https://a.example.org" } },
            gone: 1,
        };
        const after = {
            brand: "Acme",
            default_server_config: { "m.homeserver": { base_url: "https://b.example.org" } },
            added: true,
        };
        expect(changedPaths(before, after).map(formatConfigPath).sort()).toEqual([
            "/added",
            "/default_server_config/m.homeserver/base_url",
            "/gone",
        ]);
    });

    it("compares arrays as a whole, as the layering replaces them", () => {
        expect(changedPaths({ a: [1, 2] }, { a: [1, 3] })).toEqual([["a"]]);
        expect(changedPaths({ a: [{ x: 1 }] }, { a: [{ x: 1 }] })).toEqual([]);
    });

    it("sees a value turning from object to scalar", () => {
        expect(changedPaths({ a: { b: 1 } }, { a: "x" })).toEqual([["a"]]);
    });
});

describe("formatConfigPath", () => {
    it("is a JSON pointer, so keys with dots or slashes stay readable", () => {
        expect(formatConfigPath(["setting_defaults", "UIFeature.feedback"])).toBe(
            "/setting_defaults/UIFeature.feedback",
        );
        expect(formatConfigPath(["a/b", "c~d"])).toBe("/a~1b/c~0d");
        expect(formatConfigPath([""])).toBe("/");
        expect(formatConfigPath([])).toBe("/");
        expect(formatConfigPath(["x".repeat(500)])).toHaveLength(200);
        expect(formatConfigPath(["x".repeat(199)])).toBe(`/${"x".repeat(199)}`);
    });
});

describe("isLivePath", () => {
    it.each([
        ["brand"],
        ["atrium.brand.colors.primary"],
        ["atrium.brand.logo_url"],
        ["atrium.notices"],
        ["atrium.modules.room-link.enabled"],
    ])("applies %s live", (path) => {
        expect(isLivePath(path.split("."))).toBe(true);
    });

    it.each([
        ["/default_server_config/m.homeserver/base_url"],
        ["branding.auth_footer_links"],
        ["atrium.embedding"],
        ["brandish"],
        ["atrium"],
    ])("needs a reload for %s", (path) => {
        expect(isLivePath(path.split("."))).toBe(false);
    });
});

describe("withLiveParts", () => {
    it("takes the brand, notices and modules from the new config and keeps the rest", () => {
        const current = {
            brand: "Old",
            default_hs_url: "https://a.example.org",
            atrium: { brand: { logo_url: "old.svg" }, embedding: { frame_ancestors: ["'self'"] } },
        };
        const next = {
            brand: "New",
            default_hs_url: "https://b.example.org",
            atrium: {
                brand: { colors: { primary: "#000000" } },
                notices: [{ id: "n", text: "Hi" }],
                modules: { "room-link": { enabled: false } },
            },
        };
        expect(withLiveParts(current, next)).toEqual({
            brand: "New",
            default_hs_url: "https://a.example.org",
            atrium: {
                brand: { colors: { primary: "#000000" } },
                embedding: { frame_ancestors: ["'self'"] },
                notices: [{ id: "n", text: "Hi" }],
                modules: { "room-link": { enabled: false } },
            },
        });
    });

    it("removes live parts the new config no longer has, and leaves its inputs untouched", () => {
        const current = { brand: "Old", atrium: { notices: [{ id: "n", text: "Hi" }] } };
        const frozen = JSON.stringify(current);
        // Strictly: a removed part is gone, not left as a key holding undefined.
        expect(withLiveParts(current, {})).toStrictEqual({ atrium: {} });
        expect(JSON.stringify(current)).toBe(frozen);
    });
});
