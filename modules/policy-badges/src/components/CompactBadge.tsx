// The room-decoration slot: on room tiles and navigator nodes, the classification (its colour, icon
// and name) and the one computed badge that matters most. One accessible name says both; the title
// shows it on hover.
import React from "react";

import { labelIn, NEUTRAL_COLOUR, textColourOn } from "../catalogue";
import { describeBadge, describeClassification, describeViolation } from "../describe";
import { mostImportantBadge, type RoomPolicy } from "../policy";
import { useRoomPolicy } from "../policyStore";
import { usePolicyStrings } from "../strings";
import { ClassificationGlyph } from "./Icons";

export function CompactBadge({ roomId }: { roomId: string }): JSX.Element {
    return <CompactBadgeView policy={useRoomPolicy(roomId)} />;
}

/** What the compact badge shows, as plain text ("Confidential, ⚠ Encryption"), following changes. */
export function CompactBadgeWords({ roomId }: { roomId: string }): JSX.Element {
    return <>{useCompactParts(useRoomPolicy(roomId)).shown.join(", ")}</>;
}

function useCompactParts(policy: RoomPolicy) {
    const { t, language } = usePolicyStrings();
    const classification = describeClassification(policy, t, language);
    const known = policy.status === "verified" || policy.status === "default";
    const colour = known ? policy.classification.colour : NEUTRAL_COLOUR;
    const top = mostImportantBadge(policy);
    const topWords = top
        ? "rule" in top
            ? describeViolation(top, t, labelIn(policy.classification, language))
            : describeBadge(top, t)
        : null;
    const isWarning = top !== null && "rule" in top;
    // The unknown badge says the same as an unknown classification: once is enough.
    const showTop = topWords && !(policy.status === "unknown" && top && "kind" in top && top.kind === "unknown");
    const name = [
        known ? t("classification", { label: labelIn(policy.classification, language) }) : classification.text,
    ];
    if (showTop) name.push(topWords.text);
    const classificationText = known ? labelIn(policy.classification, language) : classification.text;
    const topText = !showTop
        ? null
        : isWarning
          ? `⚠ ${t(`badge_short_${(top as { rule: string }).rule}`)}`
          : topWords.text;
    const shown = topText ? [classificationText, topText] : [classificationText];
    return { known, colour, isWarning, top, name, classificationText, topText, shown };
}

export function CompactBadgeView({ policy }: { policy: RoomPolicy }): JSX.Element {
    const { known, colour, isWarning, top, name, classificationText, topText } = useCompactParts(policy);
    return (
        <span className="atrium_Policy_compact" role="img" aria-label={name.join(", ")} title={name.join("\n")}>
            <span
                className="atrium_Policy_chip atrium_Policy_chip_classification"
                style={{ backgroundColor: colour, color: textColourOn(colour) }}
            >
                {known && <ClassificationGlyph icon={policy.classification.icon} />}
                {classificationText}
            </span>
            {/* The words stay apart for tools that read the text (the flex row draws no space). */}{" "}
            {topText !== null && (
                <span
                    className={`atrium_Policy_chip atrium_Policy_chip_${isWarning ? "warning" : (top as { tone: string }).tone}`}
                >
                    {topText}
                </span>
            )}
        </span>
    );
}
