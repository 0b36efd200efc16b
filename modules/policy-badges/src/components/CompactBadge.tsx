// The room-decoration slot: on room tiles and navigator nodes, the classification (its colour and
// name) and the one computed badge that matters most. One accessible name says both; the title shows
// it on hover. No icon here (the header and the settings tab show it): a list shows this on every
// row, and an inline SVG per row was the largest part of what a badge added to the list's render.
import React from "react";

import { compactParts, type CompactParts } from "../compactParts";
import type { RoomPolicy } from "../policy";
import { useRoomPolicyValue } from "../policyStore";
import { policyLanguage, policyString } from "../strings";

/** The parts for the policy in the current language (shared by every badge that looks the same). */
const partsOf = (policy: RoomPolicy): CompactParts => compactParts(policy, policyString, policyLanguage());

// One subscription per badge (the room's policy and the language both notify it), and a new
// render only when the look changes: a list shows thousands of these.
export function CompactBadge({ roomId }: { roomId: string }): JSX.Element {
    return compactChips(useRoomPolicyValue(roomId, partsOf));
}

/** What the compact badge shows, as plain text ("Confidential, ⚠ Encryption"), following changes. */
export function CompactBadgeWords({ roomId }: { roomId: string }): JSX.Element {
    return <>{useRoomPolicyValue(roomId, partsOf).shown.join(", ")}</>;
}

export function CompactBadgeView({ policy }: { policy: RoomPolicy }): JSX.Element {
    return compactChips(partsOf(policy));
}

function compactChips({ colour, textColour, topTone, name, classificationText, topText }: CompactParts): JSX.Element {
    return (
        <span className="atrium_Policy_compact" role="img" aria-label={name.join(", ")} title={name.join("\n")}>
            <span
                className="atrium_Policy_chip atrium_Policy_chip_classification"
                style={{ backgroundColor: colour, color: textColour }}
            >
                {classificationText}
            </span>
            {/* The words stay apart for tools that read the text (the flex row draws no space). */}{" "}
            {topText !== null && <span className={`atrium_Policy_chip atrium_Policy_chip_${topTone}`}>{topText}</span>}
        </span>
    );
}
