import fc from "fast-check";

import { archivedPowerLevels, levelDifferences, restorePlan, type PowerLevelsContent } from "./powerLevels";

const TYPICAL: PowerLevelsContent = {
    users: { "@admin:hs": 100, "@mod:hs": 50 },
    users_default: 0,
    events: { "m.room.name": 50, "m.room.power_levels": 100, "m.room.history_visibility": 100, "m.reaction": 0 },
    events_default: 0,
    state_default: 50,
    ban: 50,
    kick: 50,
    redact: 50,
    invite: 0,
    notifications: { room: 50 },
    historical: 100,
};

describe("archivedPowerLevels", () => {
    it("raises what members need to write, and nothing else", () => {
        const archived = archivedPowerLevels(TYPICAL, 100);
        expect(archived).toEqual({
            ...TYPICAL,
            events: {
                "m.room.name": 100,
                "m.room.power_levels": 100,
                "m.room.history_visibility": 100,
                "m.reaction": 100,
            },
            events_default: 100,
            state_default: 100,
            redact: 100,
            invite: 100,
        });
        expect(archived.users).toEqual(TYPICAL.users);
        expect(archived.kick).toBe(50);
        expect(archived.notifications).toEqual({ room: 50 });
    });

    it("never lowers a level already above the archive's", () => {
        const archived = archivedPowerLevels({ events_default: 80, events: { "m.room.tombstone": 150 } }, 50);
        expect(archived.events_default).toBe(80);
        expect((archived.events as Record<string, number>)["m.room.tombstone"]).toBe(150);
    });

    it("writes the spec's defaults explicitly raised when the content is silent", () => {
        expect(archivedPowerLevels({}, 100)).toEqual({
            events_default: 100,
            state_default: 100,
            invite: 100,
            redact: 100,
        });
        expect(archivedPowerLevels({}, 30)).toEqual({ events_default: 30, state_default: 50, invite: 30, redact: 50 });
    });

    it("leaves the original untouched", () => {
        const original = JSON.parse(JSON.stringify(TYPICAL));
        archivedPowerLevels(original, 100);
        expect(original).toEqual(TYPICAL);
    });

    it("treats malformed values as absent and keeps hostile keys as own data", () => {
        const hostile = JSON.parse(
            '{"events_default":"0","events":{"__proto__":1,"x":"5","y":null},"__proto__":{"polluted":1}}',
        );
        const archived = archivedPowerLevels(hostile, 100);
        expect(archived.events_default).toBe(100);
        expect(Object.getOwnPropertyNames(archived.events)).toEqual(["__proto__", "x", "y"]);
        expect(Object.getOwnPropertyDescriptor(archived.events, "__proto__")?.value).toBe(100);
        expect((archived.events as Record<string, unknown>).x).toBe("5");
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.getPrototypeOf(archived)).toBe(Object.prototype);
    });

    it("refuses a level that is not an integer, naming it", () => {
        expect(() => archivedPowerLevels(TYPICAL, Number.NaN)).toThrow(RangeError);
        expect(() => archivedPowerLevels(TYPICAL, 1.5)).toThrow("An archive level must be an integer, not 1.5");
    });

    it("takes a level written as text as absent, however high it reads", () => {
        expect(archivedPowerLevels({ state_default: "500", invite: "7" }, 100)).toMatchObject({
            state_default: 100,
            invite: 100,
        });
    });

    it("shares nothing with the original: changing the result leaves it as it was", () => {
        const original = { extra: [{ deep: 1 }], notifications: { room: 50 } };
        const archived = archivedPowerLevels(original, 100) as { extra: { deep: number }[] };
        archived.extra[0].deep = 2;
        archived.extra.push({ deep: 3 });
        expect(original.extra).toEqual([{ deep: 1 }]);
    });

    it("sends every key as plain, visible JSON", () => {
        const archived = archivedPowerLevels({ users: { "@a:hs": 100 }, kick: 50 }, 100);
        expect(JSON.parse(JSON.stringify(archived))).toEqual({
            users: { "@a:hs": 100 },
            kick: 50,
            events_default: 100,
            state_default: 100,
            invite: 100,
            redact: 100,
        });
    });
});

describe("levelDifferences", () => {
    it("lists changes in a stable order: by key, a key before the keys inside it, inner keys in order", () => {
        const from = { users: 5, notifications: { room: 50, "@room": 50 }, ban: 50, zeta: 1 };
        const to = { users: { "@b:hs": 1, "@a:hs": 1 }, notifications: { room: 0, "@room": 0 }, ban: 0, zeta: 2 };
        expect(levelDifferences(from, to).map((c) => c.path)).toEqual([
            ["ban"],
            ["notifications", "@room"],
            ["notifications", "room"],
            ["users"],
            ["users", "@a:hs"],
            ["users", "@b:hs"],
            ["zeta"],
        ]);
        expect(levelDifferences(to, from).map((c) => c.path)).toEqual([
            ["ban"],
            ["notifications", "@room"],
            ["notifications", "room"],
            ["users"],
            ["users", "@a:hs"],
            ["users", "@b:hs"],
            ["zeta"],
        ]);
    });

    it("orders many keys inside one key, whatever order the content gives them in", () => {
        const users = ["@d:hs", "@a:hs", "@c:hs", "@b:hs", "@e:hs"];
        const promoted = Object.fromEntries(users.map((user) => [user, 100]));
        expect(levelDifferences({}, { users: promoted }).map((c) => c.path[1])).toEqual([
            "@a:hs",
            "@b:hs",
            "@c:hs",
            "@d:hs",
            "@e:hs",
        ]);
    });

    it("reads content that is no object as empty", () => {
        expect(levelDifferences("x" as unknown as PowerLevelsContent, { ban: 50 })).toEqual([
            { path: ["ban"], from: undefined, to: 50 },
        ]);
    });
});

