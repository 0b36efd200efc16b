import { brandFromConfig } from "../brand/brand";
import { applyBrandVariables, hasStoredSession } from "./loadTheme";

describe("applyBrandVariables", () => {
    it("sets the brand colours as CSS variables for Atrium's own styles", () => {
        const element = document.createElement("div");
        applyBrandVariables(
            brandFromConfig({ atrium: { brand: { colors: { primary: "#112233", on_primary: "#fefefe", sidebar: "#445566" } } } }),
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

describe("hasStoredSession", () => {
    afterEach(() => localStorage.clear());

    it("is false with nothing stored, so the sign-in page loads only the light theme", () => {
        expect(hasStoredSession()).toBe(false);
    });

    it("is true when the SDK has a session to restore", () => {
        localStorage.setItem("mx_has_access_token", "true");
        expect(hasStoredSession()).toBe(true);
    });

    it("is false when storage refuses to answer", () => {
        const refusing = { getItem: () => { throw new Error("denied"); } } as unknown as Storage;
        expect(hasStoredSession(refusing)).toBe(false);
    });

    it("is false when the page may not reach storage at all (blocked in a frame)", () => {
        const blocked = jest.spyOn(window, "localStorage", "get").mockImplementation(() => {
            throw new DOMException("The operation is insecure.", "SecurityError");
        });
        try {
            expect(hasStoredSession()).toBe(false);
        } finally {
            blocked.mockRestore();
        }
    });
});
