// The module's settings, read through the module API from `atrium.modules.environment-banner` in
// the config, each time they are needed so that live config changes apply. Anything malformed is
// left out (the part it drives stays hidden) and reported once.
import type { ModuleApi } from "@matrix-org/react-sdk-module-api/lib/ModuleApi";

export const MODULE_NAME = "environment-banner";

export type BannerTone = "info" | "warning" | "danger";
const BANNER_TONES: readonly BannerTone[] = ["info", "warning", "danger"];
const LABEL_MAX_LENGTH = 40;

export interface EnvironmentBannerSettings {
    /** False only when the config switches the module off. */
    enabled: boolean;
    /** The deployment's name ("Staging"); no banner without it. */
    label: string | null;
    tone: BannerTone;
    /** Where "Report a problem" leads (http or https only); no button without it. */
    reportUrl: string | null;
}

const reported = new Set<string>();

function reportOnce(problem: string): void {
    if (reported.has(problem)) return;
    reported.add(problem);
    console.warn(`${MODULE_NAME}: ${problem}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readLabel(value: unknown): string | null {
    if (value === undefined) return null;
    const label = typeof value === "string" ? value.trim() : "";
    if (!label || label.length > LABEL_MAX_LENGTH) {
        reportOnce(`label must be text of 1 to ${LABEL_MAX_LENGTH} characters; showing no banner`);
        return null;
    }
    return label;
}

function readTone(value: unknown): BannerTone {
    if (value === undefined) return "warning";
    if (BANNER_TONES.includes(value as BannerTone)) return value as BannerTone;
    reportOnce(`tone must be one of ${BANNER_TONES.join(", ")}; using warning`);
    return "warning";
}

/** The URL when it is an absolute http(s) URL; anything else (javascript:, data:, relative) is refused. */
function safeReportUrl(value: unknown): string | null {
    if (value === undefined) return null;
    if (typeof value === "string") {
        try {
            const url = new URL(value);
            if (url.protocol === "https:" || url.protocol === "http:") return url.toString();
        } catch {
            // not a URL at all: reported below
        }
    }
    reportOnce("report_url must be an absolute http(s) URL; showing no report button");
    return null;
}

export function readSettings(api: Pick<ModuleApi, "getConfigValue">): EnvironmentBannerSettings {
    // getConfigValue reads one key of a top-level namespace: Atrium keeps modules under atrium.modules.
    let modules: unknown;
    try {
        modules = api.getConfigValue<unknown>("atrium", "modules");
    } catch {
        modules = undefined; // no config loaded yet (the SDK's config throws before its first put)
    }
    const own = isRecord(modules) ? modules[MODULE_NAME] : undefined;
    const settings = isRecord(own) ? own : {};
    return {
        enabled: settings.enabled !== false,
        label: readLabel(settings.label),
        tone: readTone(settings.tone),
        reportUrl: safeReportUrl(settings.report_url),
    };
}
