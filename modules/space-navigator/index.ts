// What the seams and other modules use of the space navigator.
// The navigator itself is loaded on demand (its own chunk): nothing of it is needed for the sign-in
// page or before the left panel shows.
import "./view-switch.pcss";

export const loadSpaceNavigator = (): Promise<typeof import("./src/components/SpaceNavigator")> =>
    import(/* webpackChunkName: "space-navigator" */ "./src/components/SpaceNavigator");
export type { NavigatorPanelHandle } from "./src/components/NavigatorPanel";
export { SwitchToNavigatorButton } from "./src/components/ViewSwitch";
export { chooseView, currentView, navigatorAvailable, onViewChange } from "./src/view";
export { navigatorString } from "./src/strings";
