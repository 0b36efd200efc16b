import * as languageHandler from "matrix-react-sdk/src/languageHandler";
import SettingsStore from "matrix-react-sdk/src/settings/SettingsStore";
import { logger } from "matrix-js-sdk/src/logger";

import { atriumI18n, initAtriumI18n } from "../i18n/atriumI18n";

/** The person's chosen language, else the browser's; then Atrium's strings follow the SDK's. */
export async function loadLanguage(): Promise<void> {
    const chosen = SettingsStore.getValue("language", null, true);
    const languages = chosen
        ? [chosen]
        : languageHandler.getLanguagesFromBrowser().flatMap((l) => languageHandler.getNormalizedLanguageKeys(l));
    try {
        await languageHandler.setLanguage(languages);
    } catch (error) {
        // Missing translation files must not stop the start: the SDK falls back to its English keys.
        logger.error("Could not load the interface language", error);
    }
    const current = languageHandler.getCurrentLanguage();
    document.documentElement.setAttribute("lang", current);
    await initAtriumI18n(current);
    SettingsStore.watchSetting("language", null, () => {
        void atriumI18n.changeLanguage(languageHandler.getCurrentLanguage());
    });
}
