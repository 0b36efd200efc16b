import { brandFromConfig } from "../brand/brand";
import { applyBrandVariables } from "./loadTheme";

describe("applyBrandVariables", () => {
    it("sets the brand colours as CSS variables for Atrium's own styles", () => {
        const element = document.createElement("div");
        applyBrandVariables(
            brandFromConfig({
                atrium: { brand: { colors: { primary: "#112233", on_primary: "#fefefe", sidebar: "#445566" } } },
            }),
            element,
        );
        expect(element.style.getPropertyValue("--atrium-brand-primary")).toBe("#112233");
        expect(element.style.getPropertyValue("--atrium-brand-on-primary")).toBe("#fefefe");
        expect(element.style.getPropertyValue("--atrium-brand-sidebar")).toBe("#445566");
    });

    it("sets them on the document's root element by default", () => {
        applyBrandVariables(brandFromConfig({}));
        expect(document.documentElement.style.getPropertyValue("--atrium-brand-primary")).toBe("#0b6e69");
    });
});
