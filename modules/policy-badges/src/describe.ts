// Words for what the rules engine found: a short text for each badge and a plain sentence that
// explains it. Only catalogue text (already cleaned) and known values reach these strings.
import { cleanText, descriptionIn, labelIn } from "./catalogue";
import type { Badge, RoomPolicy, Violation } from "./policy";
import type { Translate } from "./strings";

export interface Words {
    text: string;
    explanation: string;
}

function valueWords(badge: Badge, t: Translate): string {
    const value = badge.value ?? "other";
    if (badge.kind === "join-rule") return t(`join_${value}`);
    if (badge.kind === "history") return t(`history_${value}`);
    return t(`guests_${value}`);
}

export function describeBadge(badge: Badge, t: Translate): Words {
    switch (badge.kind) {
        case "join-rule":
        case "history": {
            const value = valueWords(badge, t);
            return { text: t(`badge_${badge.kind}`, { value }), explanation: t(`explain_${badge.kind}`, { value }) };
        }
        case "retention":
            return {
                text: t("badge_retention", { number: badge.days }),
                explanation: t("explain_retention", { number: badge.days }),
            };
        case "external":
            return { text: t("badge_external"), explanation: t("explain_external", { number: badge.count }) };
        case "guests":
            return {
                text: t("badge_guests"),
                explanation:
                    badge.value === "can_join" ? t("explain_guests") : `${t("badge_guests")}: ${valueWords(badge, t)}`,
            };
        default:
            return { text: t(`badge_${badge.kind}`), explanation: t(`explain_${badge.kind}`) };
    }
}

export function describeViolation(violation: Violation, t: Translate, label: string): Words {
    const allowed = violation.allowed ? t(`history_${violation.allowed}`) : "";
    const rule = t(`rule_${violation.rule}`, { allowed });
    const remedy = violation.fix ? t("fix_offered") : t(`no_fix_${violation.rule}`);
    return { text: t("warning", { rule }), explanation: `${t("violation_explain", { label, rule })} ${remedy}` };
}

/** The classification's badge: its name (or "Unverified"), and what it means or why it is not trusted. */
export function describeClassification(policy: RoomPolicy, t: Translate, language: string): Words {
    const label = labelIn(policy.classification, language);
    const creatorServer = cleanText(policy.creatorServer, 100);
    if (policy.status === "unknown") return { text: t("badge_unknown"), explanation: t("explain_unknown") };
    if (policy.status === "unverified") {
        const claimed = policy.claimed ? labelIn(policy.claimed, language) : null;
        const reason = policy.unverifiedReason ?? "malformed";
        // The reasons are hyphenated ("sender-lacks-power"), the strings' keys use underscores.
        const reasonKey = `why_${reason.replace(/-/g, "_")}`;
        const why =
            reason === "foreign-room"
                ? creatorServer
                    ? t("why_foreign_room", { server: creatorServer, fallback: label })
                    : t("why_foreign_room_unknown", { fallback: label })
                : t(reasonKey, { fallback: label });
        return { text: claimed ? t("unverified_named", { label: claimed }) : t("unverified"), explanation: why };
    }
    const description = descriptionIn(policy.classification, language);
    const name = policy.status === "default" ? t("classification_default", { label }) : t("classification", { label });
    return { text: label, explanation: description ? `${name}. ${description}` : name };
}
