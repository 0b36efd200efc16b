// Wraps the SDK's RoomList (see sdk-replacements.json): the left-panel view slot. A view opened on
// demand (openLeftPanelView, e.g. the company directory) takes the list's place; otherwise the
// first view that asks to replace the list by default (the space navigator, unless the user chose
// the classic list); otherwise the SDK's original, under what the views draw above it (a switch).
// The minimized left panel always keeps the original: it has no room for another view.
import React from "react";
import OriginalRoomList from "$sdk-original/components/views/rooms/RoomList";
import MatrixClientContext from "matrix-react-sdk/src/contexts/MatrixClientContext";
import RoomListStore from "matrix-react-sdk/src/stores/room-list/RoomListStore";

import { contributionsTo, onSlotsChange } from "../sdk/slotRegistry";
import { closeLeftPanelView, onPanelsChange, openedLeftPanelView } from "../sdk/panels";
import { onRoomListFiltersChange } from "../sdk/roomListFilters";
import type { LeftPanelView } from "../sdk/slots";

// SpaceStore imports the SDK's tag order from this module: it stays the SDK's.
export { TAG_ORDER } from "$sdk-original/components/views/rooms/RoomList";

type Props = OriginalRoomList["props"];

/** The view the left panel shows for this user now, or undefined for Element's list. */
export function shownLeftPanelView(views: readonly LeftPanelView[], userId: string | null): LeftPanelView | undefined {
    const opened = openedLeftPanelView();
    return (
        (opened ? views.find((view) => view.id === opened) : undefined) ??
        views.find((view) => view.replacesRoomList?.(userId) === true)
    );
}

export default class RoomList extends React.Component<Props> {
    public static contextType = MatrixClientContext;
    declare public context: React.ContextType<typeof MatrixClientContext>;

    private readonly original = React.createRef<OriginalRoomList>();
    private readonly view = React.createRef<{ focus(): void }>();
    private readonly stops: (() => void)[] = [];
    private watchedViews: readonly LeftPanelView[] = [];
    private stopViews: (() => void)[] = [];

    public componentDidMount(): void {
        const update = (): void => this.forceUpdate();
        this.stops.push(
            onSlotsChange(update),
            onPanelsChange(update),
            // The room-list filter slot (src/seams/roomListCustomisations.ts): sort the lists again when it changes.
            onRoomListFiltersChange(() => RoomListStore.instance.regenerateAllLists({ trigger: true })),
        );
    }

    public componentWillUnmount(): void {
        for (const stop of [...this.stops, ...this.stopViews]) stop();
    }

    /** LeftPanel moves focus into the list with this (the "next room" key from the search box). */
    public focus(): void {
        if (this.view.current) this.view.current.focus();
        else this.original.current?.focus();
    }

    private get userId(): string | null {
        return this.context?.getUserId() ?? null;
    }

    /** Follows each view's own changes (a user switching views) while it is contributed. */
    private watch(views: readonly LeftPanelView[]): void {
        if (views.length === this.watchedViews.length && views.every((v, i) => v === this.watchedViews[i])) return;
        for (const stop of this.stopViews) stop();
        this.watchedViews = views;
        this.stopViews = views.flatMap((view) => (view.onChange ? [view.onChange(() => this.forceUpdate())] : []));
    }

    public render(): React.ReactNode {
        const views = contributionsTo("leftPanelView");
        this.watch(views);
        const shown = this.props.isMinimized ? undefined : shownLeftPanelView(views, this.userId);
        if (shown) {
            return (
                <div className="atrium_LeftPanelView" data-view={shown.id}>
                    {shown.render({
                        userId: this.userId,
                        close: () => closeLeftPanelView(shown.id),
                        focusRef: this.view,
                    })}
                </div>
            );
        }
        const above = this.props.isMinimized ? [] : views.filter((view) => view.renderAboveRoomList);
        return (
            <>
                {above.map((view) => (
                    <React.Fragment key={view.id}>{view.renderAboveRoomList!(this.userId)}</React.Fragment>
                ))}
                <OriginalRoomList ref={this.original} {...this.props} />
            </>
        );
    }
}
