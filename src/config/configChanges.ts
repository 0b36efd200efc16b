// What changed between two configs, and which of it Atrium can apply while running. Everything
// else (the homeserver above all) needs a reload, which people are offered, never forced into.
import isEqual from "lodash/isEqual";

import { deepMerge, isPlainObject, PlainObject, valueAt } from "../../contract/deepMerge";

export type ConfigPath = readonly string[];

/** Parts of the config that apply live: the brand (name, logo, colours), notices and module settings. */
const LIVE_CONFIG_PATHS: readonly ConfigPath[] = [
    ["brand"],
    ["atrium", "brand"],
    ["atrium", "notices"],
    ["atrium", "modules"],
];

/** The paths whose values differ; objects are compared key by key, anything else (arrays too) as a whole. */
export function changedPaths(before: unknown, after: unknown, at: ConfigPath = []): ConfigPath[] {
    if (isPlainObject(before) && isPlainObject(after)) {
        const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
        return [...keys].flatMap((key) => changedPaths(before[key], after[key], [...at, key]));
    }
    return isEqual(before, after) ? [] : [at];
}

function startsWith(path: ConfigPath, prefix: ConfigPath): boolean {
    return prefix.length <= path.length && prefix.every((key, i) => path[i] === key);
}

export function isLivePath(path: ConfigPath): boolean {
    return LIVE_CONFIG_PATHS.some((live) => startsWith(path, live));
}

function withValueAt(config: PlainObject, path: ConfigPath, value: unknown): PlainObject {
    const [key, ...rest] = path;
    const copy = { ...config };
    if (rest.length === 0) {
        if (value === undefined) delete copy[key];
        else copy[key] = value;
        return copy;
    }
    const inner = isPlainObject(copy[key]) ? (copy[key] as PlainObject) : {};
    copy[key] = withValueAt(inner, rest, value);
    return copy;
}

/** `current` with the live parts taken from `next`; whatever needs a reload stays as it is. */
export function withLiveParts(current: PlainObject, next: PlainObject): PlainObject {
    let result = deepMerge({}, current);
    for (const path of LIVE_CONFIG_PATHS) {
        const value = valueAt(next, path);
        result = withValueAt(result, path, isPlainObject(value) ? deepMerge({}, value) : value);
    }
    return result;
}

/** A JSON pointer, as schema errors name places: "/default_server_config/m.homeserver/base_url". */
export function formatConfigPath(path: ConfigPath): string {
    const pointer = path.map((key) => `/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
    return pointer.length > 200 ? `${pointer.slice(0, 199)}…` : pointer || "/";
}
