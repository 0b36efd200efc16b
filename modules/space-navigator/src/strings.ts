// The navigator's strings through Atrium's i18next (namespace "space-navigator"), added on first use
// so the components work whether or not the module entry has run (tests, the bench page).
import { addModuleStrings, atriumI18n, useAtriumTranslation } from "@atrium/sdk";

import { SPACE_NAVIGATOR_NAMESPACE, spaceNavigatorStrings } from "../i18n/strings";

let added = false;

function ensureStrings(): void {
    if (added && atriumI18n.hasResourceBundle("en", SPACE_NAVIGATOR_NAMESPACE)) return;
    addModuleStrings(SPACE_NAVIGATOR_NAMESPACE, spaceNavigatorStrings);
    added = true;
}

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export function useNavigatorStrings(): Translate {
    ensureStrings();
    return useAtriumTranslation(SPACE_NAVIGATOR_NAMESPACE);
}

export function navigatorString(key: string, options?: Record<string, unknown>): string {
    ensureStrings();
    return atriumI18n.t(key, { ns: SPACE_NAVIGATOR_NAMESPACE, ...options }) as string;
}
