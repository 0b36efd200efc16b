import { readCatalogue } from "./catalogue";
import {
    ARCHIVE_EVENT,
    CLASSIFICATION_EVENT,
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
        ["confidential", { memberServers: [OWN, OTHER] }, ["external-members"]],
        ["confidential", { joinRule: "knock" }, []],
        ["confidential", { joinRule: "restricted" }, []],
        ["confidential", { joinRule: "knock_restricted" }, []],
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

describe("badges' tones and what a room leaves unsaid", () => {
    const badges = (changes: Partial<RoomFacts>) => computeBadges(facts(changes), catalogue);

    it("gives each badge of a well-kept room a good or informative tone", () => {
        expect(badges({})).toEqual([
            { kind: "encrypted", tone: "good" },
            { kind: "local-only", tone: "good" },
            { kind: "join-rule", tone: "info", value: "invite" },
            { kind: "history", tone: "info", value: "joined" },
        ]);
    });

    it("marks what opens a room up as a caution, and the archive and retention as information", () => {
        expect(
            badges({
                encrypted: false,
                federate: true,
                joinRule: "public",
                guestAccess: "can_join",
                historyVisibility: "world_readable",
                retention: { max_lifetime: 7 * 86_400_000 },
                archive: { content: { archived: true }, senderHasPower: true },
            }),
        ).toEqual([
            { kind: "archived", tone: "info" },
            { kind: "unencrypted", tone: "caution" },
            { kind: "federated", tone: "info" },
            { kind: "join-rule", tone: "caution", value: "public" },
            { kind: "guests", tone: "caution", value: "can_join" },
            { kind: "history", tone: "caution", value: "world_readable" },
            { kind: "retention", tone: "info", days: 7 },
        ]);
    });

    it("shows an unknown guest access as a neutral guests badge", () => {
        expect(badges({ guestAccess: "sometimes" }).find((b) => b.kind === "guests")).toEqual({
            kind: "guests",
            tone: "neutral",
            value: "other",
        });
    });

    it("reads a missing guest access as forbidden and a missing history visibility as shared", () => {
        const kinds = badges({ guestAccess: undefined, historyVisibility: null });
        expect(kinds.find((b) => b.kind === "guests")).toBeUndefined();
        expect(kinds.find((b) => b.kind === "history")).toEqual({ kind: "history", tone: "info", value: "shared" });
        expect(
            rulesBroken(facts({ ...classified("internal"), guestAccess: null, historyVisibility: undefined })),
        ).toEqual([]);
        expect(rulesBroken(facts({ ...classified("restricted"), historyVisibility: null }))).toEqual(["history"]);
    });

    it("shows no join rule badge when the join rule is not known", () => {
        for (const joinRule of [null, undefined]) {
            expect(badges({ joinRule }).map((b) => b.kind)).not.toContain("join-rule");
        }
    });

    it("says Unknown, neutral, for a room not joined", () => {
        expect(computeBadges(facts({ knowledge: "unknown", joinRule: null }), catalogue)).toContainEqual({
            kind: "unknown",
            tone: "neutral",
        });
    });

    it("shows retention only for a positive, finite number of milliseconds, and at least one day", () => {
        const days = (retention: unknown) => badges({ retention }).find((b) => b.kind === "retention")?.days;
        expect(days({ max_lifetime: 3_600_000 })).toBe(1);
        expect(days({ max_lifetime: 2.6 * 86_400_000 })).toBe(3);
        for (const max_lifetime of [0, -86_400_000, Infinity, NaN, "30", undefined]) {
            expect(days({ max_lifetime })).toBeUndefined();
        }
        expect(days("30 days")).toBeUndefined();
    });

    it("counts only an archive record that is an object", () => {
        expect(badges({ archive: { content: "archived", senderHasPower: true } }).map((b) => b.kind)).not.toContain(
            "archived",
        );
    });

    it("counts only servers named by text as external", () => {
        const withJunk = [OWN, 42, null] as unknown as string[];
        expect(badges({ memberServers: withJunk }).map((b) => b.kind)).not.toContain("external");
    });
});

describe("rules a room cannot be judged on", () => {
    it("judges nothing from a preview, even what it shows", () => {
        const preview = facts({
            ...classified("restricted"),
            knowledge: "preview",
            encrypted: false,
            federate: true,
            joinRule: "public",
            guestAccess: "can_join",
            historyVisibility: "world_readable",
        });
        expect(evaluateRoom(preview, catalogue).violations).toEqual([]);
    });

    it("does not call a room federated, or its join rule wrong, when it cannot tell", () => {
        expect(rulesBroken(facts({ ...classified("restricted"), federate: null, joinRule: null }))).toEqual([]);
    });

    it("lets a classification that allows any history accept one it does not know", () => {
        expect(rulesBroken(facts({ ...classified("public"), historyVisibility: "everyone!" }))).toEqual([]);
    });
});

describe("the policy's facts", () => {
    it("names the creator's server only when it is text", () => {
        expect(evaluateRoom(facts(), catalogue).creatorServer).toBe(OWN);
        const hostile = facts({ creatorServer: { toString: () => OWN } as unknown as string });
        expect(evaluateRoom(hostile, catalogue).creatorServer).toBeNull();
    });
});

describe("the one badge a compact place shows", () => {
    const compact = (changes: Partial<RoomFacts>) =>
        mostImportantBadge(evaluateRoom(facts({ ...classified("public"), ...changes }), catalogue));
    const everything: Partial<RoomFacts> = {
        archive: { content: { archived: true }, senderHasPower: true },
        memberServers: [OTHER],
        encrypted: false,
        guestAccess: "can_join",
    };

    it("puts archived before external, external before unencrypted, unencrypted before guests", () => {
        expect(compact(everything)).toMatchObject({ kind: "archived" });
        expect(compact({ ...everything, archive: null })).toMatchObject({ kind: "external" });
        expect(compact({ ...everything, archive: null, memberServers: [OWN] })).toMatchObject({ kind: "unencrypted" });
        expect(compact({ guestAccess: "can_join" })).toMatchObject({ kind: "guests" });
    });

    it("shows Unknown for a room not joined", () => {
        expect(compact({ knowledge: "unknown" })).toMatchObject({ kind: "unknown" });
    });
});

describe("invitees from other servers", () => {
    it("flags only real user IDs of other servers, whatever else the list holds", () => {
        const restricted = evaluateRoom(facts(classified("restricted")), catalogue);
        const invitees = [`:${OTHER}`, 42, null, `@b:${OTHER}`] as unknown as string[];
        expect(forbiddenInvitees(invitees, restricted, catalogue)).toEqual([`@b:${OTHER}`]);
    });
});

describe("the state events read", () => {
    // Names on the wire, shared with what writes them (the settings tab, the archive module): rooms carry them.
    it("are Atrium's classification and archive records", () => {
        expect(CLASSIFICATION_EVENT).toBe("org.atrium.classification");
        expect(ARCHIVE_EVENT).toBe("org.atrium.archive");
    });
});
