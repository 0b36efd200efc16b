// The invite-dialog notice: a warning before people from other servers are invited into a room whose
// classification does not allow members from other servers.
import React from "react";

import { labelIn } from "../catalogue";
import { forbiddenInvitees } from "../policy";
import { currentCatalogue, useRoomPolicy } from "../policyStore";
import { usePolicyStrings } from "../strings";

export function InviteNotice({ roomId, userIds }: { roomId: string; userIds: readonly string[] }): JSX.Element | null {
    const policy = useRoomPolicy(roomId);
    const { t, language } = usePolicyStrings();
    const outsiders = forbiddenInvitees(userIds, policy, currentCatalogue());
    if (outsiders.length === 0) return null;
    return (
        <div className="atrium_Policy_inviteWarning" role="alert">
            ⚠ {t("invite_warning", { users: outsiders.join(", "), label: labelIn(policy.classification, language) })}
        </div>
    );
}
