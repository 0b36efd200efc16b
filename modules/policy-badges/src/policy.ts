// The rules engine: from what a room's state says (RoomFacts, plain data) and the catalogue, the
// room's classification (trusted or not), its computed badges and the rules it breaks. Pure: no SDK,
// no React, so every combination is tested in policy.test.ts and fuzzed in policy.fuzz.test.ts.
import { HISTORY_ORDER, JOIN_RULES, type Catalogue, type Classification, type HistoryVisibility } from "./catalogue";

export const CLASSIFICATION_EVENT = "org.atrium.classification";
export const ARCHIVE_EVENT = "org.atrium.archive";

/** A state event as the rules see it: its content and whether its sender held the power to send it. */
export interface StateRecord {
    content: unknown;
    senderHasPower: boolean;
}

/**
 * What the client knows of a room. `null` everywhere means "cannot tell" (a room not joined, a
 * preview): it gives an "unknown" badge and breaks no rule.
 */
export interface RoomFacts {
    /** "joined": the full state; "preview": only what the hierarchy or a preview tells; "unknown": nothing. */
    knowledge: "joined" | "preview" | "unknown";
    /** The server of `m.room.create`'s sender. */
    creatorServer: string | null;
    encrypted: boolean | null;
    /** `m.federate` of `m.room.create` (absent means true). */
    federate: boolean | null;
    joinRule: unknown;
    guestAccess: unknown;
    historyVisibility: unknown;
    /** `m.room.retention`'s content, when set. */
    retention: unknown;
    /** The servers of joined and invited members. */
    memberServers: readonly string[] | null;
    classification: StateRecord | null;
    archive: StateRecord | null;
}

export type ClassificationStatus =
    /** Set by someone with the power, in a room created on the company's servers. */
    | "verified"
    /** Not set: the catalogue's default applies. */
    | "default"
    /** Set, but in a room created elsewhere, by a sender without the power, or naming no classification. */
    | "unverified"
    /** A room not joined: its record cannot be read. */
    | "unknown";

export type UnverifiedReason = "foreign-room" | "sender-lacks-power" | "unknown-id" | "malformed";

export type BadgeKind =
    | "encrypted"
    | "unencrypted"
    | "federated"
    | "local-only"
    | "external"
    | "join-rule"
    | "guests"
    | "history"
    | "retention"
    | "archived"
    | "unknown";

export type Tone = "good" | "info" | "caution" | "neutral";

export interface Badge {
    kind: BadgeKind;
    tone: Tone;
    /** A known value (join rule, history visibility) or "other" for anything else: never raw input. */
    value?: string;
    /** For "retention": the longest a message is kept, in days. */
    days?: number;
    /** For "external": how many other servers. */
    count?: number;
}

export type RuleName = "encryption" | "federation" | "external-members" | "guests" | "history" | "join-rule";

/** A state event that fixes a broken rule in one click. */
export interface Fix {
    type: string;
    content: Record<string, unknown>;
}

export interface Violation {
    rule: RuleName;
    /** Null where no event can fix it (m.federate is fixed at creation; members must be removed by hand). */
    fix: Fix | null;
    /** For "history": the widest allowed. */
    allowed?: string;
}

