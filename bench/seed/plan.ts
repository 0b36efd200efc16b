// The large account the bench logs in as, laid out as data: which spaces hold which rooms, who
// writes where. Pure, so the layout can be checked without a homeserver.

/** Bump when the layout changes: a seeded data dir with another version is seeded afresh. */
export const SEED_VERSION = 1;

export const LARGE_ACCOUNT = {
    /** The person whose start is timed: in every room and space below. */
    user: { localpart: "perf", password: "atrium-bench-perf", displayName: "Perf Person" },
    /** Writes the recent messages the account has not read yet. */
    colleague: { localpart: "colleague", password: "atrium-bench-colleague", displayName: "Cora Colleague" },
};

export interface PlannedRoom {
    /** Index in plan.rooms, stable across runs. */
    index: number;
    name: string;
    /** Index of the space that lists it (m.space.child), or null for a room in no space. */
    spaceIndex: number | null;
    /** Messages from the colleague, unread by the account; 0 means one message of the account's own. */
    colleagueMessages: number;
    /** Whether one of the colleague's messages mentions the account (a highlight). */
    mention: boolean;
}

export interface PlannedSpace {
    index: number;
    name: string;
    /** 1 = top level (in the space bar), 2 and 3 below it. */
    level: 1 | 2 | 3;
    parentIndex: number | null;
}

export interface SeedPlan {
    version: number;
    spaces: PlannedSpace[];
    rooms: PlannedRoom[];
    /** The two rooms in no space that the bench switches between; the last two rooms written to. */
    switchRooms: [number, number];
}

const TOP_SPACES = 5;
const CHILDREN_PER_TOP = 3;
const CHILDREN_PER_MIDDLE = 2; // 5 + 15 + 30 = 50 spaces
const ROOMS = 1_000;
/** Rooms in no space: what stock Element's Home shows (it hides rooms that sit in spaces). */
const ROOMS_IN_NO_SPACE = 40;
/** Every third room has unread messages from the colleague; every tenth of those mentions the account. */
const UNREAD_EVERY = 3;

function pad(n: number, width: number): string {
    return String(n).padStart(width, "0");
}

export function largeAccountPlan(): SeedPlan {
    const spaces: PlannedSpace[] = [];
    for (let top = 0; top < TOP_SPACES; top++) {
        const topIndex = spaces.length;
        const division = String.fromCharCode(65 + top); // A..E
        spaces.push({ index: topIndex, name: `Division ${division}`, level: 1, parentIndex: null });
        for (let mid = 1; mid <= CHILDREN_PER_TOP; mid++) {
            const midIndex = spaces.length;
            spaces.push({ index: midIndex, name: `${division}${mid} Department`, level: 2, parentIndex: topIndex });
            for (let leaf = 1; leaf <= CHILDREN_PER_MIDDLE; leaf++) {
                spaces.push({
                    index: spaces.length,
                    name: `${division}${mid}.${leaf} Team`,
                    level: 3,
                    parentIndex: midIndex,
                });
            }
        }
    }

    const rooms: PlannedRoom[] = [];
    for (let i = 0; i < ROOMS; i++) {
        const inNoSpace = i < ROOMS_IN_NO_SPACE;
        // Rooms in spaces go round-robin over all 50 spaces, so every level holds rooms.
        const spaceIndex = inNoSpace ? null : (i - ROOMS_IN_NO_SPACE) % spaces.length;
        const unread = i % UNREAD_EVERY === 0;
        rooms.push({
            index: i,
            name: inNoSpace
                ? `Lobby ${pad(i + 1, 2)}`
                : `${spaces[spaceIndex!].name.split(" ")[0]} room ${pad(i + 1, 4)}`,
            spaceIndex,
            colleagueMessages: unread ? 1 + (i % 4) : 0,
            mention: unread && i % (UNREAD_EVERY * 10) === 0,
        });
    }
    // Rooms 1 and 2 (no space, no unread by the rule above) are written to last, so they top Home's list.
    return { version: SEED_VERSION, spaces, rooms, switchRooms: [1, 2] };
}

/** The text of the last message in a room, unique per room so the bench can wait for it on screen. */
export function lastMessageBody(room: PlannedRoom): string {
    return `Latest news for ${room.name} (#${room.index})`;
}