describe("restorePlan", () => {
    it("gives back the original exactly when nothing changed while archived", () => {
        const archived = archivedPowerLevels(TYPICAL, 100);
        const plan = restorePlan(TYPICAL, archived, archived);
        expect(plan.restored).toEqual(TYPICAL);
        expect(JSON.stringify(plan.restored)).toBe(JSON.stringify(TYPICAL));
        expect(plan.changedWhileArchived).toEqual([]);
        expect(plan.changes.map((c) => c.path)).toEqual(
            expect.arrayContaining([["events_default"], ["events", "m.reaction"], ["invite"]]),
        );
    });

    it("keeps a promotion made while archived, and says so", () => {
        const archived = archivedPowerLevels(TYPICAL, 100);
        const current = { ...archived, users: { ...(archived.users as object), "@new:hs": 100 } };
        const plan = restorePlan(TYPICAL, archived, current);
        expect(plan.restored).toEqual({ ...TYPICAL, users: { ...(TYPICAL.users as object), "@new:hs": 100 } });
        expect(plan.changedWhileArchived).toEqual([{ path: ["users", "@new:hs"], from: undefined, to: 100 }]);
        expect(plan.changes).not.toContainEqual(expect.objectContaining({ path: ["users", "@new:hs"] }));
    });

    it("keeps a demotion and a removed key made while archived", () => {
        const archived = archivedPowerLevels(TYPICAL, 100);
        const current = JSON.parse(JSON.stringify(archived));
        delete current.users["@mod:hs"];
        current.events_default = 60;
        delete current.historical;
        const plan = restorePlan(TYPICAL, archived, current);
        expect(plan.restored.users).toEqual({ "@admin:hs": 100 });
        expect(plan.restored.events_default).toBe(60);
        expect(Object.hasOwn(plan.restored, "historical")).toBe(false);
        expect(plan.changedWhileArchived).toHaveLength(3);
        expect(plan.changes).toContainEqual({ path: ["invite"], from: 100, to: 0 });
    });

    it("copes with a value that turned from a number into an object while archived", () => {
        const original = { users: 5 } as PowerLevelsContent;
        const archived = archivedPowerLevels(original, 100);
        const current = { ...archived, users: { "@a:hs": 100 } };
        expect(restorePlan(original, archived, current).restored.users).toEqual({ "@a:hs": 100 });
        const back = restorePlan({ users: { "@a:hs": 1 } }, archivedPowerLevels({ users: { "@a:hs": 1 } }, 100), {
            ...archivedPowerLevels({ users: { "@a:hs": 1 } }, 100),
            users: 7,
        });
        expect(back.restored.users).toBe(7);
    });

    const level = fc.integer({ min: -1000, max: 1000 });
    const levelsMap = fc.dictionary(
        fc.string({ maxLength: 12 }),
        fc.oneof(level, fc.constant(null), fc.string({ maxLength: 3 })),
        {
            maxKeys: 6,
        },
    );
    const content = fc.record(
        {
            users: levelsMap,
            events: levelsMap,
            users_default: level,
            events_default: fc.oneof(level, fc.string()),
            state_default: level,
            invite: level,
            redact: level,
            kick: level,
            notifications: levelsMap,
            extra: fc.jsonValue(),
        },
        { requiredKeys: [] },
    );

    it("restores any content exactly after an archive that nobody touched (property)", () => {
        fc.assert(
            fc.property(content, fc.integer({ min: 1, max: 1000 }), (original, archiveLevel) => {
                const json = JSON.parse(JSON.stringify(original));
                const archived = archivedPowerLevels(json, archiveLevel);
                expect(restorePlan(json, archived, JSON.parse(JSON.stringify(archived))).restored).toEqual(json);
            }),
        );
    });

    it("loses no change made while archived and lists every change restoring makes (property)", () => {
        fc.assert(
            fc.property(content, content, fc.integer({ min: 1, max: 1000 }), (original, edit, archiveLevel) => {
                const archived = archivedPowerLevels(original, archiveLevel);
                const current = JSON.parse(JSON.stringify({ ...archived, ...edit }));
                const plan = restorePlan(original, archived, current);
                for (const change of plan.changedWhileArchived) {
                    expect(levelDifferences(current, plan.restored)).not.toContainEqual(
                        expect.objectContaining({ path: change.path }),
                    );
                }
                // Applying the listed changes to the levels now yields exactly what is sent.
                expect(levelDifferences(current, plan.restored)).toEqual(plan.changes);
            }),
        );
    });
});
