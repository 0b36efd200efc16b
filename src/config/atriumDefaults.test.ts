import type { IConfigOptions } from "matrix-react-sdk/src/IConfigOptions";

import { withAtriumDefaults } from "./atriumDefaults";

type Config = Partial<IConfigOptions> & Record<string, any>;

describe("withAtriumDefaults", () => {
    it("adds a custom theme in the brand's colours, named after the brand", () => {
        const config = withAtriumDefaults({
            brand: "Acme",
            atrium: { brand: { colors: { primary: "#112233", sidebar: "#445566" } } },
        } as Config);
        const themes = config.setting_defaults!.custom_themes as any[];
        expect(themes).toHaveLength(1);
        expect(themes[0]).toMatchObject({
            name: "Acme",
            is_dark: false,
            colors: { "accent-color": "#112233", "sidebar-color": "#445566" },
        });
    });

    it("makes the brand theme the default theme, by the SDK's custom theme id", () => {
        expect(withAtriumDefaults({ brand: "Acme" }).default_theme).toBe("custom-Acme");
        expect(withAtriumDefaults({}).default_theme).toBe("custom-Atrium");
    });

    it("keeps a configured default theme", () => {
        expect(withAtriumDefaults({ default_theme: "dark" }).default_theme).toBe("dark");
    });

    it("puts the brand theme before the configured custom themes and keeps them", () => {
        const own = { name: "Night shift", is_dark: true, colors: {} };
        const themes = withAtriumDefaults({ setting_defaults: { custom_themes: [own] } } as Config).setting_defaults!
            .custom_themes as any[];
        expect(themes.map((t) => t.name)).toEqual(["Atrium", "Night shift"]);
    });

    it.each([
        ["a string", "Night"],
        ["an object", { name: "Night" }],
        ["a number", 0],
        ["null", null],
    ])(
        "ignores custom_themes that is %s rather than failing (setting_defaults is open in the contract)",
        (_name, value) => {
            const themes = withAtriumDefaults({ brand: "Acme", setting_defaults: { custom_themes: value } } as Config)
                .setting_defaults!.custom_themes as any[];
            expect(themes.map((t) => t.name)).toEqual(["Acme"]);
        },
    );

    it("does not add a second theme when the config already has one named after the brand", () => {
        const own = { name: "Acme", is_dark: true, colors: { "accent-color": "#000000" } };
        const themes = withAtriumDefaults({ brand: "Acme", setting_defaults: { custom_themes: [own] } } as Config)
            .setting_defaults!.custom_themes as any[];
        expect(themes).toEqual([own]);
    });

    it("hides location sharing unless the config names a map tile server or shows it itself", () => {
        const sharing = (config: Config): unknown =>
            withAtriumDefaults(config).setting_defaults!["UIFeature.locationSharing"];
        expect(sharing({})).toBe(false);
        expect(sharing({ map_style_url: "https://maps.example.org/style.json" })).toBeUndefined();
        expect(sharing({ setting_defaults: { "UIFeature.locationSharing": true } })).toBe(true);
        // The rest of the company defaults stay beside it.
        expect(withAtriumDefaults({}).setting_defaults).toMatchObject({ use_system_theme: false });
    });

    it("skips entries of custom_themes that are no theme at all", () => {
        const themes = withAtriumDefaults({ brand: "Acme", setting_defaults: { custom_themes: [null, 3] } } as Config)
            .setting_defaults!.custom_themes as any[];
        expect(themes.map((t) => t?.name)).toEqual(["Acme", undefined, undefined]);
    });

    it("applies the company defaults, which the loaded config overrides", () => {
        const defaults = withAtriumDefaults({});
        expect(defaults.disable_guests).toBe(true);
        expect(defaults.show_labs_settings).toBe(false);
        expect(defaults.setting_defaults).toMatchObject({ use_system_theme: false, "UIFeature.feedback": false });

        const overridden = withAtriumDefaults({
            disable_guests: false,
            show_labs_settings: true,
            setting_defaults: { use_system_theme: true, "UIFeature.registration": false },
        } as Config);
        expect(overridden.disable_guests).toBe(false);
        expect(overridden.show_labs_settings).toBe(true);
        expect(overridden.setting_defaults).toMatchObject({
            use_system_theme: true,
            "UIFeature.feedback": false,
            "UIFeature.registration": false,
        });
    });

    it("hides registration, custom homeservers and password reset when the company signs in through its provider", () => {
        const plain = withAtriumDefaults({});
        expect(plain.disable_custom_urls).toBeUndefined();
        expect(plain.setting_defaults).not.toHaveProperty(["UIFeature.registration"]);

        const sso = { atrium: { sign_in: { identity_provider: { name: "Acme Account" } } } };
        const company = withAtriumDefaults(sso as Config);
        expect(company.disable_custom_urls).toBe(true);
        expect(company.disable_guests).toBe(true);
        expect(company.setting_defaults).toMatchObject({
            "UIFeature.registration": false,
            "UIFeature.passwordReset": false,
        });

        // The config still wins where it says so explicitly.
        const shown = withAtriumDefaults({
            ...sso,
            disable_custom_urls: false,
            setting_defaults: { "UIFeature.passwordReset": true },
        } as Config);
        expect(shown.disable_custom_urls).toBe(false);
        expect(shown.setting_defaults).toMatchObject({
            "UIFeature.registration": false,
            "UIFeature.passwordReset": true,
        });
    });

    it("takes the brand name and logo from the config, and a configured header logo wins", () => {
        const config = withAtriumDefaults({ brand: "  Acme  ", atrium: { brand: { logo_url: "acme.svg" } } } as Config);
        expect(config.brand).toBe("Acme");
        expect(config.branding?.auth_header_logo_url).toBe("acme.svg");

        const own = withAtriumDefaults({ branding: { auth_header_logo_url: "header.png" } } as Config);
        expect(own.branding?.auth_header_logo_url).toBe("header.png");
    });

    it("keeps the rest of the loaded config untouched", () => {
        const footerLinks = [{ text: "Help", url: "https://help.example.org" }];
        const loaded = {
            default_server_config: { "m.homeserver": { base_url: "https://matrix.example.org" } },
            room_directory: { servers: ["example.org"] },
            branding: { auth_footer_links: footerLinks },
        } as Config;
        const config = withAtriumDefaults(loaded);
        expect(config.default_server_config).toEqual(loaded.default_server_config);
        expect(config.room_directory).toEqual({ servers: ["example.org"] });
        expect(config.branding?.auth_footer_links).toEqual(footerLinks);
    });
});
