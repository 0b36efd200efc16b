// Element's custom-theme mechanism (setting `custom_themes`) carries the brand colours into the app.
import type { CustomTheme } from "matrix-react-sdk/src/theme";

import { Brand } from "./brand";

export const BRAND_THEME_ID_PREFIX = "custom-";

/** A light custom theme in the brand's colours, named after the brand. */
export function brandTheme(brand: Brand): CustomTheme {
    const { primary, onPrimary, sidebar } = brand.colours;
    return {
        name: brand.name,
        is_dark: false,
        colors: {
            "accent-color": primary,
            "primary-color": primary,
            "sidebar-color": sidebar,
            // Behind the room search's secondary text (#656d77): light enough for 4.5:1 (4.6:1).
            "roomlist-highlights-color": "#eaf2f1",
            "timeline-highlights-color": "#f1f6f5",
            // Read by res/css/atrium.pcss: icons on the dark brand sidebar. Set only while this
            // theme is active (the SDK clears custom theme variables when switching away).
            "atrium-sidebar-icon-color": onPrimary,
        },
        compound: {
            "--cpd-color-text-action-accent": primary,
            "--cpd-color-icon-accent-tertiary": primary,
            "--cpd-color-bg-accent-rest": primary,
            "--cpd-color-bg-accent-hovered": primary,
            "--cpd-color-bg-accent-pressed": primary,
            "--cpd-color-text-on-solid-primary": onPrimary,
        },
    } as CustomTheme;
}

export function brandThemeId(brand: Brand): string {
    return BRAND_THEME_ID_PREFIX + brand.name;
}
