// The power-level rewrite of a policy archive and its undoing, on the raw content of
// m.room.power_levels (plain JSON, possibly hostile). Archiving raises what ordinary members need
// to write; restoring puts the replaced content back, keeping what someone changed while the room
// was archived (the later change wins) and listing every difference so nothing is lost silently.

export type PowerLevelsContent = Record<string, unknown>;

/** The spec's defaults for the keys an archive raises, when the content does not name them. */
const SPEC_DEFAULTS = { events_default: 0, state_default: 50, invite: 0, redact: 50 } as const;
const RAISED_KEYS = Object.keys(SPEC_DEFAULTS) as (keyof typeof SPEC_DEFAULTS)[];

function isPlainObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

const isLevel = (value: unknown): value is number => typeof value === "number" && Number.isSafeInteger(value);

/** Sets an own property, even one named "__proto__" (which plain assignment would not create). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A deep copy of JSON data that keeps every own key, "__proto__" included. */
function copyJson<T>(value: T): T {
    if (Array.isArray(value)) return value.map(copyJson) as T;
    if (!isPlainObject(value)) return value;
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) setOwn(copy, key, copyJson(value[key]));
    return copy as T;
}

/**
 * The content an archive sends: `events_default`, `state_default`, `invite` and `redact` at least
 * `level`, every numeric entry of `events` below `level` raised to it; everything else (users,
 * kick, ban, notifications, unknown keys) untouched.
 */
export function archivedPowerLevels(original: PowerLevelsContent, level: number): PowerLevelsContent {
    if (!isLevel(level)) throw new RangeError(`An archive level must be an integer, not ${String(level)}`);
    const archived = copyJson(isPlainObject(original) ? original : {});
    for (const key of RAISED_KEYS) {
        const current =
            Object.hasOwn(archived, key) && isLevel(archived[key]) ? (archived[key] as number) : SPEC_DEFAULTS[key];
        setOwn(archived, key, Math.max(current, level));
    }
    const events = archived.events;
    if (isPlainObject(events)) {
        for (const type of Object.keys(events)) {
            if (isLevel(events[type]) && (events[type] as number) < level) setOwn(events, type, level);
        }
    }
    return archived;
}

/** Where a value sits: a top-level key, or a key inside a top-level object (users, events…). */
export type LevelPath = readonly [string] | readonly [string, string];

export interface LevelChange {
    path: LevelPath;
    /** The value before (undefined: absent). */
    from: unknown;
    /** The value after (undefined: absent). */
    to: unknown;
}

export interface RestorePlan {
    /** The content to send. */
    restored: PowerLevelsContent;
    /** What someone changed after the archive (from: as archived, to: now); kept in `restored`. */
    changedWhileArchived: LevelChange[];
    /** Every difference from the levels now to `restored`: what restoring will change. */
    changes: LevelChange[];
}

const pathKey = (path: LevelPath): string => JSON.stringify(path);

function flatten(content: PowerLevelsContent): Map<string, { path: LevelPath; value: unknown }> {
    const flat = new Map<string, { path: LevelPath; value: unknown }>();
    if (!isPlainObject(content)) return flat;
    for (const key of Object.keys(content)) {
        const value = content[key];
        if (isPlainObject(value)) {
            for (const inner of Object.keys(value)) {
                const path: LevelPath = [key, inner];
                flat.set(pathKey(path), { path, value: value[inner] });
            }
        } else {
            flat.set(pathKey([key]), { path: [key], value });
        }
    }
    return flat;
}

function comparePaths(a: LevelPath, b: LevelPath): number {
    if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
    if (a.length !== b.length) return a.length - b.length;
    return a[1]! < b[1]! ? -1 : a[1]! > b[1]! ? 1 : 0;
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Differences from `from` to `to`, path by path, in a stable order. */
export function levelDifferences(from: PowerLevelsContent, to: PowerLevelsContent): LevelChange[] {
    const before = flatten(from);
    const after = flatten(to);
    // A top-level key before the keys inside it, so a value that turned from a number into an
    // object (or back) is replaced first and filled after.
    const keys = [...new Set([...before.keys(), ...after.keys()])].sort((a, b) =>
        comparePaths(JSON.parse(a), JSON.parse(b)),
    );
    const changes: LevelChange[] = [];
    for (const key of keys) {
        const was = before.get(key);
        const will = after.get(key);
        if (was && will && sameJson(was.value, will.value)) continue;
        changes.push({ path: (will ?? was)!.path, from: was?.value, to: will?.value });
    }
    return changes;
}

function applyChange(target: Record<string, unknown>, path: LevelPath, value: unknown): void {
    if (path.length === 1) {
        if (value === undefined) delete target[path[0]];
        else setOwn(target, path[0], copyJson(value));
        return;
    }
    const [outer, inner] = path;
    let container = Object.hasOwn(target, outer) ? target[outer] : undefined;
    if (!isPlainObject(container)) {
        if (value === undefined) return;
        container = {};
        setOwn(target, outer, container);
    }
    const object = container as Record<string, unknown>;
    if (value === undefined) delete object[inner];
    else setOwn(object, inner, copyJson(value));
}

/**
 * How to restore: `original` is the content the archive replaced, `archivedAs` what the archive
 * sent, `current` the content in force now. With no change while archived, `restored` equals
 * `original` exactly.
 */
export function restorePlan(
    original: PowerLevelsContent,
    archivedAs: PowerLevelsContent,
    current: PowerLevelsContent,
): RestorePlan {
    const restored = copyJson(isPlainObject(original) ? original : {});
    const changedWhileArchived = levelDifferences(archivedAs, current);
    for (const change of changedWhileArchived) applyChange(restored, change.path, change.to);
    return { restored, changedWhileArchived, changes: levelDifferences(current, restored) };
}
