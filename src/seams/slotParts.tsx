// What the slot wrappers (RoomSettingsDialog, RoomGeneralContextMenu, InviteDialog, RightPanel) share:
// a module's mistake never takes the SDK's component down with it. A contribution that throws is
// left out (logged once per render) and the SDK's own part of the UI stays as it was.
import React from "react";
import { logger } from "matrix-js-sdk/src/logger";

import type { SlotName } from "@atrium/sdk/slots";

import "./slotParts.pcss";

interface Named {
    id: string;
    module: string;
}

function report(slot: SlotName, contribution: Named, error: unknown): void {
    logger.error(
        `Atrium: the ${slot} contribution "${contribution.id}" of module ${contribution.module} failed`,
        error,
    );
}

/** Calls a contribution's function; when it throws, reports it and answers `fallback`. */
export function askContribution<T>(slot: SlotName, contribution: Named, ask: () => T, fallback: T): T {
    try {
        return ask();
    } catch (error) {
        report(slot, contribution, error);
        return fallback;
    }
}

interface BoundaryProps {
    slot: SlotName;
    contribution: Named;
    children?: React.ReactNode;
}

/** Renders a contribution's output; if rendering it throws, renders nothing in its place. */
export class ContributionBoundary extends React.Component<BoundaryProps, { failed: boolean }> {
    public state = { failed: false };

    public static getDerivedStateFromError(): { failed: boolean } {
        return { failed: true };
    }

    public componentDidCatch(error: unknown): void {
        report(this.props.slot, this.props.contribution, error);
    }

    public render(): React.ReactNode {
        return this.state.failed ? null : this.props.children;
    }
}
