// The panel's two interfaces made from the running app: Matrix through "@atrium/sdk" and the
// directory service at the address the config gives (see README).
import {
    appConfig,
    copyToClipboard,
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

/** The directory service for the running app, or null when the config says nowhere (then: fallback only). */
export function appDirectory(): DirectoryApi | null {
    const settings = moduleSettings<CompanyDirectorySettings>(MODULE_NAME);
    if (!settings.enabled) return null;
    const config = appConfig() as { atrium?: { config_service?: { url?: string } } };
    const location = directoryServiceLocation(settings, config.atrium?.config_service?.url, window.location.href);
    return location ? new DirectoryClient(location.baseUrl, requestOpenIdToken, location.tenant) : null;
}
