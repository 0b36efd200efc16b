// Messages for everyone from the config (`atrium.notices`), e.g. planned maintenance. Each has an
// id; a notice someone dismissed stays dismissed in this browser, whatever later configs say.
import { logger } from "matrix-js-sdk/src/logger";

import { checkConfigSection, describeConfigProblem } from "../config/configValidator";
import { isPlainObject } from "../../contract/deepMerge";
import { browserStorage } from "../config/lastGoodConfig";

export interface AdminNotice {
    id: string;
    text: string;
    level?: "info" | "warning";
}

export const DISMISSED_NOTICES_KEY = "atrium_notices_dismissed";
/** Enough for years of notices; the oldest dismissals are forgotten first. */
const MAX_REMEMBERED = 100;

let reportedProblem: string | null = null;

/** The config's notices. The service's config was checked whole; a base config's notices are checked here. */
export function adminNotices(config: unknown): AdminNotice[] {
    const atrium = isPlainObject(config) ? config.atrium : undefined;
    const notices = isPlainObject(atrium) ? atrium.notices : undefined;
    if (notices === undefined) return [];
    const check = checkConfigSection(["atrium", "notices"], notices);
    if (!check.ok) {
        const problem = describeConfigProblem(check.problem);
        if (problem !== reportedProblem) logger.error(`Atrium: not showing atrium.notices, ${problem}`);
        reportedProblem = problem;
        return [];
    }
    return notices as AdminNotice[];
}

/** The config's notices that this browser has not dismissed: the ones to show. */
export function undismissedNotices(config: unknown, dismissed: readonly string[]): AdminNotice[] {
    return adminNotices(config).filter((notice) => !dismissed.includes(notice.id));
}

export function readDismissedNotices(storage: Storage | null = browserStorage()): string[] {
    try {
        const raw = storage?.getItem(DISMISSED_NOTICES_KEY);
        if (!raw || raw.length > 64 * 1024) return [];
        const parsed: unknown = JSON.parse(raw);
        return Array.isArray(parsed)
            ? parsed.filter((id): id is string => typeof id === "string").slice(-MAX_REMEMBERED)
            : [];
    } catch {
        return [];
    }
}

/** Remembers a dismissal; returns the ids now dismissed. */
export function dismissNotice(id: string, storage: Storage | null = browserStorage()): string[] {
    const dismissed = [...readDismissedNotices(storage).filter((known) => known !== id), id].slice(-MAX_REMEMBERED);
    try {
        storage?.setItem(DISMISSED_NOTICES_KEY, JSON.stringify(dismissed));
    } catch {
        // Not remembered across reloads then; it is still hidden now.
    }
    return dismissed;
}
