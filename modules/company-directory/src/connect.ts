// The panel's two interfaces made from the running app: Matrix through "@atrium/sdk" and the
// directory service at the address the config gives (see README).
import {
    appConfig,
    copyToClipboard,
    currentUserId,
    moduleSettings,
    openDirectMessage,
    requestOpenIdToken,
    searchUserDirectory,
    showUserProfile,
    userAvatarUrl,
    userPresence,
} from "@atrium/sdk";

import { DirectoryClient, directoryServiceLocation } from "./directoryClient";
import type { DirectoryApi, PeopleApi } from "./types";

export const MODULE_NAME = "company-directory";

export interface CompanyDirectorySettings {
    service_url?: string;
}

export const sdkPeople: PeopleApi = {
    searchUserDirectory: (term) => searchUserDirectory(term),
    openDirectMessage,
    presence: userPresence,
    avatarUrl: userAvatarUrl,
    showProfile: showUserProfile,
    copyToClipboard,
};

/**
 * The client last made, kept while the service's address and the signed-in user stay the same: the
 * roster it loaded stays with it, and another user never sends the first one's OpenID token.
 */
let shared: { where: string; client: DirectoryClient } | null = null;

/** The directory service for the running app, or null when the config says nowhere (then: fallback only). */
export function appDirectory(): DirectoryApi | null {
    const settings = moduleSettings<CompanyDirectorySettings>(MODULE_NAME);
    if (!settings.enabled) return null;
    const config = appConfig() as { atrium?: { config_service?: { url?: string } } };
    const location = directoryServiceLocation(settings, config.atrium?.config_service?.url, window.location.href);
    if (!location) return null;
    const where = JSON.stringify([location, currentUserId()]);
    if (shared?.where !== where) {
        shared = { where, client: new DirectoryClient(location.baseUrl, requestOpenIdToken, location.tenant) };
    }
    return shared.client;
}
