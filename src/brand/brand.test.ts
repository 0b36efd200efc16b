import { ATRIUM_BRAND, brandFromConfig } from "./brand";

describe("brandFromConfig", () => {
    it("reads name, logo and colours from the config", () => {
        expect(
            brandFromConfig({
                brand: "Acme",
                atrium: {
                    brand: {
                        logo_url: "https://cdn.example.org/acme.svg",
                        colors: { primary: "#112233", on_primary: "#FFFFFF", sidebar: "#aabbcc" },
                    },
                },
            }),
        ).toEqual({
            name: "Acme",
            logoUrl: "https://cdn.example.org/acme.svg",
            colours: { primary: "#112233", onPrimary: "#FFFFFF", sidebar: "#aabbcc" },
        });
    });

    it("is Atrium's own brand for an empty config", () => {
        expect(brandFromConfig({})).toEqual(ATRIUM_BRAND);
    });

    it("trims whitespace around the name and falls back for a blank one", () => {
        expect(brandFromConfig({ brand: "  Acme Corp \n" }).name).toBe("Acme Corp");
        expect(brandFromConfig({ brand: "   " }).name).toBe("Atrium");
        expect(brandFromConfig({ brand: "" }).name).toBe("Atrium");
        expect(brandFromConfig({ brand: 42 as unknown as string }).name).toBe("Atrium");
    });

    it("keeps Atrium's colour for each missing colour, independently", () => {
        const brand = brandFromConfig({ atrium: { brand: { colors: { primary: "#010203" } } } });
        expect(brand.colours).toEqual({ primary: "#010203", onPrimary: "#ffffff", sidebar: "#123c3f" });
    });

    it.each([
        ["a colour name", "red"],
        ["a short hex colour", "#abc"],
        ["hex without #", "112233"],
        ["an eight-digit hex colour", "#11223344"],
        ["CSS injection", "#112233; background: url(https://evil.example)"],
        ["a number", 0x112233],
        ["null", null],
    ])("rejects %s as a colour", (_name, value) => {
        const brand = brandFromConfig({
            atrium: { brand: { colors: { primary: value as string, sidebar: value as string } } },
        });
        expect(brand.colours.primary).toBe(ATRIUM_BRAND.colours.primary);
        expect(brand.colours.sidebar).toBe(ATRIUM_BRAND.colours.sidebar);
    });

    it("falls back for a malformed colours section and logo", () => {
        expect(brandFromConfig({ atrium: { brand: { colors: "teal" as unknown as object, logo_url: "" } } })).toEqual(
            ATRIUM_BRAND,
        );
        expect(brandFromConfig({ atrium: { brand: { logo_url: 7 as unknown as string } } }).logoUrl).toBe(
            ATRIUM_BRAND.logoUrl,
        );
    });
});
