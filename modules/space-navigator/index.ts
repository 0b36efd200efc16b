// What the seams and other modules use of the space navigator.
// The navigator itself is loaded on demand (its own chunk): nothing of it is needed for the sign-in
// page or before the left panel shows.
export type { SpaceNavigatorProps } from "./src/components/SpaceNavigator";
export const loadSpaceNavigator = (): Promise<typeof import("./src/components/SpaceNavigator")> =>
    import(/* webpackChunkName: "space-navigator" */ "./src/components/SpaceNavigator");
export type { NavigatorPanelHandle } from "./src/components/NavigatorPanel";
export { SwitchToNavigatorButton } from "./src/components/ViewSwitch";
export { chooseView, currentView, navigatorAvailable, onViewChange, type SpaceNavigatorSettings } from "./src/view";
export type { NavigatorView } from "./src/userState";
export { navigatorString } from "./src/strings";
export { setNodeBadgeRenderer, type NodeBadgeRenderer } from "./src/badgeSlot";
import "./view-switch.pcss";
