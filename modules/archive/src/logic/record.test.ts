import fc from "fast-check";
import { powerLevelsOf } from "@atrium/sdk";

import {
    ARCHIVE_EVENT_TYPE,
    archiveRecordContent,
    readArchiveRecord,
    recordCounts,
    type ArchiveRecord,
} from "./record";

const GOOD = {
    content: { reason: "Project ended", replaced_event_id: "$abc:hs", level: 100 },
    sender: "@admin:hs",
    ts: 1_700_000_000_000,
    eventId: "$record",
};

describe("readArchiveRecord", () => {
    it("reads a well-formed record, taking who and when from the event, not its content", () => {
        const reading = readArchiveRecord({ ...GOOD, content: { ...GOOD.content, by: "@someone:else", at: 1 } });
        expect(reading).toEqual({
            kind: "archived",
            record: {
                by: "@admin:hs",
                at: GOOD.ts,
                reason: "Project ended",
                replacedEventId: "$abc:hs",
                level: 100,
                eventId: "$record",
            },
        });
    });

    it("takes no record and an empty record (a restore) as not archived", () => {
        expect(readArchiveRecord(null)).toEqual({ kind: "none" });
        expect(readArchiveRecord({ ...GOOD, content: {} })).toEqual({ kind: "none" });
    });

    it("accepts a missing reason as empty", () => {
        const reading = readArchiveRecord({ ...GOOD, content: { replaced_event_id: "$abc", level: 50 } });
        expect(reading.kind === "archived" && reading.record.reason).toBe("");
    });

    it.each([
        ["content not an object", "nope"],
        ["content an array", [1, 2]],
        ["content null", null],
        ["reason a number", { ...GOOD.content, reason: 5 }],
        ["reason too long", { ...GOOD.content, reason: "x".repeat(1001) }],
        ["no replaced event", { reason: "r", level: 100 }],
        ["replaced event without $", { ...GOOD.content, replaced_event_id: "abc" }],
        ["replaced event with spaces", { ...GOOD.content, replaced_event_id: "$a b" }],
        ["replaced event too long", { ...GOOD.content, replaced_event_id: "$" + "a".repeat(300) }],
        ["level a string", { ...GOOD.content, level: "100" }],
        ["level fractional", { ...GOOD.content, level: 99.5 }],
        ["level huge", { ...GOOD.content, level: 2 ** 60 }],
        ["level inherited only", Object.create({ level: 100, replaced_event_id: "$a" })],
    ])("ignores a record with %s", (_why, content) => {
        expect(readArchiveRecord({ ...GOOD, content }).kind).not.toBe("archived");
    });

    it.each([
        ["no sender", { ...GOOD, sender: undefined }],
        ["a sender that is no user ID", { ...GOOD, sender: "admin" }],
        ["a negative time", { ...GOOD, ts: -1 }],
        ["no event ID", { ...GOOD, eventId: "" }],
    ])("ignores a record with %s", (_why, entry) => {
        expect(readArchiveRecord(entry).kind).toBe("invalid");
    });

    it("never throws and never reads archived from hostile content (property)", () => {
        fc.assert(
            fc.property(fc.anything(), fc.anything(), fc.anything(), fc.anything(), (content, sender, ts, eventId) => {
                const reading = readArchiveRecord({ content, sender, ts, eventId });
                if (reading.kind === "archived") {
                    expect(typeof reading.record.replacedEventId).toBe("string");
                    expect(reading.record.replacedEventId.startsWith("$")).toBe(true);
                    expect(Number.isSafeInteger(reading.record.level)).toBe(true);
                    expect(reading.record.by).toBe(sender);
                }
            }),
        );
    });

    it("reads what archiveRecordContent writes", () => {
        const content = archiveRecordContent("  Done  ", "$pl", 100);
        expect(readArchiveRecord({ ...GOOD, content })).toMatchObject({
            kind: "archived",
            record: { reason: "Done", level: 100 },
        });
        expect(() => archiveRecordContent("x".repeat(1001), "$pl", 100)).toThrow(RangeError);
        expect(() => archiveRecordContent("", "pl", 100)).toThrow(RangeError);
    });
});

