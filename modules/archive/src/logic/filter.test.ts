import { filterArchive, inactiveRooms, startOfDay, type ArchiveListEntry, type ArchiveQuery } from "./filter";

const at = (date: string, hour = 12): number => new Date(`${date}T${String(hour).padStart(2, "0")}:00:00`).getTime();

const ENTRIES: ArchiveListEntry[] = [
    {
        roomId: "!a",
        name: "Project Apollo",
        topic: "Moon landing 1969",
        archivedAt: at("2026-03-01"),
        spaceIds: ["!space1"],
    },
    { roomId: "!b", name: "Budget 2025", topic: null, archivedAt: at("2026-05-10", 23), spaceIds: [] },
    {
        roomId: "!c",
        name: "Launch team",
        topic: "apollo follow-up",
        archivedAt: at("2026-06-01", 0),
        spaceIds: ["!space1", "!space2"],
    },
];

const ALL: ArchiveQuery = { text: "", spaceId: null, from: "", until: "" };
const ids = (query: Partial<ArchiveQuery>): string[] =>
    filterArchive(ENTRIES, { ...ALL, ...query }).map((e) => e.roomId);

describe("filterArchive", () => {
    it("lists everything newest first without a query", () => {
        expect(ids({})).toEqual(["!c", "!b", "!a"]);
    });

    it("searches names and topics, any case, every word", () => {
        expect(ids({ text: "APOLLO" })).toEqual(["!c", "!a"]);
        expect(ids({ text: "apollo moon" })).toEqual(["!a"]);
        expect(ids({ text: "budget" })).toEqual(["!b"]);
        expect(ids({ text: "nothing" })).toEqual([]);
    });

    it("filters by space", () => {
        expect(ids({ spaceId: "!space2" })).toEqual(["!c"]);
        expect(ids({ spaceId: "!space1" })).toEqual(["!c", "!a"]);
    });

    it("filters by archive date, both days included", () => {
        expect(ids({ from: "2026-05-10" })).toEqual(["!c", "!b"]);
        expect(ids({ until: "2026-05-10" })).toEqual(["!b", "!a"]);
        expect(ids({ from: "2026-05-11", until: "2026-06-01" })).toEqual(["!c"]);
    });

    it("ignores a date that is no date", () => {
        expect(ids({ from: "2026-02-31" })).toEqual(["!c", "!b", "!a"]);
        expect(ids({ until: "yesterday" })).toEqual(["!c", "!b", "!a"]);
        expect(startOfDay("2026-13-01")).toBeNull();
    });
});

describe("inactiveRooms", () => {
    const now = at("2026-12-01");
    const day = 24 * 60 * 60 * 1000;
    const rooms = [
        { roomId: "!old", lastMessageAt: now - 100 * day, mayArchive: true, archived: false },
        { roomId: "!older", lastMessageAt: now - 200 * day, mayArchive: true, archived: false },
        { roomId: "!recent", lastMessageAt: now - 10 * day, mayArchive: true, archived: false },
        { roomId: "!notmine", lastMessageAt: now - 300 * day, mayArchive: false, archived: false },
        { roomId: "!done", lastMessageAt: now - 300 * day, mayArchive: true, archived: true },
        { roomId: "!unknown", lastMessageAt: null, mayArchive: true, archived: false },
    ];

    it("suggests the rooms the user may archive, quiet for the configured days, oldest first", () => {
        expect(inactiveRooms(rooms, now, 90).map((r) => r.roomId)).toEqual(["!older", "!old"]);
        expect(inactiveRooms(rooms, now, 150).map((r) => r.roomId)).toEqual(["!older"]);
        expect(inactiveRooms(rooms, now, 5).map((r) => r.roomId)).toEqual(["!older", "!old", "!recent"]);
    });
});

describe("filterArchive at the edges", () => {
    it("keeps a room archived at the first moment of the From day, and drops one at the first moment after Until", () => {
        // "!c" was archived at midnight starting 2026-06-01.
        expect(ids({ from: "2026-06-01" })).toEqual(["!c"]);
        expect(ids({ until: "2026-05-31" })).toEqual(["!b", "!a"]);
    });

    it("orders rooms archived at the same moment by name", () => {
        const same = at("2026-04-01");
        const entries = ["Gamma", "Alpha", "Beta"].map((name) => ({
            roomId: `!${name}`,
            name,
            topic: null,
            archivedAt: same,
            spaceIds: [],
        }));
        expect(filterArchive(entries, ALL).map((e) => e.name)).toEqual(["Alpha", "Beta", "Gamma"]);
        expect(filterArchive([...entries].reverse(), ALL).map((e) => e.name)).toEqual(["Alpha", "Beta", "Gamma"]);
    });

    it("takes only a whole yyyy-mm-dd as a date", () => {
        for (const date of ["x2026-05-10", "2026-05-10x", "2026-5-10", "26-05-10", "2026-05-1"]) {
            expect(startOfDay(date)).toBeNull();
        }
        expect(startOfDay("2026-05-10")).toBe(new Date(2026, 4, 10).getTime());
        expect(startOfDay("2026-05-10", 1)).toBe(new Date(2026, 4, 11).getTime());
    });

    it("refuses a year that Date would read as 19xx", () => {
        expect(startOfDay("0050-01-01")).toBeNull();
    });
});

describe("inactiveRooms at the edge", () => {
    it("waits until a room has been quiet for longer than the configured days", () => {
        const now = at("2026-12-01");
        const day = 24 * 60 * 60 * 1000;
        const room = (roomId: string, quietDays: number) => ({
            roomId,
            lastMessageAt: now - quietDays * day,
            mayArchive: true,
            archived: false,
        });
        expect(inactiveRooms([room("!exactly", 90), room("!longer", 90.001)], now, 90).map((r) => r.roomId)).toEqual([
            "!longer",
        ]);
    });
});
