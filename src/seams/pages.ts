// Replaces the SDK's utils/pages (see sdk-replacements.json). The SDK took the home page URL from the
// homeserver's .well-known when the config had none, so whoever controls that file (or answers for the
// homeserver's domain) chose HTML for every user's home screen (CVE-2026-55850). Atrium takes the home
// page from its own config only: the config service, which the company's admins control.
import type { IConfigOptions } from "matrix-react-sdk/src/IConfigOptions";
import type { MatrixClient } from "matrix-js-sdk/src/matrix";
import { shouldUseLoginForWelcome } from "$sdk-original/utils/pages";

export { shouldUseLoginForWelcome };

/** The configured home page URL (embedded_pages.home_url, or the deprecated welcomePageUrl). */
export function getHomePageUrl(appConfig: IConfigOptions, _client?: MatrixClient): string | undefined {
    const pages = appConfig.embedded_pages as { home_url?: unknown } | undefined;
    const legacy = (appConfig as { welcomePageUrl?: unknown }).welcomePageUrl;
    const url = pages?.home_url ?? legacy;
    return typeof url === "string" && url.length > 0 ? url : undefined;
}
