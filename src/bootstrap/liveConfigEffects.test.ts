import SdkConfig from "matrix-react-sdk/src/SdkConfig";
import SettingsStore from "matrix-react-sdk/src/settings/SettingsStore";
import type { IConfigOptions } from "matrix-react-sdk/src/IConfigOptions";
import type { ValidatedServerConfig } from "matrix-react-sdk/src/utils/ValidatedServerConfig";

import { brandFromConfig } from "../brand/brand";
import { withAtriumDefaults } from "../config/atriumDefaults";
import { putConfigKeepingServer, retitle, showBrand } from "./liveConfigEffects";
import * as themeStep from "./loadTheme";

describe("retitle", () => {
    it.each([
        ["Acme", "Acme Corp"],
        ["Acme [3] | General ", "Acme Corp [3] | General "],
        ["[2] Acme * | General", "[2] Acme Corp * | General"],
        ["Acmeish", "Acmeish"],
        ["Other Acme", "Other Acme"],
    ])("turns %j into %j", (before, after) => {
        expect(retitle(before, "Acme", "Acme Corp")).toBe(after);
    });
});

describe("putConfigKeepingServer", () => {
    it("replaces the config but keeps the homeserver the start validated", () => {
        const validated = {
            hsUrl: "https://matrix.example.org",
            hsName: "example.org",
        } as unknown as ValidatedServerConfig;
        SdkConfig.put({ brand: "Old", validated_server_config: validated } as IConfigOptions);
        putConfigKeepingServer({ brand: "New" } as IConfigOptions);
        expect(SdkConfig.get("brand")).toBe("New");
        expect(SdkConfig.get("validated_server_config")).toEqual(validated);
    });
});

describe("showBrand", () => {
    beforeEach(() => jest.spyOn(console, "error").mockImplementation(() => {}));
    afterEach(() => jest.restoreAllMocks());

    it("renames the page title, sets the colour variables and re-applies the theme, whose brand theme is the new one", async () => {
        const loadTheme = jest.spyOn(themeStep, "loadTheme").mockResolvedValue();
        const config = withAtriumDefaults({
            brand: "Acme Corp",
            atrium: { brand: { colors: { primary: "#445566" } } },
        } as Partial<IConfigOptions>);
        SdkConfig.put(config);
        document.title = "[4] Acme | General";
        showBrand(brandFromConfig({ brand: "Acme" }), brandFromConfig(config));
        expect(document.title).toBe("[4] Acme Corp | General");
        expect(document.documentElement.style.getPropertyValue("--atrium-brand-primary")).toBe("#445566");
        expect(loadTheme).toHaveBeenCalledTimes(1);
        // What the theme step applies: the SDK's theme setting, read from the config just put.
        expect(SettingsStore.getValue("theme")).toBe("custom-Acme Corp");
        expect(SettingsStore.getValue("custom_themes")[0]).toMatchObject({
            name: "Acme Corp",
            colors: { "accent-color": "#445566" },
        });
    });

    it("logs a theme that cannot be applied rather than failing", async () => {
        jest.spyOn(themeStep, "loadTheme").mockRejectedValue(new Error("Unknown theme light"));
        expect(() => showBrand(brandFromConfig({ brand: "A" }), brandFromConfig({ brand: "B" }))).not.toThrow();
        await new Promise((resolve) => setTimeout(resolve, 0));
        expect(console.error).toHaveBeenCalled();
    });
});
