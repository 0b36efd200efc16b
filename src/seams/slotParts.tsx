// What the slot wrappers (RoomSettingsDialog, RoomGeneralContextMenu, InviteDialog, RightPanel) share:
// a module's mistake never takes the SDK's component down with it. A contribution that throws is
// left out (logged once per render) and the SDK's own part of the UI stays as it was.
import React from "react";

import type { SlotName } from "@atrium/sdk/slots";

import { reportContributionFailure } from "../sdk/askContribution";
import "./slotParts.pcss";

export { askContribution } from "../sdk/askContribution";

interface BoundaryProps {
    slot: SlotName;
    contribution: { id: string; module: string };
    children?: React.ReactNode;
}

/** Renders a contribution's output; if rendering it throws, renders nothing in its place. */
export class ContributionBoundary extends React.Component<BoundaryProps, { failed: boolean }> {
    public state = { failed: false };

    public static getDerivedStateFromError(): { failed: boolean } {
        return { failed: true };
    }

    public componentDidCatch(error: unknown): void {
        reportContributionFailure(this.props.slot, this.props.contribution, error);
    }

    public render(): React.ReactNode {
        return this.state.failed ? null : this.props.children;
    }
}