export interface RoomPolicy {
    knowledge: RoomFacts["knowledge"];
    creatorServer: string | null;
    classification: Classification;
    status: ClassificationStatus;
    unverifiedReason?: UnverifiedReason;
    /** The classification the unverified record claims, when it names one of the catalogue. */
    claimed?: Classification;
    badges: readonly Badge[];
    violations: readonly Violation[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
    typeof value === "object" && value !== null && !Array.isArray(value);

const known = <T extends string>(value: unknown, values: readonly T[]): T | "other" =>
    values.includes(value as T) ? (value as T) : "other";

const GUEST_ACCESS = ["can_join", "forbidden"] as const;
const DAY_MS = 86_400_000;

/** The classification the room's record names, with its trust. */
export function classify(
    facts: RoomFacts,
    catalogue: Catalogue,
): Pick<RoomPolicy, "classification" | "status" | "unverifiedReason" | "claimed"> {
    const fallback =
        catalogue.classifications.find((c) => c.id === catalogue.defaultId) ?? catalogue.classifications[0];
    const record = facts.classification;
    if (!record && facts.knowledge !== "joined") return { classification: fallback, status: "unknown" };
    // An event with empty content is how a state event is removed: the room is unclassified again.
    if (!record || (isRecord(record.content) && Object.keys(record.content).length === 0)) {
        return { classification: fallback, status: "default" };
    }
    const id = isRecord(record.content) ? record.content.id : undefined;
    if (typeof id !== "string")
        return { classification: fallback, status: "unverified", unverifiedReason: "malformed" };
    const claimed = catalogue.classifications.find((c) => c.id === id);
    if (!claimed) return { classification: fallback, status: "unverified", unverifiedReason: "unknown-id" };
    if (!facts.creatorServer || !catalogue.ownServers.includes(facts.creatorServer)) {
        return { classification: fallback, status: "unverified", unverifiedReason: "foreign-room", claimed };
    }
    if (!record.senderHasPower) {
        return { classification: fallback, status: "unverified", unverifiedReason: "sender-lacks-power", claimed };
    }
    return { classification: claimed, status: "verified" };
}

/** Servers of members that are not the company's own. */
export function externalServers(facts: RoomFacts, catalogue: Catalogue): string[] | null {
    if (!facts.memberServers) return null;
    return [...new Set(facts.memberServers.filter((s) => typeof s === "string" && !catalogue.ownServers.includes(s)))];
}

function isArchived(record: StateRecord | null): boolean {
    if (!record || !record.senderHasPower || !isRecord(record.content)) return false;
    return Object.keys(record.content).length > 0 && record.content.archived !== false;
}

function retentionDays(content: unknown): number | null {
    if (!isRecord(content)) return null;
    const max = content.max_lifetime;
    return typeof max === "number" && Number.isFinite(max) && max > 0 ? Math.max(1, Math.round(max / DAY_MS)) : null;
}

/** The computed badges, most telling first. */
export function computeBadges(facts: RoomFacts, catalogue: Catalogue): Badge[] {
    const badges: Badge[] = [];
    if (isArchived(facts.archive)) badges.push({ kind: "archived", tone: "info" });
    const external = externalServers(facts, catalogue);
    if (external && external.length > 0) badges.push({ kind: "external", tone: "caution", count: external.length });
    if (facts.encrypted === true) badges.push({ kind: "encrypted", tone: "good" });
    else if (facts.encrypted === false) badges.push({ kind: "unencrypted", tone: "caution" });
    if (facts.federate === false) badges.push({ kind: "local-only", tone: "good" });
    else if (facts.federate === true) badges.push({ kind: "federated", tone: "info" });
    if (facts.joinRule !== null && facts.joinRule !== undefined) {
        const value = known(facts.joinRule, JOIN_RULES);
        badges.push({
            kind: "join-rule",
            tone: value === "public" ? "caution" : value === "other" ? "neutral" : "info",
            value,
        });
    }
    if (facts.knowledge === "joined") {
        const guests = known(facts.guestAccess ?? "forbidden", GUEST_ACCESS);
        if (guests !== "forbidden")
            badges.push({ kind: "guests", tone: guests === "other" ? "neutral" : "caution", value: guests });
        const history = known(facts.historyVisibility ?? "shared", HISTORY_ORDER);
        badges.push({
            kind: "history",
            tone: history === "world_readable" ? "caution" : history === "other" ? "neutral" : "info",
            value: history,
        });
        const days = retentionDays(facts.retention);
        if (days !== null) badges.push({ kind: "retention", tone: "info", days });
    }
    if (facts.knowledge !== "joined") badges.push({ kind: "unknown", tone: "neutral" });
    return badges;
}

/** The rules of the classification that the room breaks, with the fix where one exists. */
export function checkRules(facts: RoomFacts, classification: Classification, catalogue: Catalogue): Violation[] {
    if (facts.knowledge !== "joined") return []; // nothing to judge on
    const rules = classification.rules;
    const violations: Violation[] = [];
    if (rules.requiresEncryption && facts.encrypted === false) {
        violations.push({
            rule: "encryption",
            fix: { type: "m.room.encryption", content: { algorithm: "m.megolm.v1.aes-sha2" } },
        });
    }
    if (!rules.federationAllowed && facts.federate !== false && facts.federate !== null) {
        violations.push({ rule: "federation", fix: null });
    }
    const external = externalServers(facts, catalogue);
    if (!rules.externalMembersAllowed && external && external.length > 0)
        violations.push({ rule: "external-members", fix: null });
    const guests = facts.guestAccess ?? "forbidden";
    if (!rules.guestsAllowed && guests !== "forbidden") {
        violations.push({
            rule: "guests",
            fix: { type: "m.room.guest_access", content: { guest_access: "forbidden" } },
        });
    }
    const history = facts.historyVisibility ?? "shared";
    const widest = HISTORY_ORDER.indexOf(rules.widestHistoryVisibility);
    const actual = HISTORY_ORDER.indexOf(history as HistoryVisibility);
    // An unknown visibility is judged as the widest: clients may show history to anyone.
    if (actual === -1 ? widest < HISTORY_ORDER.length - 1 : actual > widest) {
        violations.push({
            rule: "history",
            allowed: rules.widestHistoryVisibility,
            fix: { type: "m.room.history_visibility", content: { history_visibility: rules.widestHistoryVisibility } },
        });
    }
    if (
        rules.joinRulesAllowed &&
        facts.joinRule !== null &&
        !rules.joinRulesAllowed.includes(facts.joinRule as string)
    ) {
        const fix = rules.joinRulesAllowed.includes("invite")
            ? { type: "m.room.join_rules", content: { join_rule: "invite" } }
            : null;
        violations.push({ rule: "join-rule", fix });
    }
    return violations;
}

export function evaluateRoom(facts: RoomFacts, catalogue: Catalogue): RoomPolicy {
    const classified = classify(facts, catalogue);
    return {
        knowledge: facts.knowledge,
        creatorServer: typeof facts.creatorServer === "string" ? facts.creatorServer : null,
        ...classified,
        badges: computeBadges(facts, catalogue),
        violations: checkRules(facts, classified.classification, catalogue),
    };
}

/** The one computed badge a compact place (tile, node) shows: what matters most. */
export function mostImportantBadge(policy: RoomPolicy): Badge | Violation | null {
    if (policy.violations.length > 0) return policy.violations[0];
    const order: BadgeKind[] = ["archived", "external", "unencrypted", "guests", "unknown"];
    for (const kind of order) {
        const badge = policy.badges.find((b) => b.kind === kind);
        if (badge) return badge;
    }
    return null;
}

/** Whether inviting these users would bring members from other servers into a room that forbids them. */
export function forbiddenInvitees(userIds: readonly string[], policy: RoomPolicy, catalogue: Catalogue): string[] {
    if (policy.classification.rules.externalMembersAllowed) return [];
    return userIds.filter((id) => {
        const colon = typeof id === "string" ? id.indexOf(":") : -1;
        return colon > 0 && !catalogue.ownServers.includes(id.slice(colon + 1));
    });
}
