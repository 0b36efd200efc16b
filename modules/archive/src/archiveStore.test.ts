import { archiveStore, PERSONAL_TAG } from "./archiveStore";
import { archiveForMe, archiveRoom, mayManageArchive, planRestore, restoreRoom } from "./actions";
import { addRoom, notifyingEvent, putState, resetWorld, world } from "./testing/fakeSdk";

jest.mock("@atrium/sdk", () => ({
    ...jest.requireActual("@atrium/sdk"),
    ...jest.requireActual("./testing/fakeSdk").fakeSdk,
}));

const LEVELS = {
    users: { "@admin:hs": 100, "@mod:hs": 50, "@member:hs": 0 },
    events: { "m.room.name": 50, "m.room.power_levels": 100 },
    events_default: 0,
    state_default: 50,
    invite: 0,
    redact: 50,
};

const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Makes the store start over for a fresh world: a new "user" signs in. */
async function signInFresh(): Promise<void> {
    world.me = null;
    archiveStore.ensureWatching();
    world.me = "@admin:hs";
    archiveStore.ensureWatching();
    await flush();
}

describe("the archive store and actions", () => {
    beforeEach(async () => {
        resetWorld();
        addRoom("!r:hs", "Plans", LEVELS);
        await signInFresh();
    });

    it("archives: raises the levels, then records who, why and the replaced event; the room is hidden", async () => {
        const replaced = world.rooms.get("!r:hs")!.state.get("m.room.power_levels\n")!.eventId;
        await archiveRoom("!r:hs", "  Done  ");
        expect(world.sent.map((s) => s.type)).toEqual(["m.room.power_levels", "org.atrium.archive"]);
        expect(world.sent[0].content).toMatchObject({
            events_default: 100,
            state_default: 100,
            invite: 100,
            redact: 100,
        });
        expect(world.sent[1].content).toEqual({ reason: "Done", replaced_event_id: replaced, level: 100 });
        expect(archiveStore.policyRecord("!r:hs")).toMatchObject({ by: "@admin:hs", reason: "Done" });
        expect(archiveStore.isHidden("!r:hs")).toBe(true);
        await expect(archiveRoom("!r:hs", "again")).rejects.toMatchObject({ reason: "already_archived" });
    });

    it("puts the levels back when the record cannot be sent", async () => {
        const before = world.rooms.get("!r:hs")!.state.get("m.room.power_levels\n")!.content;
        const { sendStateEvent } = jest.requireMock("@atrium/sdk") as { sendStateEvent: jest.Mock };
        sendStateEvent.mockImplementationOnce(
            async (roomId: string, type: string, content: Record<string, unknown>) => {
                world.sent.push({ roomId, type, content });
                return putState(roomId, type, content, "@admin:hs");
            },
        );
        sendStateEvent.mockImplementationOnce(async () => {
            throw new Error("M_FORBIDDEN");
        });
        await expect(archiveRoom("!r:hs", "x")).rejects.toThrow("M_FORBIDDEN");
        expect(world.rooms.get("!r:hs")!.state.get("m.room.power_levels\n")!.content).toEqual(before);
        expect(archiveStore.isHidden("!r:hs")).toBe(false);
    });

    it("restores exactly the replaced levels and clears the record", async () => {
        await archiveRoom("!r:hs", "Done");
        const plan = await planRestore("!r:hs");
        expect(plan.changedWhileArchived).toEqual([]);
        await restoreRoom("!r:hs", plan);
        expect(world.rooms.get("!r:hs")!.state.get("m.room.power_levels\n")!.content).toEqual(LEVELS);
        expect(world.rooms.get("!r:hs")!.state.get("org.atrium.archive\n")!.content).toEqual({});
        expect(archiveStore.isHidden("!r:hs")).toBe(false);
    });

    it("shows a promotion made while archived in the plan and keeps it", async () => {
        await archiveRoom("!r:hs", "Done");
        const archived = world.rooms.get("!r:hs")!.state.get("m.room.power_levels\n")!.content as typeof LEVELS;
        putState(
            "!r:hs",
            "m.room.power_levels",
            { ...archived, users: { ...archived.users, "@new:hs": 100 } },
            "@admin:hs",
        );
        await flush();
        const plan = await planRestore("!r:hs");
        expect(plan.changedWhileArchived).toEqual([{ path: ["users", "@new:hs"], from: undefined, to: 100 }]);
        expect((plan.restored.users as Record<string, number>)["@new:hs"]).toBe(100);
    });

    it("ignores a moderator's record in a room whose state_default let them send it", async () => {
        addRoom("!loose:hs", "Loose", { ...LEVELS, state_default: 0 });
        const replaced = world.rooms.get("!loose:hs")!.state.get("m.room.power_levels\n")!.eventId;
        putState(
            "!loose:hs",
            "org.atrium.archive",
            { reason: "forged", replaced_event_id: replaced, level: 100 },
            "@mod:hs",
        );
        await flush();
        expect(archiveStore.policyRecord("!loose:hs")).toBeNull();
        expect(archiveStore.isHidden("!loose:hs")).toBe(false);
    });

    it.each([
        ["points at no event", { reason: "r", replaced_event_id: "$nowhere", level: 100 }],
        ["points at an event that is no power-levels event", { reason: "r", replaced_event_id: "$NAME", level: 100 }],
        ["is malformed", { reason: 5, replaced_event_id: "$e1", level: 100 }],
        ["is hostile", JSON.parse('{"__proto__":{"level":100},"replaced_event_id":"$e1"}')],
    ])("ignores an admin's record that %s", async (_why, content) => {
        const nameEvent = putState("!r:hs", "m.room.name", { name: "Plans" }, "@admin:hs");
        putState(
            "!r:hs",
            "org.atrium.archive",
            JSON.parse(JSON.stringify(content).replace("$NAME", nameEvent)),
            "@admin:hs",
        );
        await flush();
        expect(archiveStore.isHidden("!r:hs")).toBe(false);
    });

    it("lets a room version 12 creator, absent from `users`, archive and restore", async () => {
        addRoom("!v12:hs", "New room", { users: { "@mod:hs": 50 }, state_default: 50 });
        world.me = "@creator:hs";
        expect(mayManageArchive("!v12:hs")).toBe(false);
        world.creators.set("!v12:hs", ["@creator:hs"]);
        expect(mayManageArchive("!v12:hs")).toBe(true);
        world.me = "@admin:hs";
    });

    it("lets only those with the configured level manage the archive", () => {
        expect(mayManageArchive("!r:hs")).toBe(true);
        world.me = "@mod:hs";
        expect(mayManageArchive("!r:hs")).toBe(false);
        world.me = "@admin:hs";
    });

    it("archives for me with our tag and brings the room back on a newer notifying event only", async () => {
        await archiveForMe("!r:hs");
        const at = (world.rooms.get("!r:hs")!.tags[PERSONAL_TAG] as { at: number }).at;
        expect(archiveStore.isHidden("!r:hs")).toBe(true);
        notifyingEvent("!r:hs", at - 1000);
        await flush();
        expect(archiveStore.isHidden("!r:hs")).toBe(true);
        notifyingEvent("!r:hs", at + 1000);
        await flush();
        expect(world.rooms.get("!r:hs")!.tags).toEqual({});
        expect(archiveStore.isHidden("!r:hs")).toBe(false);
    });

    it("lists archived rooms of both kinds", async () => {
        addRoom("!p:hs", "Personal", LEVELS);
        await archiveForMe("!p:hs");
        await archiveRoom("!r:hs", "Done");
        const listed = archiveStore.archivedRooms();
        expect(listed.map((room) => [room.roomId, !!room.policy, !!room.personal])).toEqual([
            ["!r:hs", true, false],
            ["!p:hs", false, true],
        ]);
    });
});
