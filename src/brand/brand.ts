// The company's brand: name, logo and colours, all from config so each company can put its own.
import type { IConfigOptions } from "matrix-react-sdk/src/IConfigOptions";

export interface BrandColours {
    /** Buttons, links, the selected room: the company's main colour. */
    primary: string;
    /** Text and icons drawn on the primary colour. */
    onPrimary: string;
    /** The space bar and the login page backdrop. */
    sidebar: string;
}

export interface Brand {
    name: string;
    logoUrl: string;
    colours: BrandColours;
}

export interface AtriumBrandConfig {
    logo_url?: string;
    colors?: { primary?: string; on_primary?: string; sidebar?: string };
}

export const ATRIUM_BRAND: Brand = {
    name: "Atrium",
    logoUrl: "img/atrium-logo.svg",
    colours: { primary: "#0b6e69", onPrimary: "#ffffff", sidebar: "#123c3f" },
};

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

function colourOr(value: unknown, fallback: string): string {
    return typeof value === "string" && HEX_COLOUR.test(value) ? value : fallback;
}

/** Reads the brand from a config, keeping Atrium's own for anything missing or malformed. */
export function brandFromConfig(config: Partial<IConfigOptions> & { atrium?: { brand?: AtriumBrandConfig } }): Brand {
    const brandConfig = config.atrium?.brand ?? {};
    const name = typeof config.brand === "string" && config.brand.trim() ? config.brand.trim() : ATRIUM_BRAND.name;
    const logoUrl =
        typeof brandConfig.logo_url === "string" && brandConfig.logo_url ? brandConfig.logo_url : ATRIUM_BRAND.logoUrl;
    const colors = brandConfig.colors ?? {};
    return {
        name,
        logoUrl,
        colours: {
            primary: colourOr(colors.primary, ATRIUM_BRAND.colours.primary),
            onPrimary: colourOr(colors.on_primary, ATRIUM_BRAND.colours.onPrimary),
            sidebar: colourOr(colors.sidebar, ATRIUM_BRAND.colours.sidebar),
        },
    };
}
