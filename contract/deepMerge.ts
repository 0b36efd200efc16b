// Layering rule for configs, used everywhere Atrium combines them: objects merge key by key,
// everything else (arrays included) is replaced by the later layer.
export type PlainObject = Record<string, unknown>;

export function isPlainObject(value: unknown): value is PlainObject {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function deepMerge<T extends PlainObject>(base: T, ...layers: PlainObject[]): T {
    const result: PlainObject = {};
    for (const layer of [base, ...layers]) {
        for (const [key, value] of Object.entries(layer)) {
            if (key === "__proto__" || key === "constructor" || key === "prototype") continue;
            const current = result[key];
            // Objects are copied through deepMerge even when there is nothing to merge into, so
            // the keys above are dropped at every depth and the result shares no objects with its inputs.
            result[key] = isPlainObject(value) ? deepMerge(isPlainObject(current) ? current : {}, value) : value;
        }
    }
    return result as T;
}

/** The value at `path` through plain objects' own keys, or undefined where the path leaves them. */
export function valueAt(config: unknown, path: readonly string[]): unknown {
    let current = config;
    for (const key of path) {
        if (!isPlainObject(current) || !Object.hasOwn(current, key)) return undefined;
        current = current[key];
    }
    return current;
}
