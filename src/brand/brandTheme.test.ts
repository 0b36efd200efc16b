import { brandFromConfig } from "./brand";
import { BRAND_THEME_ID_PREFIX, brandTheme, brandThemeId } from "./brandTheme";

const acme = brandFromConfig({
    brand: "Acme",
    atrium: { brand: { colors: { primary: "#112233", on_primary: "#fefefe", sidebar: "#445566" } } },
});

describe("brandTheme", () => {
    it("is a light custom theme named after the brand", () => {
        const theme = brandTheme(acme);
        expect(theme.name).toBe("Acme");
        expect(theme.is_dark).toBe(false);
    });

    it("carries the primary colour to Element's accent and the sidebar colour to its sidebar", () => {
        const { colors } = brandTheme(acme);
        expect(colors).toMatchObject({
            "accent-color": "#112233",
            "primary-color": "#112233",
            "sidebar-color": "#445566",
        });
    });

    it("carries the colours to Compound's accent tokens and the on-primary text colour", () => {
        const { compound } = brandTheme(acme) as { compound: Record<string, string> };
        for (const token of [
            "--cpd-color-text-action-accent",
            "--cpd-color-icon-accent-tertiary",
            "--cpd-color-bg-accent-rest",
            "--cpd-color-bg-accent-hovered",
            "--cpd-color-bg-accent-pressed",
        ]) {
            expect(compound[token]).toBe("#112233");
        }
        expect(compound["--cpd-color-text-on-solid-primary"]).toBe("#fefefe");
    });
});

describe("brandThemeId", () => {
    it("is the id the SDK gives a custom theme: custom- and its name", () => {
        expect(BRAND_THEME_ID_PREFIX).toBe("custom-");
        expect(brandThemeId(acme)).toBe("custom-Acme");
        expect(brandThemeId(brandFromConfig({ brand: " Acme Corp " }))).toBe("custom-Acme Corp");
    });
});
