// The directory when the config names no service: every call fails as "not configured", so the
// panel goes straight to the homeserver's user directory and says why.
import { DirectoryError } from "./directoryClient";
import type { DirectoryApi } from "./types";

const notConfigured = (): Promise<never> =>
    Promise.reject(new DirectoryError("not_configured", "No directory service is configured"));

export const unconfiguredDirectory: DirectoryApi = {
    search: notConfigured,
    person: notConfigured,
    departments: notConfigured,
};
