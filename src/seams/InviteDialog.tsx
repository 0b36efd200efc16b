// Wraps the SDK's invite dialog (see sdk-replacements.json): the inviteDialogNotice slot's
// contributions render inside the dialog, below its content, given the room (null for a new DM or
// a call transfer) and the people picked so far; they follow as people are added and removed.
//
// How: the SDK exports the dialog class itself, and keeps the people picked in its state
// (`targets`). This subclass renders the SDK's dialog and adds the notices as the last child of
// its BaseDialog, in a polite live region so a screen reader hears a notice that appears.
import React from "react";
import SdkInviteDialog from "$sdk-original/components/views/dialogs/InviteDialog";
import { InviteKind } from "matrix-react-sdk/src/components/views/dialogs/InviteDialogTypes";

import { contributionsTo, onSlotsChange } from "@atrium/sdk/slotRegistry";
import type { InviteDialogNotice } from "@atrium/sdk/slots";
import { ContributionBoundary } from "./slotParts";

type Invite = Parameters<InviteDialogNotice["render"]>[0];

/** Runs a contribution's render where React can catch what it throws. */
function Notice({ notice, invite }: { notice: InviteDialogNotice; invite: Invite }): JSX.Element {
    return <>{notice.render(invite)}</>;
}

export default class InviteDialog extends SdkInviteDialog {
    private stopWatchingSlots?: () => void;

    public componentDidMount(): void {
        super.componentDidMount();
        this.stopWatchingSlots = onSlotsChange(() => this.forceUpdate());
    }

    public componentWillUnmount(): void {
        super.componentWillUnmount();
        this.stopWatchingSlots?.();
    }

    private get invite(): Invite {
        return {
            roomId: this.props.kind === InviteKind.Invite ? this.props.roomId : null,
            userIds: this.state.targets.map((member) => member.userId),
        };
    }

    public render(): React.ReactNode {
        const dialog = super.render();
        const notices = contributionsTo("inviteDialogNotice");
        if (notices.length === 0 || !React.isValidElement<{ children?: React.ReactNode }>(dialog)) return dialog;
        const invite = this.invite;
        return React.cloneElement(
            dialog,
            undefined,
            dialog.props.children,
            <div className="atrium_InviteDialog_notices" role="status">
                {notices.map((notice) => (
                    <ContributionBoundary key={notice.id} slot="inviteDialogNotice" contribution={notice}>
                        <Notice notice={notice} invite={invite} />
                    </ContributionBoundary>
                ))}
            </div>,
        );
    }
}
