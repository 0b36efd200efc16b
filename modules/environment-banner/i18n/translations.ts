// The module's strings, handed to the module API's registerTranslations (the SDK's own translation
// engine), so they follow the language chosen in Element's settings. Keys are namespaced so they can
// never override one of the SDK's own strings.
import type { TranslationStringsObject } from "@matrix-org/react-sdk-module-api/lib/types/translations";

export const STRING_KEYS = {
    bannerRegion: "atrium_environment_banner|region",
    bannerText: "atrium_environment_banner|text",
    reportProblem: "atrium_environment_banner|report_problem",
} as const;

export const translations: TranslationStringsObject = {
    [STRING_KEYS.bannerRegion]: {
        en: "Environment",
        ru: "Среда",
        de: "Umgebung",
        fr: "Environnement",
    },
    [STRING_KEYS.bannerText]: {
        en: "Environment: %(label)s",
        ru: "Среда: %(label)s",
        de: "Umgebung: %(label)s",
        fr: "Environnement : %(label)s",
    },
    [STRING_KEYS.reportProblem]: {
        en: "Report a problem",
        ru: "Сообщить о проблеме",
        de: "Problem melden",
        fr: "Signaler un problème",
    },
};
