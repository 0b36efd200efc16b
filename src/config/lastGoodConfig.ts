// The last config the service gave that passed the contract, kept in localStorage so Atrium can
// start from it when the service is down, slow or answers nonsense. What is read back is checked
// again like a fresh answer: a stored value may have been edited, truncated or planted.
import { logger } from "matrix-js-sdk/src/logger";

import { entityTagOrNull, MAX_CONFIG_CHARS } from "./configService";
import { checkConfig, describeConfigProblem } from "./configValidator";
import { isPlainObject, PlainObject } from "../../contract/deepMerge";

export const LAST_GOOD_KEY = "atrium_config_last_good";
const MAX_STORED_CHARS = MAX_CONFIG_CHARS + 4096;

export interface LastGoodConfig {
    config: PlainObject;
    etag: string | null;
    /** When the service last confirmed this config (ms since the epoch). */
    fetchedAt: number;
    /** The service URL it came from: another service's config is never used. */
    source: string;
}

/** localStorage, or null where the browser refuses it (privacy modes, storage disabled). */
export function browserStorage(): Storage | null {
    try {
        return window.localStorage ?? null;
    } catch {
        return null;
    }
}

function discard(storage: Storage, why: string): null {
    logger.warn(`Atrium: discarding the saved config (${why})`);
    try {
        storage.removeItem(LAST_GOOD_KEY);
    } catch {
        // nothing more to do: it is ignored either way
    }
    return null;
}

/** The saved config for this service, or null when there is none or it does not hold up (then it is removed). */
export function readLastGood(source: string, storage: Storage | null = browserStorage()): LastGoodConfig | null {
    if (!storage) return null;
    let raw: unknown;
    try {
        raw = storage.getItem(LAST_GOOD_KEY);
    } catch {
        return null;
    }
    if (raw === null || raw === undefined) return null;
    if (typeof raw !== "string") return discard(storage, "not text");
    if (raw.length > MAX_STORED_CHARS) return discard(storage, `${raw.length} characters`);
    let stored: unknown;
    try {
        stored = JSON.parse(raw);
    } catch {
        return discard(storage, "not JSON");
    }
    if (!isPlainObject(stored)) return discard(storage, "not an object");
    const { config, etag, fetchedAt, source: storedSource } = stored;
    if (storedSource !== source) return discard(storage, "from another config service");
    if (typeof fetchedAt !== "number" || !Number.isFinite(fetchedAt)) return discard(storage, "no fetch time");
    if (etag !== null && entityTagOrNull(etag) === null) return discard(storage, "malformed ETag");
    const check = checkConfig(config);
    if (!check.ok) return discard(storage, describeConfigProblem(check.problem));
    return { config: check.config, etag: etag as string | null, fetchedAt, source };
}

/** Saves a config the service gave; false when the browser refused (quota, privacy mode). */
export function writeLastGood(entry: LastGoodConfig, storage: Storage | null = browserStorage()): boolean {
    if (!storage) return false;
    try {
        storage.setItem(LAST_GOOD_KEY, JSON.stringify({ ...entry, etag: entityTagOrNull(entry.etag) }));
        return true;
    } catch (error) {
        logger.warn("Atrium: could not save the config for the next start", error);
        return false;
    }
}
