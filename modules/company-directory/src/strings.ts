// The directory's strings through Atrium's i18next (namespace "company-directory"), added on first
// use so the components work whether or not the module entry has run (tests, the bench page).
import { addModuleStrings, atriumI18n, useAtriumTranslation } from "@atrium/sdk";

import { COMPANY_DIRECTORY_NAMESPACE, companyDirectoryStrings } from "../i18n/strings";

function ensureStrings(): void {
    if (atriumI18n.hasResourceBundle("en", COMPANY_DIRECTORY_NAMESPACE)) return;
    addModuleStrings(COMPANY_DIRECTORY_NAMESPACE, companyDirectoryStrings);
}

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export function useDirectoryStrings(): Translate {
    ensureStrings();
    return useAtriumTranslation(COMPANY_DIRECTORY_NAMESPACE);
}

export function directoryString(key: string, options?: Record<string, unknown>): string {
    ensureStrings();
    return atriumI18n.t(key, { ns: COMPANY_DIRECTORY_NAMESPACE, ...options }) as string;
}
