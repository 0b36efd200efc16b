// Atrium's own strings, through i18next. The language follows the SDK's language setting, so
// switching language in Element's settings switches ours too.
import i18next, { i18n as I18n } from "i18next";
import { useEffect, useState } from "react";

import en from "./locales/en.json";
import ru from "./locales/ru.json";
import de from "./locales/de.json";
import fr from "./locales/fr.json";

export const ATRIUM_LANGUAGES = ["en", "ru", "de", "fr"] as const;
const DEFAULT_NAMESPACE = "atrium";

const resources = {
    en: { [DEFAULT_NAMESPACE]: en },
    ru: { [DEFAULT_NAMESPACE]: ru },
    de: { [DEFAULT_NAMESPACE]: de },
    fr: { [DEFAULT_NAMESPACE]: fr },
};

export const atriumI18n: I18n = i18next.createInstance();

/** "de-de", "de_DE" and "de" all mean our "de"; languages we lack fall back to English. */
export function atriumLanguageFor(sdkLanguage: string | undefined | null): string {
    const base = (sdkLanguage ?? "").toLowerCase().split(/[-_]/)[0];
    return (ATRIUM_LANGUAGES as readonly string[]).includes(base) ? base : "en";
}

export async function initAtriumI18n(language: string): Promise<void> {
    const lng = atriumLanguageFor(language);
    if (atriumI18n.isInitialized) {
        await atriumI18n.changeLanguage(lng);
        return;
    }
    await atriumI18n.init({
        lng,
        fallbackLng: "en",
        ns: [DEFAULT_NAMESPACE],
        defaultNS: DEFAULT_NAMESPACE,
        resources,
        // React escapes what it renders; the plain-DOM error page uses textContent.
        interpolation: { escapeValue: false },
        returnNull: false,
    });
}

/** Modules add their strings under their own namespace. */
export function addModuleStrings(namespace: string, byLanguage: Record<string, Record<string, unknown>>): void {
    for (const [language, strings] of Object.entries(byLanguage)) {
        atriumI18n.addResourceBundle(language, namespace, strings, true, true);
    }
}

export function t(key: string, options?: Record<string, unknown>): string {
    return atriumI18n.t(key, options) as string;
}

/** Re-renders the calling component when the language changes. */
export function useAtriumTranslation(
    namespace = DEFAULT_NAMESPACE,
): (key: string, options?: Record<string, unknown>) => string {
    const [, setLanguage] = useState(atriumI18n.language);
    useEffect(() => {
        const onChange = (lng: string): void => setLanguage(lng);
        atriumI18n.on("languageChanged", onChange);
        return () => atriumI18n.off("languageChanged", onChange);
    }, []);
    return (key, options) => atriumI18n.t(key, { ns: namespace, ...options }) as string;
}
