import { SECTION_IDS } from "./model";
import { ancestorKeys, childKey, firstKeyOf, rollUpCounts, visibleRows } from "./rows";
import { companyTree, room, snapshotOf, space } from "./testTree";

const names = (rows: ReturnType<typeof visibleRows>): string[] =>
    rows.map((r) => `${"  ".repeat(r.level - 1)}${r.node.name}`);
const key = (...ids: string[]): string =>
    ids.reduce<string | undefined>((parent, id) => childKey(parent, id), undefined)!;

describe("visibleRows", () => {
    it("shows top-level spaces collapsed, in the snapshot's order, with sections after them", () => {
        const rows = visibleRows(companyTree(), { expanded: new Set() });
        expect(names(rows)).toEqual(["Engineering", "Sales", "Other rooms"]);
        expect(rows.map((r) => [r.level, r.posInSet, r.setSize, r.expanded])).toEqual([
            [1, 1, 3, false],
            [1, 2, 3, false],
            [1, 3, 3, false],
        ]);
    });

    it("keeps each space's own child order (m.space.child order), sub-spaces where the space puts them", () => {
        const rows = visibleRows(companyTree(), { expanded: new Set([key("!eng"), key("!eng", "!platform")]) });
        expect(names(rows)).toEqual([
            "Engineering",
            "  Platform",
            "    Databases",
            "    platform-chat",
            "  eng-general",
            "  eng-random",
            "Sales",
            "Other rooms",
        ]);
        expect(rows[1]).toMatchObject({ level: 2, posInSet: 1, setSize: 3, parentKey: key("!eng"), expandable: true });
    });

    it("shows a room listed in two spaces in both, and survives a cycle of spaces", () => {
        const snapshot = snapshotOf(
            [space("!a", "A", ["!b", "!shared"]), space("!b", "B", ["!a", "!shared"]), room("!shared", "shared")],
            ["!a"],
        );
        const rows = visibleRows(snapshot, { expanded: new Set([key("!a"), key("!a", "!b")]) });
        expect(names(rows)).toEqual(["A", "  B", "    shared", "  shared"]);
    });
});

describe("roll-up counts", () => {
    it("sums every room below a space, at any depth, each room once", () => {
        const counts = rollUpCounts(companyTree());
        expect(counts.get("!eng")).toEqual({ unread: 10, mentions: 1 });
        expect(counts.get("!platform")).toEqual({ unread: 5, mentions: 1 });
        expect(counts.get("!databases")).toEqual({ unread: 3, mentions: 1 });
        expect(counts.get("!sales")).toEqual({ unread: 0, mentions: 0 });

        const twice = snapshotOf(
            [space("!a", "A", ["!b", "!r"]), space("!b", "B", ["!r"]), room("!r", "r", { unread: 4 })],
            ["!a"],
        );
        expect(rollUpCounts(twice).get("!a")).toEqual({ unread: 4, mentions: 0 });
    });

    it("shows the rolled-up count on a collapsed space only; an open space leaves it to its rows", () => {
        const collapsed = visibleRows(companyTree(), { expanded: new Set() });
        expect(collapsed[0]).toMatchObject({ unread: 10, mentions: 1 });
        const open = visibleRows(companyTree(), { expanded: new Set([key("!eng")]) });
        expect(open[0]).toMatchObject({ unread: 0, mentions: 0 });
        expect(open.find((r) => r.node.id === "!platform")).toMatchObject({ unread: 5, mentions: 1 });
        expect(open.find((r) => r.node.id === "!eng-random")).toMatchObject({ unread: 5, mentions: 0 });
    });
});

describe("filter", () => {
    it("keeps matching rooms and opens their ancestors, whatever was collapsed", () => {
        const rows = visibleRows(companyTree(), { expanded: new Set(), query: "OPS" });
        expect(names(rows)).toEqual(["Engineering", "  Platform", "    Databases", "      db-ops"]);
        expect(rows.slice(0, 3).every((r) => r.expanded)).toBe(true);
        expect(rows[1]).toMatchObject({ posInSet: 1, setSize: 1 });
    });

    it("matches spaces by name too, and finds rooms joinable from the hierarchy", () => {
        expect(names(visibleRows(companyTree(), { expanded: new Set(), query: "sales" }))).toEqual([
            "Sales",
            "  sales-all",
        ]);
        expect(names(visibleRows(companyTree(), { expanded: new Set(), query: "plat" }))).toEqual([
            "Engineering",
            "  Platform",
            "    platform-chat",
        ]);
    });

    it("shows nothing when nothing matches, and everything again when cleared", () => {
        expect(visibleRows(companyTree(), { expanded: new Set(), query: "zzz" })).toEqual([]);
        expect(visibleRows(companyTree(), { expanded: new Set(), query: "  " })).toHaveLength(3);
    });
});

