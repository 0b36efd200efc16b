// Layering rule for configs, used everywhere Atrium combines them: objects merge key by key,
// everything else (arrays included) is replaced by the later layer.
export type PlainObject = Record<string, unknown>;

export function isPlainObject(value: unknown): value is PlainObject {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function deepMerge<T extends PlainObject>(base: T, ...layers: PlainObject[]): T {
    const result: PlainObject = { ...base };
    for (const layer of layers) {
        for (const [key, value] of Object.entries(layer)) {
            if (key === "__proto__" || key === "constructor" || key === "prototype") continue;
            const current = result[key];
            result[key] = isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value;
        }
    }
    return result as T;
}
