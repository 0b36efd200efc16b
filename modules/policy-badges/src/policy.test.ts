import { readCatalogue } from "./catalogue";
import {
    computeBadges,
    evaluateRoom,
    forbiddenInvitees,
    mostImportantBadge,
    type RoomFacts,
    type RuleName,
} from "./policy";
import { catalogue, classified, facts, OTHER, OWN } from "./testFacts";

const rulesBroken = (room: RoomFacts): RuleName[] => evaluateRoom(room, catalogue).violations.map((v) => v.rule);

describe("classification and its trust", () => {
    it("uses the catalogue's default for an unclassified room", () => {
        const policy = evaluateRoom(facts(), catalogue);
        expect(policy.status).toBe("default");
        expect(policy.classification.id).toBe("internal");
    });

    it("trusts a record sent with the power, in a room created on the company's server", () => {
        const policy = evaluateRoom(facts(classified("confidential")), catalogue);
        expect(policy.status).toBe("verified");
        expect(policy.classification.id).toBe("confidential");
    });

    it("shows a classification in a room created on another server as unverified, judged by the default's rules", () => {
        const policy = evaluateRoom(facts({ ...classified("public"), creatorServer: OTHER }), catalogue);
        expect(policy.status).toBe("unverified");
        expect(policy.unverifiedReason).toBe("foreign-room");
        expect(policy.claimed?.id).toBe("public");
        expect(policy.classification.id).toBe("internal");
    });

    it("does not trust a room whose creator is unknown", () => {
        expect(evaluateRoom(facts({ ...classified("public"), creatorServer: null }), catalogue).status).toBe(
            "unverified",
        );
    });

    it("does not trust a record whose sender lacks the power", () => {
        const policy = evaluateRoom(facts(classified("public", false)), catalogue);
        expect([policy.status, policy.unverifiedReason]).toEqual(["unverified", "sender-lacks-power"]);
    });

    it.each([
        [{ id: "top-secret" }, "unknown-id"],
        [{ id: 42 }, "malformed"],
        ["confidential", "malformed"],
        [null, "malformed"],
        [["confidential"], "malformed"],
    ])("calls %j unverified (%s)", (content, reason) => {
        const policy = evaluateRoom(facts({ classification: { content, senderHasPower: true } }), catalogue);
        expect([policy.status, policy.unverifiedReason]).toEqual(["unverified", reason]);
    });

    it("treats an emptied record as unclassified", () => {
        expect(evaluateRoom(facts({ classification: { content: {}, senderHasPower: true } }), catalogue).status).toBe(
            "default",
        );
    });

    it("cannot tell the classification of a room not joined", () => {
        const policy = evaluateRoom(facts({ knowledge: "unknown" }), catalogue);
        expect(policy.status).toBe("unknown");
        expect(policy.violations).toEqual([]);
    });
});

describe("rules: classification × room state", () => {
    // [classification, room changes, rules broken]
    const cases: Array<[string, Partial<RoomFacts>, RuleName[]]> = [
        [
            "public",
            {
                encrypted: false,
                federate: true,
                joinRule: "public",
                guestAccess: "can_join",
                historyVisibility: "world_readable",
                memberServers: [OWN, OTHER],
            },
            [],
        ],
        ["internal", {}, []],
        ["internal", { memberServers: [OWN, OTHER] }, ["external-members"]],
        ["internal", { guestAccess: "can_join" }, ["guests"]],
        ["internal", { historyVisibility: "world_readable" }, ["history"]],
        ["internal", { historyVisibility: "shared", encrypted: false, federate: true, joinRule: "public" }, []],
        ["confidential", {}, []],
        ["confidential", { encrypted: false }, ["encryption"]],
        ["confidential", { joinRule: "public" }, ["join-rule"]],
        ["confidential", { federate: true }, []],
        ["confidential", { historyVisibility: "world_readable", guestAccess: "can_join" }, ["guests", "history"]],
        ["restricted", {}, []],
        ["restricted", { federate: true }, ["federation"]],
        ["restricted", { historyVisibility: "shared" }, ["history"]],
        ["restricted", { joinRule: "knock" }, ["join-rule"]],
        [
            "restricted",
            {
                encrypted: false,
                federate: true,
                memberServers: [OTHER],
                guestAccess: "can_join",
                historyVisibility: "world_readable",
                joinRule: "public",
            },
            ["encryption", "federation", "external-members", "guests", "history", "join-rule"],
        ],
        // Unknown values are judged as the widest: a room must not pass by saying something odd.
        ["restricted", { historyVisibility: "everyone!" }, ["history"]],
        ["restricted", { guestAccess: "maybe" }, ["guests"]],
        ["restricted", { joinRule: "open-sesame" }, ["join-rule"]],
        // What cannot be known breaks nothing.
        ["restricted", { knowledge: "preview", encrypted: null, federate: null, memberServers: null }, []],
    ];

    it.each(cases)("%s with %j breaks %j", (id, changes, expected) => {
        expect(rulesBroken(facts({ ...classified(id), ...changes }))).toEqual(expected);
    });

    it("offers a fix for encryption, guests, history and join rule, and none for federation or external members", () => {
        const room = facts({
            ...classified("restricted"),
            encrypted: false,
            federate: true,
            memberServers: [OTHER],
            guestAccess: "can_join",
            historyVisibility: "world_readable",
            joinRule: "public",
        });
        const fixes = Object.fromEntries(evaluateRoom(room, catalogue).violations.map((v) => [v.rule, v.fix]));
        expect(fixes).toEqual({
            encryption: { type: "m.room.encryption", content: { algorithm: "m.megolm.v1.aes-sha2" } },
            federation: null,
            "external-members": null,
            guests: { type: "m.room.guest_access", content: { guest_access: "forbidden" } },
            history: { type: "m.room.history_visibility", content: { history_visibility: "invited" } },
            "join-rule": { type: "m.room.join_rules", content: { join_rule: "invite" } },
        });
    });

    it("applies the default's rules to an unverified Public claim", () => {
        const room = facts({ ...classified("public"), creatorServer: OTHER, memberServers: [OWN, OTHER] });
        expect(rulesBroken(room)).toEqual(["external-members"]);
    });
});

