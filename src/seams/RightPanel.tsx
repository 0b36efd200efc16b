// Wraps the SDK's right panel (see sdk-replacements.json): while a rightPanelCard contribution is
// open (`openRightPanelCard` in @atrium/sdk), the panel of the room on screen shows it, in the SDK's
// BaseCard with its heading and close button, in place of the SDK's card; otherwise the SDK's panel.
// Opening a card also opens the panel (src/sdk/rightPanel.ts); closing it calls closeRightPanelCard.
import React from "react";
import SdkRightPanel from "$sdk-original/components/structures/RightPanel";
import BaseCard from "matrix-react-sdk/src/components/views/right_panel/BaseCard";

import { closeRightPanelCard, onPanelsChange, openedRightPanelCard } from "@atrium/sdk/panels";
import { contributionsTo, onSlotsChange } from "@atrium/sdk/slotRegistry";
import type { RightPanelCard } from "@atrium/sdk/slots";
import { askContribution, ContributionBoundary } from "./slotParts";

type Props = SdkRightPanel["props"];

/** Runs a contribution's render where React can catch what it throws. */
function CardBody({ card, roomId }: { card: RightPanelCard; roomId: string }): JSX.Element {
    return <>{card.render(roomId)}</>;
}

export default class RightPanel extends React.Component<Props> {
    private stopWatching: Array<() => void> = [];

    public componentDidMount(): void {
        const update = (): void => this.forceUpdate();
        this.stopWatching = [onPanelsChange(update), onSlotsChange(update)];
    }

    public componentWillUnmount(): void {
        for (const stop of this.stopWatching) stop();
    }

    /** The open contributed card, when one is open, its module on, and the panel is a room's. */
    private openCard(): RightPanelCard | null {
        const id = openedRightPanelCard();
        // A user's page (UserView) passes its own card: the SDK's panel draws that one.
        if (id === null || !this.props.room || this.props.overwriteCard) return null;
        return contributionsTo("rightPanelCard").find((card) => card.id === id) ?? null;
    }

    public render(): React.ReactNode {
        const card = this.openCard();
        const roomId = this.props.room?.roomId;
        if (!card || !roomId) return <SdkRightPanel {...this.props} />;
        return (
            <aside className="mx_RightPanel" id="mx_RightPanel">
                <BaseCard
                    className="atrium_ContributedCard"
                    header={askContribution("rightPanelCard", card, () => card.label(), card.id)}
                    onClose={() => closeRightPanelCard(card.id)}
                >
                    <ContributionBoundary key={`${card.id}:${roomId}`} slot="rightPanelCard" contribution={card}>
                        <CardBody card={card} roomId={roomId} />
                    </ContributionBoundary>
                </BaseCard>
            </aside>
        );
    }
}
