import { MatrixEvent, Room, type MatrixClient } from "matrix-js-sdk/src/matrix";
import { KnownMembership } from "matrix-js-sdk/src/types";

import { buildSnapshot } from "./sdkSnapshot";
import { HierarchyLoader } from "./hierarchyLoader";
import { SECTION_IDS } from "./tree/model";
import { rollUpCounts, visibleRows } from "./tree/rows";

// SpaceStore imports the room list for its tag order; the room list (Atrium's wrapper) imports the
// navigator: a cycle webpack's live bindings handle but jest's mocks below would enter half-loaded.
jest.mock("@atrium/seams/RoomList", () => ({ __esModule: true, TAG_ORDER: [], default: () => null }));

// The SDK's stores at the module's edge; the space's child order is read by the real code.
const mockSpaces = {
    joined: [] as Room[],
    inSpaces: new Set<string>(),
    dms: new Set<string>(),
    unread: new Map<string, number>(),
};
jest.mock("@atrium/sdk/spaces", () => ({
    ...jest.requireActual("@atrium/sdk/spaces"),
    topLevelSpaces: () => ({ joined: mockSpaces.joined, invited: [] }),
    hasParentSpace: (roomId: string) => mockSpaces.inSpaces.has(roomId),
    isDirectMessage: (roomId: string) => mockSpaces.dms.has(roomId),
    notificationCounts: jest.fn((room: Room) => ({ unread: mockSpaces.unread.get(room.roomId) ?? 0, mentions: 0 })),
}));

const ME = "@me:example.org";
const rooms = new Map<string, Room>();
const client = {
    getUserId: () => ME,
    getSafeUserId: () => ME,
    getRoom: (id: string) => rooms.get(id) ?? null,
    getRooms: () => [...rooms.values()],
    supportsThreads: () => false,
    isInitialSyncComplete: () => true,
} as unknown as MatrixClient;

let ts = 1000;
function state(roomId: string, type: string, stateKey: string, content: object): MatrixEvent {
    return new MatrixEvent({
        type,
        state_key: stateKey,
        content,
        room_id: roomId,
        sender: ME,
        event_id: `$${++ts}`,
        origin_server_ts: ts,
    });
}

function makeRoom(id: string, name: string, opts: { space?: boolean; membership?: string } = {}): Room {
    const room = new Room(id, client, ME);
    room.currentState.setStateEvents([state(id, "m.room.create", "", opts.space ? { type: "m.space" } : {})]);
    room.name = name;
    room.updateMyMembership(opts.membership ?? KnownMembership.Join);
    rooms.set(id, room);
    return room;
}

const { notificationCounts } = jest.requireMock("@atrium/sdk/spaces") as { notificationCounts: jest.Mock };

function listChildren(space: Room, children: Array<{ id: string; order?: string; suggested?: boolean }>): void {
    space.currentState.setStateEvents(
        children.map((c) =>
            state(space.roomId, "m.space.child", c.id, {
                via: ["example.org"],
                order: c.order,
                suggested: c.suggested,
            }),
        ),
    );
}

