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
