// Atrium's start, step by step. Each step fails with a StartupError that the error page shows.
import { logger } from "matrix-js-sdk/src/logger";

import { brandFromConfig } from "../brand/brand";
import { initAtriumI18n } from "../i18n/atriumI18n";
import { selectPlatform } from "../platform/selectPlatform";
import { checkBrowser } from "./checkBrowser";
import { showStartupError } from "./errorPage";
import { loadConfig, loadServerConfig } from "./loadConfig";
import { loadLanguage } from "./loadLanguage";
import { applyBrandVariables, loadTheme } from "./loadTheme";
import { startConfigUpdates } from "./startConfigUpdates";

async function registerAtriumModules(): Promise<void> {
    if (__ATRIUM_STOCK__) return;
    const { registerModules } = await import(/* webpackChunkName: "atrium-modules" */ "./registerModules");
    registerModules();
}

export async function start(container: HTMLElement): Promise<void> {
    let brandName = "Atrium";
    try {
        // The error page needs strings even when nothing else loaded.
        await initAtriumI18n(navigator.language);
        checkBrowser();
        const platform = selectPlatform();
        const { config, live } = await loadConfig(platform, __ATRIUM_STOCK__);
        const brand = brandFromConfig(config);
        brandName = brand.name;
        if (!__ATRIUM_STOCK__) applyBrandVariables(brand);
        // The modules' chunk loads beside the language and theme, not before them: none of these
        // needs another, and all are done before MatrixChat renders.
        await Promise.all([registerAtriumModules(), loadLanguage(), loadTheme(), loadServerConfig(config)]);
        // MatrixChat's module graph reads the config while it loads, so it is loaded only now.
        const { renderApp } = await import(/* webpackChunkName: "app" */ "./renderApp");
        await renderApp(container);
        if (!__ATRIUM_STOCK__) void startConfigUpdates(live);
    } catch (error) {
        logger.error("Atrium could not start", error);
        showStartupError(error, brandName, container);
    }
}
