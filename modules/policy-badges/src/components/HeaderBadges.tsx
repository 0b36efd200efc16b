// The room-header item: the full set. The classification, every computed badge, a warning for each
// rule the room breaks (with its one-click fix for those who may), each explained on hover and focus.
import React from "react";

import { labelIn } from "../catalogue";
import { describeBadge, describeClassification, describeViolation } from "../describe";
import type { RoomPolicy } from "../policy";
import { useRoomPolicy } from "../policyStore";
import { usePolicyStrings } from "../strings";
import { FixButton } from "./FixButton";
import { PolicyChip } from "./PolicyChip";

export function HeaderBadges({ roomId }: { roomId: string }): JSX.Element {
    return <HeaderBadgesView roomId={roomId} policy={useRoomPolicy(roomId)} />;
}

export function HeaderBadgesView({ roomId, policy }: { roomId: string; policy: RoomPolicy }): JSX.Element {
    const { t, language } = usePolicyStrings();
    const classification = describeClassification(policy, t, language);
    const known = policy.status === "verified" || policy.status === "default";
    return (
        <div className="atrium_Policy_header" role="group" aria-label={t("room_policy")}>
            <PolicyChip
                kind={`classification-${policy.status}`}
                tone="classification"
                colour={known ? policy.classification.colour : undefined}
                icon={known ? policy.classification.icon : undefined}
                {...classification}
            />
            {policy.violations.map((violation) => (
                <React.Fragment key={violation.rule}>
                    <PolicyChip
                        kind={`warning-${violation.rule}`}
                        tone="warning"
                        {...describeViolation(violation, t, labelIn(policy.classification, language))}
                    />
                    <FixButton roomId={roomId} violation={violation} />
                </React.Fragment>
            ))}
            {policy.badges
                .filter((badge) => !(badge.kind === "unknown" && policy.status === "unknown"))
                .map((badge) => (
                    <PolicyChip key={badge.kind} kind={badge.kind} tone={badge.tone} {...describeBadge(badge, t)} />
                ))}
        </div>
    );
}
