// Atrium's start, step by step. Each step fails with a StartupError that the error page shows.
// (The benchmark's stock Element starts through src/stock/ instead.)
import { logger } from "matrix-js-sdk/src/logger";

import { ATRIUM_BRAND, brandFromConfig } from "../brand/brand";
import { initAtriumI18n, t } from "../i18n/atriumI18n";
import { selectPlatform } from "../platform/selectPlatform";
import { embedRequestFrom } from "../embed/embedRequest";
import { checkBrowser } from "./checkBrowser";
import { showStartupError } from "./errorPage";
import { loadConfig, loadServerConfig } from "./loadConfig";
import { loadLanguage } from "./loadLanguage";
import { applyBrandVariables, loadTheme } from "./loadTheme";
import { startConfigUpdates } from "./startConfigUpdates";
import { StartupError } from "./StartupError";

async function registerAtriumModules(): Promise<void> {
    const { registerModules } = await import(/* webpackChunkName: "atrium-modules" */ "./registerModules");
    registerModules();
}

export async function start(container: HTMLElement): Promise<void> {
    let brandName = ATRIUM_BRAND.name;
    try {
        // The error page needs strings even when nothing else loaded.
        await initAtriumI18n(navigator.language);
        // Embedded mode (docs/embedding.md): the query string asks for one room or space, or this is
        // the sign-in window such a frame opened.
        const embed = embedRequestFrom(window.location.search);
        if (embed?.mode === "invalid") {
            throw new StartupError("embed", t(`embed.invalid.${embed.problem}`, { detail: embed.detail }));
        }
        // (An embedded frame whose storage the browser blocks never gets here: see src/index.ts.)
        checkBrowser();
        const platform = selectPlatform();
        const { config, live } = await loadConfig(platform);
        const brand = brandFromConfig(config);
        brandName = brand.name;
        applyBrandVariables(brand);
        if (embed && embed.mode !== "view") {
            await Promise.all([loadLanguage(), loadServerConfig(config)]);
            const { mountSignInWindow } = await import(
                /* webpackChunkName: "embed-signin" */ "../embed/mountSignInWindow"
            );
            mountSignInWindow(container, embed, brand);
            return;
        }
        // The modules' chunk loads beside the language and theme, not before them: none of these
        // needs another, and all are done before MatrixChat renders.
        await Promise.all([registerAtriumModules(), loadLanguage(), loadTheme(), loadServerConfig(config)]);
        // MatrixChat's module graph reads the config while it loads, so it is loaded only now.
        const { renderAtrium } = await import(/* webpackChunkName: "app" */ "./renderAtrium");
        await renderAtrium(container, embed ? { view: embed, brand } : undefined);
        void startConfigUpdates(live);
    } catch (error) {
        logger.error("Atrium could not start", error);
        showStartupError(error, brandName, container);
    }
}
