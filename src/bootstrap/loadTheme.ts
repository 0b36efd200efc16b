import { setTheme } from "matrix-react-sdk/src/theme";
import ThemeController from "matrix-react-sdk/src/settings/controllers/ThemeController";
import { logger } from "matrix-js-sdk/src/logger";

import type { Brand } from "../brand/brand";
import { hasStoredSession } from "../session/storedSession";

/** Brand colours as CSS variables for Atrium's own styles (login page, home banner). */
export function applyBrandVariables(brand: Brand, element: HTMLElement = document.documentElement): void {
    element.style.setProperty("--atrium-brand-primary", brand.colours.primary);
    element.style.setProperty("--atrium-brand-on-primary", brand.colours.onPrimary);
    element.style.setProperty("--atrium-brand-sidebar", brand.colours.sidebar);
}

export async function loadTheme(signedIn = hasStoredSession()): Promise<void> {
    // The SDK shows its sign-in screens in the light theme whatever the chosen one is. Telling it
    // now, before the first theme loads, spares the sign-in page a second theme stylesheet
    // (MatrixChat sets this flag itself once it knows the view).
    ThemeController.isLogin = !signedIn;
    try {
        await setTheme();
    } catch (error) {
        // A broken custom theme falls back to Element's light theme rather than an unstyled page.
        logger.error("Could not apply the theme; using light", error);
        await setTheme("light");
    }
}
