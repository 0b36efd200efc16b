// The room-decoration slot: on room tiles and navigator nodes, the classification (its colour, icon
// and name) and the one computed badge that matters most. One accessible name says both; the title
// shows it on hover.
import React from "react";

import { compactParts, type CompactParts } from "../compactParts";
import type { RoomPolicy } from "../policy";
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

/** The parts for the policy in the current language (shared by every badge that looks the same). */
function useCompactParts(policy: RoomPolicy): CompactParts {
    const { t, language } = usePolicyStrings();
    return compactParts(policy, t, language);
}

export function CompactBadgeView({ policy }: { policy: RoomPolicy }): JSX.Element {
    const { known, colour, textColour, topTone, name, classificationText, topText } = useCompactParts(policy);
    return (
        <span className="atrium_Policy_compact" role="img" aria-label={name.join(", ")} title={name.join("\n")}>
            <span
                className="atrium_Policy_chip atrium_Policy_chip_classification"
                style={{ backgroundColor: colour, color: textColour }}
            >
                {known && <ClassificationGlyph icon={policy.classification.icon} />}
                {classificationText}
            </span>
            {/* The words stay apart for tools that read the text (the flex row draws no space). */}{" "}
            {topText !== null && <span className={`atrium_Policy_chip atrium_Policy_chip_${topTone}`}>{topText}</span>}
        </span>
    );
}
