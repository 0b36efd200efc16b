// Policy badges: every room says how confidential it is and who can be in it, and warns when it
// breaks its own rules. Slots: roomDecoration (tiles and navigator nodes), roomHeaderItem (the full
// set), roomSettingsTab (classify, compliance, fixes) and inviteDialogNotice.
import React from "react";
import { RuntimeModule } from "@matrix-org/react-sdk-module-api/lib/RuntimeModule";
import { ModuleApi } from "@matrix-org/react-sdk-module-api/lib/ModuleApi";
import { addModuleStrings, contribute, myMembership } from "@atrium/sdk";

import { POLICY_BADGES_NAMESPACE, policyBadgesStrings } from "../i18n/strings";
import { MODULE_NAME } from "./policyStore";
import { policyString } from "./strings";
import { drawCompactChip } from "./components/compactChip";
import { HeaderBadges } from "./components/HeaderBadges";
import { SettingsTab } from "./components/SettingsTab";
import { InviteNotice } from "./components/InviteNotice";
import "../policy-badges.pcss";

/** Contributes the module's parts to the slots; split from the class so tests can call it. */
export function contributePolicyBadges(): void {
    contribute("roomDecoration", {
        id: "policy-badges.compact",
        module: MODULE_NAME,
        draw: drawCompactChip,
    });
    contribute("roomHeaderItem", {
        id: "policy-badges.header",
        module: MODULE_NAME,
        render: (roomId) => <HeaderBadges roomId={roomId} />,
    });
    contribute("roomSettingsTab", {
        id: "policy-badges.settings",
        module: MODULE_NAME,
        label: () => policyString("tab"),
        render: (roomId) => <SettingsTab roomId={roomId} />,
        isVisible: (roomId) => myMembership(roomId) === "join",
    });
    contribute("inviteDialogNotice", {
        id: "policy-badges.invite",
        module: MODULE_NAME,
        render: ({ roomId, userIds }) => (roomId ? <InviteNotice roomId={roomId} userIds={userIds} /> : null),
    });
}

export class PolicyBadgesModule extends RuntimeModule {
    public constructor(moduleApi: ModuleApi) {
        super(moduleApi);
        this.moduleName = MODULE_NAME;
        addModuleStrings(POLICY_BADGES_NAMESPACE, policyBadgesStrings);
        contributePolicyBadges();
    }
}
