// Stock Element's start: Atrium's shared steps (browser check, platform, language, theme, homeserver,
// MatrixChat), and nothing of Atrium's own: the platform's config as it is (no config service, no
// Atrium defaults or brand colours), no modules, no SDK hardening, no media service worker, no
// logged-in chunk preload, no live config updates.
import SdkConfig from "matrix-react-sdk/src/SdkConfig";
import type BasePlatform from "matrix-react-sdk/src/BasePlatform";
import type { IConfigOptions } from "matrix-react-sdk/src/IConfigOptions";
import { logger } from "matrix-js-sdk/src/logger";

import { ATRIUM_BRAND, brandFromConfig } from "../brand/brand";
import { checkBrowser } from "../bootstrap/checkBrowser";
import { showStartupError } from "../bootstrap/errorPage";
import { loadServerConfig, readPlatformConfig } from "../bootstrap/loadConfig";
import { loadLanguage } from "../bootstrap/loadLanguage";
import { loadTheme } from "../bootstrap/loadTheme";
import { initAtriumI18n } from "../i18n/atriumI18n";
import { selectPlatform } from "../platform/selectPlatform";

/** The platform's config handed to the SDK untouched. */
export async function loadStockConfig(platform: BasePlatform): Promise<IConfigOptions> {
    const config = (await readPlatformConfig(platform)) ?? ({} as IConfigOptions);
    SdkConfig.put(config);
    return config;
}

export async function startStock(container: HTMLElement): Promise<void> {
    let brandName = ATRIUM_BRAND.name;
    try {
        await initAtriumI18n(navigator.language);
        checkBrowser();
        const platform = selectPlatform();
        const config = await loadStockConfig(platform);
        brandName = brandFromConfig(config).name;
        await Promise.all([loadLanguage(), loadTheme(), loadServerConfig(config)]);
        const { renderApp } = await import(/* webpackChunkName: "app" */ "../bootstrap/renderApp");
        await renderApp(container);
    } catch (error) {
        logger.error("Element could not start", error);
        showStartupError(error, brandName, container);
    }
}