describe("readArchiveRecord's reasons", () => {
    it.each<[string, Partial<typeof GOOD>, string]>([
        [
            "content that is no object",
            { content: "archived" as unknown as typeof GOOD.content },
            "content is not an object",
        ],
        ["a reason that is no text", { content: { ...GOOD.content, reason: 5 as unknown as string } }, "reason"],
        ["a reason one character too long", { content: { ...GOOD.content, reason: "x".repeat(1001) } }, "reason"],
        [
            "a replaced event given as a list",
            { content: { ...GOOD.content, replaced_event_id: ["$abc:hs"] as unknown as string } },
            "replaced_event_id",
        ],
        ["a level given as text", { content: { ...GOOD.content, level: "100" as unknown as number } }, "level"],
        ["a sender given as a list", { sender: ["@admin:hs"] as unknown as string }, "sender"],
        ["a time given as text", { ts: "1700000000000" as unknown as number }, "timestamp"],
        ["an endless time", { ts: Infinity }, "timestamp"],
        ["an event ID that is no text", { eventId: 42 as unknown as string }, "event ID"],
    ])("calls a record with %s invalid, saying why", (_what, change, why) => {
        expect(readArchiveRecord({ ...GOOD, ...change })).toEqual({ kind: "invalid", why });
    });

    it("accepts a reason of exactly 1000 characters and a time of 0", () => {
        expect(readArchiveRecord({ ...GOOD, content: { ...GOOD.content, reason: "x".repeat(1000) } }).kind).toBe(
            "archived",
        );
        expect(readArchiveRecord({ ...GOOD, ts: 0 }).kind).toBe("archived");
    });
});

describe("archiveRecordContent's refusals", () => {
    it("takes a reason of up to 1000 characters once trimmed, and says so beyond", () => {
        expect(archiveRecordContent(` ${"x".repeat(1000)} `, "$pl", 100).reason).toHaveLength(1000);
        expect(() => archiveRecordContent("x".repeat(1001), "$pl", 100)).toThrow("A reason is at most 1000 characters");
    });

    it("names what else is wrong", () => {
        expect(() => archiveRecordContent("", "pl", 100)).toThrow("Not an event ID");
        expect(() => archiveRecordContent("", "$pl", 1.5)).toThrow("An archive level must be an integer");
        expect(() => archiveRecordContent("", "$pl", Number.NaN)).toThrow(RangeError);
    });
});

describe("recordCounts", () => {
    const record: ArchiveRecord = {
        by: "@admin:hs",
        at: 1,
        reason: "",
        replacedEventId: "$pl",
        level: 100,
        eventId: "$r",
    };
    const levels = powerLevelsOf({
        users: { "@admin:hs": 100, "@mod:hs": 50 },
        state_default: 50,
        events_default: 100,
    });

    it("counts a record by an admin under both the levels now and the replaced ones", () => {
        expect(recordCounts(record, 100, levels, levels)).toBe(true);
    });

    it("ignores a moderator's record in a room whose state_default let them send it", () => {
        const low = powerLevelsOf({ users: { "@mod:hs": 50 }, state_default: 0 });
        expect(recordCounts({ ...record, by: "@mod:hs" }, 100, low, low)).toBe(false);
    });

    it("ignores a record whose sender has been demoted since", () => {
        const now = powerLevelsOf({ users: { "@admin:hs": 10 }, state_default: 0 });
        expect(recordCounts(record, 100, now, levels)).toBe(false);
    });

    it("ignores a record pointing at old levels under which its sender was no admin", () => {
        const before = powerLevelsOf({ users: { "@admin:hs": 0 } });
        expect(recordCounts(record, 100, levels, before)).toBe(false);
    });

    it("ignores a record whose replaced levels cannot be read", () => {
        expect(recordCounts(record, 100, levels, null)).toBe(false);
    });

    it("needs the level the record type itself requires", () => {
        const strict = powerLevelsOf({ users: { "@admin:hs": 100 }, events: { [ARCHIVE_EVENT_TYPE]: 150 } });
        expect(recordCounts(record, 100, strict, strict)).toBe(false);
    });

    it("counts a room version 12 creator, who holds unlimited power outside `users`", () => {
        const noUsers = powerLevelsOf({ users: { "@mod:hs": 50 }, state_default: 50 });
        const creator = { ...record, by: "@creator:hs" };
        expect(recordCounts(creator, 100, noUsers, noUsers)).toBe(false);
        expect(recordCounts(creator, 100, noUsers, noUsers, ["@creator:hs"])).toBe(true);
        expect(recordCounts({ ...record, by: "@mod:hs" }, 100, noUsers, noUsers, ["@creator:hs"])).toBe(false);
        expect(recordCounts(creator, 100, noUsers, null, ["@creator:hs"])).toBe(false);
    });

    it("ignores a record that raised no level, and counts one that raised it to 1", () => {
        expect(recordCounts({ ...record, level: 0 }, 100, levels, levels)).toBe(false);
        expect(recordCounts({ ...record, level: -5 }, 100, levels, levels)).toBe(false);
        expect(recordCounts({ ...record, level: 1 }, 100, levels, levels)).toBe(true);
    });

    it("follows the configured level", () => {
        const mod = { ...record, by: "@mod:hs" };
        expect(recordCounts(mod, 50, levels, levels)).toBe(true);
        expect(recordCounts(mod, 51, levels, levels)).toBe(false);
    });
});