describe("hierarchy rows", () => {
    it("ends an open space that has more pages with a row that loads them", () => {
        const snapshot = snapshotOf([space("!s", "S", ["!r"], { hierarchy: "more" }), room("!r", "r")], ["!s"]);
        const rows = visibleRows(snapshot, { expanded: new Set(["!s"]) });
        expect(rows.map((r) => r.kind)).toEqual(["node", "node", "more"]);
        expect(rows[1]).toMatchObject({ posInSet: 1, setSize: 2 });
        expect(rows[2]).toMatchObject({ posInSet: 2, setSize: 2, level: 2, parentKey: "!s" });
    });

    it("offers a retry where loading failed, and shows loading while it loads", () => {
        const failed = snapshotOf([space("!s", "S", [], { hierarchy: "failed" })], ["!s"]);
        expect(visibleRows(failed, { expanded: new Set(["!s"]) }).map((r) => r.kind)).toEqual(["node", "retry"]);
        const loading = snapshotOf([space("!s", "S", [], { hierarchy: "loading" })], ["!s"]);
        expect(visibleRows(loading, { expanded: new Set(["!s"]) }).map((r) => r.kind)).toEqual(["node", "loading"]);
        const closed = visibleRows(failed, { expanded: new Set() });
        expect(closed.map((r) => r.kind)).toEqual(["node"]);
    });
});

describe("revealing a room", () => {
    it("finds the first place of a room and the branches to open", () => {
        const found = firstKeyOf(companyTree(), "!db-ops")!;
        expect(found).toBe(key("!eng", "!platform", "!databases", "!db-ops"));
        expect(ancestorKeys(found)).toEqual([
            key("!eng"),
            key("!eng", "!platform"),
            key("!eng", "!platform", "!databases"),
        ]);
        expect(firstKeyOf(companyTree(), "!lunch")).toBe(key(SECTION_IDS.other, "!lunch"));
        expect(firstKeyOf(companyTree(), "!nowhere")).toBeUndefined();
    });
});

describe("a space listing a child the snapshot does not hold (not loaded yet, or gone)", () => {
    const snapshot = snapshotOf(
        [
            space("!s", "S", ["!ghost", "!inner", "!r"]),
            space("!inner", "Sub", ["!ghost"]),
            room("!r", "r", { unread: 2 }),
        ],
        ["!s"],
    );

    it("rolls up the counts of the rooms it does hold", () => {
        expect(rollUpCounts(snapshot).get("!s")).toEqual({ unread: 2, mentions: 0 });
        expect(rollUpCounts(snapshot).get("!inner")).toEqual({ unread: 0, mentions: 0 });
    });

    it("shows no row for it, and still finds the rooms after it", () => {
        expect(names(visibleRows(snapshot, { expanded: new Set(["!s"]) }))).toEqual(["S", "  Sub", "  r"]);
        expect(firstKeyOf(snapshot, "!r")).toBe(key("!s", "!r"));
    });

    it("does not count it as a match when filtering", () => {
        expect(names(visibleRows(snapshot, { expanded: new Set(), query: "r" }))).toEqual(["S", "  r"]);
        expect(visibleRows(snapshot, { expanded: new Set(), query: "zzz" })).toEqual([]);
    });
});

describe("filtering a cycle of spaces", () => {
    it("finds what the cycle holds, once per place, without looping", () => {
        const snapshot = snapshotOf(
            [
                space("!a", "A", ["!b", "!x"]),
                space("!b", "B", ["!a", "!found"]),
                room("!found", "found"),
                room("!x", "x"),
            ],
            ["!a"],
        );
        expect(names(visibleRows(snapshot, { expanded: new Set(), query: "found" }))).toEqual([
            "A",
            "  B",
            "    found",
        ]);
    });
});

describe("a branch that matches the filter by its own name only", () => {
    const filtered = (expanded: string[]) =>
        visibleRows(companyTree(), { expanded: new Set(expanded), query: "databases" });

    it("shows it as the user left it: closed unless opened", () => {
        const rows = filtered([]);
        expect(names(rows)).toEqual(["Engineering", "  Platform", "    Databases"]);
        expect(rows[2]).toMatchObject({ expandable: true, expanded: false });
    });

    it("once opened, shows everything in it, matching or not", () => {
        const rows = filtered([key("!eng", "!platform", "!databases")]);
        expect(names(rows)).toEqual(["Engineering", "  Platform", "    Databases", "      db-ops"]);
        expect(rows[2]).toMatchObject({ expanded: true });
    });
});

describe("roll-up of mentions", () => {
    it("counts a room's mentions even when it reports no unread messages", () => {
        const snapshot = snapshotOf([space("!s", "S", ["!r"]), room("!r", "r", { unread: 0, mentions: 2 })], ["!s"]);
        expect(rollUpCounts(snapshot).get("!s")).toEqual({ unread: 0, mentions: 2 });
    });
});

describe("hierarchy rows are leaves", () => {
    it("can be neither opened nor shown as open", () => {
        const snapshot = snapshotOf([space("!s", "S", [], { hierarchy: "more" })], ["!s"]);
        const [, more] = visibleRows(snapshot, { expanded: new Set(["!s"]) });
        expect(more).toMatchObject({ kind: "more", expandable: false, expanded: false, unread: 0, mentions: 0 });
    });
});