describe("buildSnapshot", () => {
    beforeEach(() => {
        rooms.clear();
        mockSpaces.inSpaces.clear();
        mockSpaces.dms.clear();
        mockSpaces.unread.clear();
        notificationCounts.mockClear();
    });

    it("orders a space's children as the space says (order key, then age), not by name", () => {
        const eng = makeRoom("!eng", "Engineering", { space: true });
        makeRoom("!a", "alpha");
        makeRoom("!b", "bravo");
        makeRoom("!c", "charlie");
        makeRoom("!platform", "Platform", { space: true });
        // Oldest first among unordered children; ordered ones before them, by their order string.
        listChildren(eng, [{ id: "!a" }, { id: "!c", order: "2" }, { id: "!b" }, { id: "!platform", order: "1" }]);
        ["!a", "!b", "!c", "!platform"].forEach((id) => mockSpaces.inSpaces.add(id));
        mockSpaces.joined = [eng];

        const snapshot = buildSnapshot(client, new HierarchyLoader(() => {}), {
            people: "People",
            other: "Other rooms",
        });
        expect(snapshot.nodes.get("!eng")!.children).toEqual(["!platform", "!c", "!a", "!b"]);
        // No DMs and no rooms outside spaces: no empty People or Other rooms headings.
        expect(snapshot.roots).toEqual(["!eng"]);
        const rows = visibleRows(snapshot, { expanded: new Set(["!eng"]) });
        expect(rows.map((r) => r.node.name)).toEqual(["Engineering", "Platform", "charlie", "alpha", "bravo"]);
    });

    it("puts DMs under People and rooms in no space under Other rooms, by name; counts come from the SDK", () => {
        mockSpaces.joined = [];
        makeRoom("!z", "zulu");
        makeRoom("!y", "Yankee");
        makeRoom("!dm", "Bob");
        makeRoom("!invite", "Invited room", { membership: KnownMembership.Invite });
        makeRoom("!left", "Left room", { membership: KnownMembership.Leave });
        mockSpaces.dms.add("!dm");
        mockSpaces.unread.set("!z", 4);

        const snapshot = buildSnapshot(client, new HierarchyLoader(() => {}), {
            people: "People",
            other: "Other rooms",
        });
        expect(snapshot.nodes.get(SECTION_IDS.people)!.children).toEqual(["!dm"]);
        expect(snapshot.nodes.get(SECTION_IDS.other)!.children).toEqual(["!invite", "!y", "!z"]);
        expect(snapshot.nodes.get("!invite")!.membership).toBe("invite");
        expect(snapshot.nodes.get("!z")!.unread).toBe(4);
        expect(snapshot.nodes.has("!left")).toBe(false);
    });

    it("lists a DM that a space lists under People too, reading each listed room's membership once", () => {
        const eng = makeRoom("!eng", "Engineering", { space: true });
        makeRoom("!dm", "Bob");
        makeRoom("!team", "team");
        makeRoom("!left", "Left room", { membership: KnownMembership.Leave });
        makeRoom("!lone-dm", "Carol");
        listChildren(eng, [{ id: "!dm" }, { id: "!team" }, { id: "!left" }]);
        ["!dm", "!team", "!left"].forEach((id) => mockSpaces.inSpaces.add(id));
        ["!dm", "!left", "!lone-dm"].forEach((id) => mockSpaces.dms.add(id));
        mockSpaces.joined = [eng];
        const membershipReads = jest.spyOn(Room.prototype, "getMyMembership");

        const snapshot = buildSnapshot(client, new HierarchyLoader(() => {}), {
            people: "People",
            other: "Other rooms",
        });
        expect(snapshot.nodes.get("!eng")!.children).toEqual(["!dm", "!team"]);
        // A room left is in neither place, though the DM map still names it.
        expect(snapshot.nodes.get(SECTION_IDS.people)!.children).toEqual(["!dm", "!lone-dm"]);
        expect(snapshot.nodes.get("!dm")!.kind).toBe("dm");
        expect(snapshot.roots).toEqual(["!eng", SECTION_IDS.people]);
        const reads = membershipReads.mock.contexts.map((room) => (room as Room).roomId);
        // Rooms in the tree are read once (the pass over all rooms used to read them again).
        for (const id of ["!dm", "!team", "!lone-dm"]) expect(reads.filter((r) => r === id)).toHaveLength(1);
        membershipReads.mockRestore();
    });

    it("lists children not joined only once /hierarchy has named them, marking them suggested", async () => {
        const eng = makeRoom("!eng", "Engineering", { space: true });
        makeRoom("!joined", "joined");
        listChildren(eng, [
            { id: "!joined", order: "1" },
            { id: "!lounge", order: "2", suggested: true },
        ]);
        mockSpaces.joined = [eng];
        (client as unknown as { getRoomHierarchy: unknown }).getRoomHierarchy = jest.fn(async () => ({
            rooms: [
                { room_id: "!eng", name: "Engineering", children_state: [] },
                { room_id: "!lounge", name: "Lounge", join_rule: "public", children_state: [] },
            ],
        }));
        const names = { people: "People", other: "Other rooms" };
        const changed = jest.fn();
        const loader = new HierarchyLoader(changed);

        const before = buildSnapshot(client, loader, names);
        expect(before.nodes.get("!eng")).toMatchObject({ children: ["!joined"], hierarchy: "unloaded" });

        loader.ensureLoaded(eng);
        await new Promise((resolve) => setTimeout(resolve, 0));
        expect(changed).toHaveBeenCalled();
        const after = buildSnapshot(client, loader, names);
        expect(after.nodes.get("!eng")).toMatchObject({ children: ["!joined", "!lounge"], hierarchy: "complete" });
        expect(after.nodes.get("!lounge")).toMatchObject({
            name: "Lounge",
            membership: "none",
            suggested: true,
            joinRule: "public",
        });
    });

    it("asks the SDK for the counts of joined rooms only: a space shows the roll-up of its rooms", () => {
        const eng = makeRoom("!eng", "Engineering", { space: true });
        const platform = makeRoom("!platform", "Platform", { space: true });
        makeRoom("!ops", "ops");
        listChildren(eng, [{ id: "!platform" }]);
        listChildren(platform, [{ id: "!ops" }]);
        ["!platform", "!ops"].forEach((id) => mockSpaces.inSpaces.add(id));
        mockSpaces.joined = [eng];
        mockSpaces.unread.set("!ops", 2);
        // The SDK counts a space too (its own messages): the navigator never shows that number.
        mockSpaces.unread.set("!eng", 7);

        const snapshot = buildSnapshot(client, new HierarchyLoader(() => {}), {
            people: "People",
            other: "Other rooms",
        });
        expect(notificationCounts.mock.calls.map(([room]) => (room as Room).roomId)).toEqual(["!ops"]);
        expect(rollUpCounts(snapshot).get("!eng")).toEqual({ unread: 2, mentions: 0 });
        expect(visibleRows(snapshot, { expanded: new Set() })[0]).toMatchObject({ unread: 2 });
    });

    it("leaves out of People and Other rooms a room its successor replaced, as the SDK's visible rooms do", () => {
        mockSpaces.joined = [];
        const old = makeRoom("!old", "Old lunch");
        old.currentState.setStateEvents([
            state("!old", "m.room.tombstone", "", { body: "moved", replacement_room: "!new" }),
        ]);
        const upgraded = makeRoom("!new", "Lunch");
        upgraded.currentState.setStateEvents([
            state("!new", "m.room.create", "", { predecessor: { room_id: "!old" } }),
        ]);
        // A tombstone whose successor the client does not know: the old room stays, the only way in.
        const orphan = makeRoom("!orphan", "Orphan");
        orphan.currentState.setStateEvents([
            state("!orphan", "m.room.tombstone", "", { body: "moved", replacement_room: "!elsewhere" }),
        ]);

        const snapshot = buildSnapshot(client, new HierarchyLoader(() => {}), {
            people: "People",
            other: "Other rooms",
        });
        expect(snapshot.nodes.get(SECTION_IDS.other)!.children).toEqual(["!new", "!orphan"]);
        expect(snapshot.nodes.has("!old")).toBe(false);
    });

    it("keeps a tombstoned room that another room only claims as its predecessor (CVE-2025-59160)", () => {
        mockSpaces.joined = [];
        // The victim was upgraded to a room the client does not know; a forged room claims it.
        const victim = makeRoom("!victim", "Payroll");
        victim.currentState.setStateEvents([
            state("!victim", "m.room.tombstone", "", { body: "moved", replacement_room: "!real" }),
        ]);
        const bait = makeRoom("!bait", "Bait");
        bait.currentState.setStateEvents([
            state("!bait", "m.room.create", "", { predecessor: { room_id: "!victim" } }),
        ]);
        // A tombstone naming a known room that does not name it back hides nothing either.
        const other = makeRoom("!other", "Other");
        other.currentState.setStateEvents([
            state("!other", "m.room.tombstone", "", { body: "moved", replacement_room: "!bait" }),
        ]);

        const snapshot = buildSnapshot(client, new HierarchyLoader(() => {}), {
            people: "People",
            other: "Other rooms",
        });
        expect(snapshot.nodes.get(SECTION_IDS.other)!.children).toEqual(["!bait", "!other", "!victim"]);
    });
});
