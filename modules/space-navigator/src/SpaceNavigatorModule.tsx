// The space navigator's entry: its strings, and its left-panel view (the @atrium/sdk slot rendered
// by the RoomList wrapper), which takes the room list's place unless the user or the config chose
// Element's classic list. The navigator's code is a chunk of its own, fetched the first time it shows.
import React from "react";
import { RuntimeModule } from "@matrix-org/react-sdk-module-api/lib/RuntimeModule";
import { ModuleApi } from "@matrix-org/react-sdk-module-api/lib/ModuleApi";
import { addModuleStrings, contribute, type LeftPanelViewProps } from "@atrium/sdk";

import { SPACE_NAVIGATOR_NAMESPACE, spaceNavigatorStrings } from "../i18n/strings";
import { chooseView, currentView, MODULE_NAME, onViewChange } from "./view";
import { navigatorString } from "./strings";
import { SwitchToNavigatorButton } from "./components/ViewSwitch";
import { requestSwitchFocus } from "./switchFocus";
import "../view-switch.pcss";

const SpaceNavigator = React.lazy(() =>
    import(/* webpackChunkName: "space-navigator" */ "./components/SpaceNavigator").then((m) => ({
        default: m.SpaceNavigator,
    })),
);

function switchTo(userId: string | null, view: "navigator" | "classic"): void {
    if (!userId) return;
    // The button pressed goes away with the view: its counterpart in the new view takes focus.
    requestSwitchFocus();
    chooseView(userId, view);
}

function NavigatorView({ focusRef, userId }: LeftPanelViewProps): JSX.Element {
    return (
        <React.Suspense fallback={<div className="atrium_SpaceNav_loading" aria-busy="true" />}>
            <SpaceNavigator ref={focusRef} onSwitchToClassic={() => switchTo(userId, "classic")} />
        </React.Suspense>
    );
}

export class SpaceNavigatorModule extends RuntimeModule {
    public constructor(moduleApi: ModuleApi) {
        super(moduleApi);
        this.moduleName = MODULE_NAME;
        addModuleStrings(SPACE_NAVIGATOR_NAMESPACE, spaceNavigatorStrings);
        contribute("leftPanelView", {
            id: "space-navigator.tree",
            module: MODULE_NAME,
            label: () => navigatorString("tree"),
            render: (props) => <NavigatorView {...props} />,
            replacesRoomList: (userId) => currentView(userId) === "navigator",
            spaceBarLabel: () => navigatorString("space_bar"),
            renderAboveRoomList: (userId) => <SwitchToNavigatorButton onClick={() => switchTo(userId, "navigator")} />,
            onChange: onViewChange,
        });
    }
}
