// The module's strings through Atrium's i18next (namespace "policy-badges"), added on first use so
// components work whether or not the module entry has run (tests, the bench page).
import { addModuleStrings, atriumI18n, useAtriumTranslation } from "@atrium/sdk";

import { POLICY_BADGES_NAMESPACE, policyBadgesStrings } from "../i18n/strings";

export type Translate = (key: string, options?: Record<string, unknown>) => string;

function ensureStrings(): void {
    if (atriumI18n.hasResourceBundle("en", POLICY_BADGES_NAMESPACE)) return;
    addModuleStrings(POLICY_BADGES_NAMESPACE, policyBadgesStrings);
}

export function usePolicyStrings(): { t: Translate; language: string } {
    ensureStrings();
    const t = useAtriumTranslation(POLICY_BADGES_NAMESPACE);
    return { t, language: policyLanguage() };
}

/** The language the module's strings are shown in now. */
export function policyLanguage(): string {
    return atriumI18n.language || "en";
}

export function policyString(key: string, options?: Record<string, unknown>): string {
    ensureStrings();
    return atriumI18n.t(key, { ns: POLICY_BADGES_NAMESPACE, ...options }) as string;
}
