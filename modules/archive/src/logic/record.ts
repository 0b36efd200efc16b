// The policy archive's record: an Atrium state event (type org.atrium.archive, state key "") that
// says who archived the room, when, why, and which power-levels event the archive replaced (its ID:
// a copy could approach the 64 KiB event limit in big rooms). Its content comes from the room, so
// anyone able to send the type can write anything there: every field is checked, and a record
// counts only when its sender held the configured level (see `recordCounts`).
import type { PowerLevels } from "@atrium/sdk";

export const ARCHIVE_EVENT_TYPE = "org.atrium.archive";
export const MAX_REASON_LENGTH = 1000;
/** Room event IDs are at most 255 bytes; `$` then printable ASCII. */
const EVENT_ID = /^\$[\x21-\x7e]{1,254}$/;
const USER_ID = /^@[^:\s]+:[^\s]+$/;

export interface ArchiveRecord {
    /** Who archived the room: the record's sender, never a field of its content. */
    by: string;
    /** When: the record's server timestamp. */
    at: number;
    reason: string;
    /** The power-levels event the archive replaced. */
    replacedEventId: string;
    /** The level the archive raised writing to. */
    level: number;
    eventId: string;
}

/** What the room's record says: archived, not archived (no record, or a restore's empty one), or unreadable. */
export type RecordReading =
    { kind: "archived"; record: ArchiveRecord } | { kind: "none" } | { kind: "invalid"; why: string };

export interface RecordEntry {
    content: unknown;
    sender: unknown;
    ts: unknown;
    eventId: unknown;
}

/** The content an archive sends. */
export function archiveRecordContent(reason: string, replacedEventId: string, level: number): Record<string, unknown> {
    const trimmed = reason.trim();
    if (trimmed.length > MAX_REASON_LENGTH) throw new RangeError(`A reason is at most ${MAX_REASON_LENGTH} characters`);
    if (!EVENT_ID.test(replacedEventId)) throw new RangeError("Not an event ID");
    if (!Number.isSafeInteger(level)) throw new RangeError("An archive level must be an integer");
    return { reason: trimmed, replaced_event_id: replacedEventId, level };
}

/** The content a restore sends: state events cannot be deleted, an empty record means "not archived". */
export const RESTORED_RECORD_CONTENT: Readonly<Record<string, unknown>> = Object.freeze({});

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === "object" && value !== null && !Array.isArray(value);

/** Reads a record; never throws, whatever the content. */
export function readArchiveRecord(entry: RecordEntry | null | undefined): RecordReading {
    if (!entry) return { kind: "none" };
    const { content, sender, ts, eventId } = entry;
    if (!isPlainObject(content)) return { kind: "invalid", why: "content is not an object" };
    if (Object.keys(content).length === 0) return { kind: "none" };
    const own = (key: string): unknown => (Object.hasOwn(content, key) ? content[key] : undefined);
    const reason = own("reason") ?? "";
    const replaced = own("replaced_event_id");
    const level = own("level");
    if (typeof reason !== "string" || reason.length > MAX_REASON_LENGTH) return { kind: "invalid", why: "reason" };
    if (typeof replaced !== "string" || !EVENT_ID.test(replaced)) return { kind: "invalid", why: "replaced_event_id" };
    if (typeof level !== "number" || !Number.isSafeInteger(level)) return { kind: "invalid", why: "level" };
    if (typeof sender !== "string" || !USER_ID.test(sender)) return { kind: "invalid", why: "sender" };
    if (typeof ts !== "number" || !Number.isFinite(ts) || ts < 0) return { kind: "invalid", why: "timestamp" };
    if (typeof eventId !== "string" || eventId.length === 0) return { kind: "invalid", why: "event ID" };
    return { kind: "archived", record: { by: sender, at: ts, reason, replacedEventId: replaced, level, eventId } };
}

const levelOf = (levels: PowerLevels, userId: string): number =>
    Object.hasOwn(levels.users, userId) ? levels.users[userId] : levels.usersDefault;

const stateLevelOf = (levels: PowerLevels, type: string): number =>
    Object.hasOwn(levels.events, type) ? levels.events[type] : levels.stateDefault;

/**
 * Whether a record makes the room archived: its sender holds `requiredLevel` (and the record type's
 * own level) under the power levels in force now, and held `requiredLevel` under the levels the
 * archive replaced (the levels in force when it was decided), which must be known. A moderator who
 * could send the type because `state_default` is low, or who points at an old event, does not pass.
 */
export function recordCounts(
    record: ArchiveRecord,
    requiredLevel: number,
    levelsNow: PowerLevels,
    levelsReplaced: PowerLevels | null,
    privilegedCreators: readonly string[] = [],
): boolean {
    if (!levelsReplaced || record.level < 1) return false;
    // Room version 12 creators hold unlimited power and never appear in `users`.
    if (privilegedCreators.includes(record.by)) return true;
    const now = levelOf(levelsNow, record.by);
    return (
        now >= requiredLevel &&
        now >= stateLevelOf(levelsNow, ARCHIVE_EVENT_TYPE) &&
        levelOf(levelsReplaced, record.by) >= requiredLevel
    );
}
