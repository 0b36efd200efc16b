// Wraps the SDK's RoomList (see sdk-replacements.json): when the space navigator module is on and
// the user has not switched back to the classic list, the left panel shows the navigator
// (modules/space-navigator) in the list's place; otherwise the SDK's original, with a button to
// switch. The minimized left panel always keeps the original (it has no room for a tree).
import React from "react";
import OriginalRoomList from "$sdk-original/components/views/rooms/RoomList";
import MatrixClientContext from "matrix-react-sdk/src/contexts/MatrixClientContext";

import {
    loadSpaceNavigator,
    SwitchToNavigatorButton,
    chooseView,
    currentView,
    navigatorAvailable,
    onViewChange,
    type NavigatorPanelHandle,
} from "../../modules/space-navigator";

// Fetched the first time the navigator shows, not with the sign-in page.
const SpaceNavigator = React.lazy(() => loadSpaceNavigator().then((m) => ({ default: m.SpaceNavigator })));

// SpaceStore imports the SDK's tag order from this module: it stays the SDK's.
export { TAG_ORDER } from "$sdk-original/components/views/rooms/RoomList";

type Props = OriginalRoomList["props"];

export default class RoomList extends React.Component<Props> {
    public static contextType = MatrixClientContext;
    declare public context: React.ContextType<typeof MatrixClientContext>;

    private readonly original = React.createRef<OriginalRoomList>();
    private readonly navigator = React.createRef<NavigatorPanelHandle>();
    private stopWatching?: () => void;

    public componentDidMount(): void {
        this.stopWatching = onViewChange(() => this.forceUpdate());
    }

    public componentWillUnmount(): void {
        this.stopWatching?.();
    }

    /** LeftPanel moves focus into the list with this (the "next room" key from the search box). */
    public focus(): void {
        if (this.navigator.current) this.navigator.current.focus();
        else this.original.current?.focus();
    }

    private get userId(): string | null {
        return this.context?.getUserId() ?? null;
    }

    private focusSwitchAfterRender = false;

    private switchTo = (view: "navigator" | "classic"): void => {
        if (!this.userId) return;
        // The button pressed goes away with the view: its counterpart in the new view takes focus.
        this.focusSwitchAfterRender = true;
        chooseView(this.userId, view);
    };

    public componentDidUpdate(): void {
        if (!this.focusSwitchAfterRender) return;
        this.focusSwitchAfterRender = false;
        document.querySelector<HTMLElement>(".atrium_SpaceNav_switch, .atrium_SpaceNav_toNavigator")?.focus();
    }

    public render(): React.ReactNode {
        if (this.props.isMinimized || !navigatorAvailable()) return <OriginalRoomList ref={this.original} {...this.props} />;
        if (currentView(this.userId) === "navigator") {
            return (
                <React.Suspense fallback={<div className="atrium_SpaceNav_loading" aria-busy="true" />}>
                    <SpaceNavigator ref={this.navigator} onSwitchToClassic={() => this.switchTo("classic")} />
                </React.Suspense>
            );
        }
        return (
            <>
                <SwitchToNavigatorButton onClick={() => this.switchTo("navigator")} />
                <OriginalRoomList ref={this.original} {...this.props} />
            </>
        );
    }
}
