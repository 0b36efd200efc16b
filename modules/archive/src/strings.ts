// The module's strings through Atrium's i18next (namespace "archive"), added on first use so the
// components work whether or not the entry has run (tests).
import { addModuleStrings, atriumI18n, useAtriumTranslation } from "@atrium/sdk";

import { ARCHIVE_NAMESPACE, archiveStrings } from "../i18n/strings";

let added = false;

function ensureStrings(): void {
    if (added && atriumI18n.hasResourceBundle("en", ARCHIVE_NAMESPACE)) return;
    addModuleStrings(ARCHIVE_NAMESPACE, archiveStrings);
    added = true;
}

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export function useArchiveStrings(): Translate {
    ensureStrings();
    return useAtriumTranslation(ARCHIVE_NAMESPACE);
}

export function archiveString(key: string, options?: Record<string, unknown>): string {
    ensureStrings();
    return atriumI18n.t(key, { ns: ARCHIVE_NAMESPACE, ...options }) as string;
}

/** A date in the current language, e.g. "2 December 2026". */
export function formatDate(ts: number): string {
    try {
        return new Intl.DateTimeFormat(atriumI18n.language || "en", { dateStyle: "long" }).format(new Date(ts));
    } catch {
        return new Date(ts).toISOString().slice(0, 10);
    }
}
