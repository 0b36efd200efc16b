// Which archived rooms the archive view lists (search, space, archive date) and which rooms it
// suggests archiving (lifecycle hints). Plain data in, plain data out.

export interface ArchiveListEntry {
    roomId: string;
    name: string;
    topic: string | null;
    /** When it was archived: the policy record's time, else the personal archive's. */
    archivedAt: number;
    spaceIds: readonly string[];
}

export interface ArchiveQuery {
    /** Words to find in the name or topic, any case; all must match. */
    text: string;
    /** Only rooms in this space; null for all. */
    spaceId: string | null;
    /** `yyyy-mm-dd` from a date input, local time, inclusive; "" for no bound. */
    from: string;
    until: string;
}

/** Local midnight of a `yyyy-mm-dd` date (`dayOffset` days later), or null when it is not a real date. */
export function startOfDay(date: string, dayOffset = 0): number | null {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    if (!match) return null;
    const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
    const start = new Date(year, month, day);
    if (start.getFullYear() !== year || start.getMonth() !== month || start.getDate() !== day) return null;
    return new Date(year, month, day + dayOffset).getTime();
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function matchesQuery(entry: ArchiveListEntry, query: ArchiveQuery): boolean {
    const haystack = `${entry.name}\n${entry.topic ?? ""}`.toLocaleLowerCase();
    const words = query.text.toLocaleLowerCase().split(/\s+/).filter(Boolean);
    if (!words.every((word) => haystack.includes(word))) return false;
    if (query.spaceId && !entry.spaceIds.includes(query.spaceId)) return false;
    const from = startOfDay(query.from);
    if (from !== null && entry.archivedAt < from) return false;
    // "Until" includes that whole day: up to the start of the next one.
    const afterUntil = startOfDay(query.until, 1);
    if (afterUntil !== null && entry.archivedAt >= afterUntil) return false;
    return true;
}

/** The entries the query keeps, newest archive first. */
export function filterArchive<T extends ArchiveListEntry>(entries: readonly T[], query: ArchiveQuery): T[] {
    return entries
        .filter((entry) => matchesQuery(entry, query))
        .sort((a, b) => b.archivedAt - a.archivedAt || (a.name < b.name ? -1 : 1));
}

export interface HintCandidate {
    roomId: string;
    /** When its last message arrived; null when unknown (never suggested). */
    lastMessageAt: number | null;
    mayArchive: boolean;
    archived: boolean;
}

/** Rooms the user may archive, not archived, without a message for `days` days, oldest first. */
export function inactiveRooms<T extends HintCandidate>(candidates: readonly T[], now: number, days: number): T[] {
    const cutoff = now - days * DAY_MS;
    return candidates
        .filter(
            (room) => room.mayArchive && !room.archived && room.lastMessageAt !== null && room.lastMessageAt < cutoff,
        )
        .sort((a, b) => a.lastMessageAt! - b.lastMessageAt!);
}
