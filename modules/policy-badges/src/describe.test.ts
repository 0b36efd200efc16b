// The words shown for what the rules found, in the module's real English strings. Filled in here as
// i18next does ({{name}} replaced, an unknown key shown as itself), without loading the app's i18n:
// mutation testing runs this file for every mutant of describe.ts and catalogue.ts.
import { policyBadgesStrings } from "../i18n/strings";
import { readCatalogue } from "./catalogue";
import { describeBadge, describeClassification, describeViolation } from "./describe";
import { evaluateRoom, type Badge, type RoomFacts, type RoomPolicy } from "./policy";
import type { Translate } from "./strings";
import { catalogue, classified, facts, OTHER } from "./testFacts";

const english: Record<string, string> = policyBadgesStrings.en;
const t: Translate = (key, options = {}) =>
    (english[key] ?? key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(options[name]));

const policyOf = (changes: Partial<RoomFacts>): RoomPolicy => evaluateRoom(facts(changes), catalogue);

describe("describeBadge", () => {
    it.each<[Badge, string, string]>([
        [{ kind: "join-rule", tone: "caution", value: "public" }, "Join: anyone", "Who may join: anyone."],
        [
            { kind: "join-rule", tone: "neutral" },
            "Join: a rule Atrium does not know",
            "Who may join: a rule Atrium does not know.",
        ],
        [
            { kind: "history", tone: "info", value: "shared" },
            "History: all members",
            "Who can read past messages: all members.",
        ],
        [
            { kind: "retention", tone: "info", days: 30 },
            "Retention: 30 d",
            "Messages older than the retention limit are deleted (limit: 30 d).",
        ],
        [
            { kind: "external", tone: "caution", count: 2 },
            "External",
            "Members from other servers are in this room (servers: 2).",
        ],
        [{ kind: "guests", tone: "caution", value: "can_join" }, "Guests", "Guest accounts may join this room."],
        [{ kind: "guests", tone: "neutral", value: "other" }, "Guests", "Guests: a setting Atrium does not know"],
        [
            { kind: "encrypted", tone: "good" },
            "Encrypted",
            "Messages are end-to-end encrypted: only members' devices can read them.",
        ],
        [{ kind: "archived", tone: "info" }, "Archived", "This room is archived."],
    ])("%j reads %j", (badge, text, explanation) => {
        expect(describeBadge(badge, t)).toEqual({ text, explanation });
    });
});

describe("describeViolation", () => {
    it("names the rule and the widest history allowed, and offers the fix", () => {
        expect(
            describeViolation(
                { rule: "history", allowed: "invited", fix: { type: "m.room.history_visibility", content: {} } },
                t,
                "Restricted",
            ),
        ).toEqual({
            text: "Breaks its classification: history must not be visible wider than members, from when they were invited",
            explanation:
                "The rules for Restricted rooms say: history must not be visible wider than members, from when they were invited. " +
                "Those with the power can fix it in one click.",
        });
    });

    it("says what to do by hand when no event can fix it", () => {
        expect(describeViolation({ rule: "federation", fix: null }, t, "Restricted")).toEqual({
            text: "Breaks its classification: must not be open to other servers",
            explanation:
                "The rules for Restricted rooms say: must not be open to other servers. " +
                "Whether a room is open to other servers is fixed when it is created: make a new room to change it.",
        });
    });
});

describe("describeClassification", () => {
    it("names a verified classification and explains it in the language asked", () => {
        expect(describeClassification(policyOf(classified("restricted")), t, "de")).toEqual({
            text: "Streng vertraulich",
            explanation:
                "Classification: Streng vertraulich. Nur ein benannter Kreis: verschlüsselt, nur auf Einladung, nie für andere Server.",
        });
    });

    it("says when the classification is only the default", () => {
        expect(describeClassification(policyOf({}), t, "en")).toEqual({
            text: "Internal",
            explanation: "Internal (default: not classified yet). For people of the company only.",
        });
    });

    it("gives the name alone for a classification without a description", () => {
        const bare = readCatalogue({ classifications: [{ id: "bare", label: { en: "Bare" } }] }, OTHER).catalogue;
        const policy = evaluateRoom(facts({ ...classified("bare"), creatorServer: OTHER }), bare);
        expect(describeClassification(policy, t, "en")).toEqual({ text: "Bare", explanation: "Classification: Bare" });
    });

    it("cannot tell for a room not joined", () => {
        expect(describeClassification(policyOf({ knowledge: "unknown" }), t, "en")).toEqual({
            text: "Unknown",
            explanation: "You have not joined this room: its encryption, members and settings cannot be checked.",
        });
    });

    it("names the foreign server a claimed classification comes from, cleaned, and the rules that apply", () => {
        const policy = policyOf({ ...classified("public"), creatorServer: "evil.example\u202e" });
        expect(describeClassification(policy, t, "en")).toEqual({
            text: "Unverified: Public",
            explanation:
                "This room was created on evil.example, not on the company's servers: its classification cannot be trusted. " +
                "The rules of Internal apply.",
        });
    });

    it("says the origin is unknown when the creator's server is", () => {
        const policy = policyOf({ ...classified("public"), creatorServer: null });
        expect(describeClassification(policy, t, "en").explanation).toBe(
            "This room's origin is unknown: its classification cannot be trusted. The rules of Internal apply.",
        );
    });

    it("explains the other reasons not to trust a record", () => {
        expect(describeClassification(policyOf(classified("public", false)), t, "en")).toEqual({
            text: "Unverified: Public",
            explanation:
                "The classification was set by someone without the power to set it. The rules of Internal apply.",
        });
        expect(describeClassification(policyOf(classified("top-secret")), t, "en")).toEqual({
            text: "Unverified",
            explanation: "The classification names nothing in the company's catalogue. The rules of Internal apply.",
        });
    });

    it("calls an unverified record without a reason malformed", () => {
        const policy: RoomPolicy = { ...policyOf({}), status: "unverified" };
        expect(describeClassification(policy, t, "en")).toEqual({
            text: "Unverified",
            explanation: "The classification record is malformed. The rules of Internal apply.",
        });
    });
});