describe("computed badges", () => {
    const kinds = (room: RoomFacts): string[] => computeBadges(room, catalogue).map((b) => b.kind);

    it("tells encryption, federation, join rule and history of a joined room", () => {
        expect(kinds(facts())).toEqual(["encrypted", "local-only", "join-rule", "history"]);
        expect(kinds(facts({ encrypted: false, federate: true }))).toEqual([
            "unencrypted",
            "federated",
            "join-rule",
            "history",
        ]);
    });

    it("says External when members from other servers are present, and counts the servers", () => {
        const badges = computeBadges(facts({ memberServers: [OWN, OTHER, "third.example", OTHER] }), catalogue);
        expect(badges[0]).toEqual({ kind: "external", tone: "caution", count: 2 });
    });

    it("shows guests, retention in days and an archive record sent with the power", () => {
        const room = facts({
            guestAccess: "can_join",
            retention: { max_lifetime: 30 * 86_400_000 },
            archive: { content: { archived: true, by: "@a:x" }, senderHasPower: true },
        });
        const badges = computeBadges(room, catalogue);
        expect(badges.map((b) => b.kind)).toEqual([
            "archived",
            "encrypted",
            "local-only",
            "join-rule",
            "guests",
            "history",
            "retention",
        ]);
        expect(badges.find((b) => b.kind === "retention")?.days).toBe(30);
    });

    it("ignores an archive record without power, an emptied one, and one that says not archived", () => {
        for (const archive of [
            { content: { archived: true }, senderHasPower: false },
            { content: {}, senderHasPower: true },
            { content: { archived: false }, senderHasPower: true },
        ]) {
            expect(kinds(facts({ archive }))).not.toContain("archived");
        }
    });

    it("turns unknown values into neutral badges naming no raw value", () => {
        const badges = computeBadges(facts({ joinRule: "<b>x</b>", historyVisibility: { evil: true } }), catalogue);
        expect(badges.find((b) => b.kind === "join-rule")).toEqual({
            kind: "join-rule",
            tone: "neutral",
            value: "other",
        });
        expect(badges.find((b) => b.kind === "history")).toEqual({ kind: "history", tone: "neutral", value: "other" });
    });

    it("marks what a preview cannot tell as unknown, and keeps what it can (the join rule)", () => {
        const preview = facts({
            knowledge: "preview",
            encrypted: null,
            federate: null,
            memberServers: null,
            joinRule: "public",
        });
        expect(kinds(preview)).toEqual(["join-rule", "unknown"]);
    });
});

describe("the compact badge and the invite warning", () => {
    it("puts a broken rule first, then what matters most", () => {
        expect(
            mostImportantBadge(evaluateRoom(facts({ ...classified("confidential"), encrypted: false }), catalogue)),
        ).toMatchObject({
            rule: "encryption",
        });
        expect(
            mostImportantBadge(evaluateRoom(facts({ ...classified("public"), memberServers: [OTHER] }), catalogue)),
        ).toMatchObject({
            kind: "external",
        });
        expect(mostImportantBadge(evaluateRoom(facts(classified("confidential")), catalogue))).toBeNull();
    });

    it("names the invitees from other servers when the classification forbids external members", () => {
        const restricted = evaluateRoom(facts(classified("restricted")), catalogue);
        expect(forbiddenInvitees([`@a:${OWN}`, `@b:${OTHER}`, "nonsense"], restricted, catalogue)).toEqual([
            `@b:${OTHER}`,
        ]);
        const open = evaluateRoom(facts(classified("public")), catalogue);
        expect(forbiddenInvitees([`@b:${OTHER}`], open, catalogue)).toEqual([]);
    });

    it("counts the signed-in user's server as the company's when the config names none", () => {
        const own = readCatalogue({}, "home.example").catalogue;
        expect(own.ownServers).toEqual(["home.example"]);
    });
});
