// The room-decoration slot: on room tiles and navigator nodes, the classification (its colour and
// name) and the one computed badge that matters most, in one chip ("Confidential · ⚠ Encryption").
// A list shows this on every row, so it is one element with its words, found ahead by the policy
// store; the header and the settings tab show each badge on its own, with its icon.
import React from "react";
import type { RoomDecorationIds } from "@atrium/sdk";

import { compactParts, type CompactParts } from "../compactParts";
import type { RoomPolicy } from "../policy";
import { useCompactLook } from "../policyStore";
import { policyLanguage, policyString } from "../strings";

/**
 * On a tile, the chip is an image named by the full explanation. On a navigator node, its name is the
 * words it shows (the row's name reads it) and the full explanation is hidden text the row's
 * description reads.
 */
export function CompactBadge({ roomId, ids }: { roomId: string; ids?: RoomDecorationIds }): JSX.Element {
    return compactChip(useCompactLook(roomId), ids);
}

/** The badge for a policy computed elsewhere (tests, previews): the same chip. */
export function CompactBadgeView({ policy, ids }: { policy: RoomPolicy; ids?: RoomDecorationIds }): JSX.Element {
    return compactChip(compactParts(policy, policyString, policyLanguage()), ids);
}

function compactChip(look: CompactParts, ids: RoomDecorationIds | undefined): JSX.Element {
    const chip = (
        <span
            className="atrium_Policy_compact"
            role="img"
            id={ids?.words}
            aria-label={ids ? look.words : look.explanation}
            title={look.tooltip}
            data-warning={look.isWarning || undefined}
            style={{ backgroundColor: look.colour, color: look.textColour }}
        >
            {look.text}
        </span>
    );
    if (!ids) return chip;
    return (
        <>
            {chip}
            <span id={ids.description} hidden>
                {look.explanation}
            </span>
        </>
    );
}
