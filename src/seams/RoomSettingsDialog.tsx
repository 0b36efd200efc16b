// Wraps the SDK's room settings dialog (see sdk-replacements.json): the roomSettingsTab slot's
// contributions become extra tabs after the SDK's own, in the same TabbedView, so they are chosen
// and reached by keyboard (arrow keys, Home, End) like the SDK's tabs.
//
// How: the dialog builds its tab list in a private method, getTabs, of a class the SDK does not
// export; its default export is a function component that renders that class inside an
// ErrorBoundary. Module API 2.5 has no hook for tabs and TabbedView is shared by every dialog, so
// the wrapper takes the class from that element and extends it with a getTabs that adds the
// contributed tabs to the SDK's list. If a later SDK changes that shape, the wrapper logs it once
// and renders the SDK's dialog unchanged (no contributed tabs).
import React from "react";
import { logger } from "matrix-js-sdk/src/logger";
import type { Room } from "matrix-js-sdk/src/matrix";
import OriginalRoomSettingsDialog from "$sdk-original/components/views/dialogs/RoomSettingsDialog";
import { Tab } from "matrix-react-sdk/src/components/structures/TabbedView";
import ErrorBoundary from "matrix-react-sdk/src/components/views/elements/ErrorBoundary";
import { sanitizeForTranslation, type TranslationKey } from "matrix-react-sdk/src/languageHandler";
import type { NonEmptyArray } from "matrix-react-sdk/src/@types/common";

import { contributionsTo, onSlotsChange } from "@atrium/sdk/slotRegistry";
import type { RoomSettingsTab as ContributedTab } from "@atrium/sdk/slots";
import { askContribution, ContributionBoundary } from "./slotParts";

// RoomView, the dispatcher and the slash commands name the SDK's tabs through this module.
export { RoomSettingsTab } from "$sdk-original/components/views/dialogs/RoomSettingsDialog";

type DialogProps = React.ComponentProps<typeof OriginalRoomSettingsDialog>;

/** What this wrapper relies on of the SDK's dialog class (its state and its tab list). */
interface SdkDialog extends React.Component<DialogProps, { room: Room; activeTabId: string }> {
    getTabs(): NonEmptyArray<Tab<string>>;
}
type SdkDialogClass = new (props: DialogProps) => SdkDialog;

/** Tab ids of contributions, apart from the SDK's ("ROOM_GENERAL_TAB"…). */
const contributedTabId = (id: string): string => `atrium_${id}`;

function findSdkDialogClass(): SdkDialogClass | null {
    // The SDK's function component holds no hooks: calling it only builds the element it renders.
    const element = OriginalRoomSettingsDialog({ roomId: "", onFinished: () => {} });
    const inner: unknown = React.isValidElement<{ children?: React.ReactNode }>(element)
        ? element.props.children
        : null;
    const type: unknown = React.isValidElement(inner) ? inner.type : null;
    if (typeof type === "function" && typeof type.prototype?.getTabs === "function") return type as SdkDialogClass;
    logger.error("Atrium: the SDK's RoomSettingsDialog changed shape; contributed room settings tabs are not shown");
    return null;
}

/** Runs a contribution's render where React can catch what it throws. */
function ContributedTabBody({ tab, roomId }: { tab: ContributedTab; roomId: string }): JSX.Element {
    return <>{tab.render(roomId)}</>;
}

function contributedTabs(roomId: string): Tab<string>[] {
    return contributionsTo("roomSettingsTab")
        .filter((tab) => askContribution("roomSettingsTab", tab, () => tab.isVisible?.(roomId) ?? true, false))
        .map((tab) => {
            const label = askContribution("roomSettingsTab", tab, () => tab.label(), tab.id);
            const icon = tab.icon ? (
                <span className="atrium_ContributedTabIcon" aria-hidden="true">
                    {tab.icon}
                </span>
            ) : null;
            return new Tab(
                contributedTabId(tab.id),
                // TabbedView translates every label: a translated text goes through as itself.
                sanitizeForTranslation(label) as TranslationKey,
                icon,
                <ContributionBoundary slot="roomSettingsTab" contribution={tab}>
                    <ContributedTabBody tab={tab} roomId={roomId} />
                </ContributionBoundary>,
            );
        });
}

function withContributedTabs(SdkRoomSettingsDialog: SdkDialogClass): SdkDialogClass {
    return class RoomSettingsDialogWithSlots extends SdkRoomSettingsDialog {
        private stopWatchingSlots?: () => void;

        public componentDidMount(): void {
            super.componentDidMount?.();
            this.stopWatchingSlots = onSlotsChange(() => this.forceUpdate());
        }

        public componentDidUpdate(prevProps: DialogProps, prevState: SdkDialog["state"]): void {
            super.componentDidUpdate?.(prevProps, prevState);
            // A contributed tab that went away (its module switched off) leaves the SDK's first tab open.
            const tabs = this.getTabs();
            if (!tabs.some((tab) => tab.id === this.state.activeTabId)) this.setState({ activeTabId: tabs[0].id });
        }

        public componentWillUnmount(): void {
            super.componentWillUnmount?.();
            this.stopWatchingSlots?.();
        }

        public getTabs(): NonEmptyArray<Tab<string>> {
            const tabs = super.getTabs();
            tabs.push(...contributedTabs(this.state.room.roomId));
            return tabs;
        }
    };
}

let dialogWithSlots: SdkDialogClass | null | undefined;

export default function RoomSettingsDialog(props: DialogProps): JSX.Element {
    if (dialogWithSlots === undefined) {
        const sdkDialog = findSdkDialogClass();
        dialogWithSlots = sdkDialog && withContributedTabs(sdkDialog);
    }
    if (!dialogWithSlots) return <OriginalRoomSettingsDialog {...props} />;
    const Dialog = dialogWithSlots;
    // As the SDK's export: a dialog that fails shows the SDK's error box, not a blank modal.
    return (
        <ErrorBoundary>
            <Dialog {...props} />
        </ErrorBoundary>
    );
}
