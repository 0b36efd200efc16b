// Wraps the SDK's SpacePanel (see sdk-replacements.json): the space-bar button slot, and the
// space bar's name while a left-panel view shows a tree of its own. Contributed buttons sit in the
// bar itself, below the spaces and above the threads and quick-settings buttons; a view that shows
// its own tree named "Spaces" (the navigator) has the bar's tree and landmark renamed (its
// `spaceBarLabel`) so a screen-reader user never meets two trees of the same name.
import React, { useEffect, useLayoutEffect, useReducer, useRef } from "react";
import ReactDOM from "react-dom";
import OriginalSpacePanel from "$sdk-original/components/views/spaces/SpacePanel";
import { useMatrixClientContext } from "matrix-react-sdk/src/contexts/MatrixClientContext";

import { contributionsTo, onSlotsChange } from "../sdk/slotRegistry";
import { onPanelsChange } from "../sdk/panels";
import { usePortalContainer } from "./usePortalContainer";
import type { SpaceBarButton } from "../sdk/slots";
import { shownLeftPanelView } from "./RoomList";

// RoomListHeader imports the Home button's menu from this module: it stays the SDK's.
export { HomeButtonContextMenu } from "$sdk-original/components/views/spaces/SpacePanel";

const RENAMED = "[role=tree].mx_SpaceTreeLevel, nav.mx_SpacePanel";
// Contributed buttons go just before the first of these in the bar (the SDK's bottom buttons).
const BOTTOM_OF_BAR = ".mx_ThreadsActivityCentre_container, .mx_ThreadsActivityCentreButton, .mx_QuickSettingsButton";

function SpaceBarButtons({ buttons }: { buttons: readonly SpaceBarButton[] }): JSX.Element {
    return (
        <>
            {buttons.map((button) => {
                const label = button.label();
                const pressed = button.isPressed?.();
                return (
                    <button
                        key={button.id}
                        type="button"
                        className="atrium_SpaceBarButton"
                        aria-label={label}
                        aria-pressed={pressed === undefined ? undefined : pressed}
                        title={label}
                        onClick={() => button.onClick()}
                    >
                        <span className="atrium_SpaceBarButton_icon" aria-hidden="true">
                            {button.icon}
                        </span>
                        <span className="atrium_SpaceBarButton_label">{label}</span>
                    </button>
                );
            })}
        </>
    );
}

/** In the bar itself, just before its bottom buttons. */
function placeInBar(root: HTMLElement, element: HTMLElement): void {
    const bar = root.querySelector("nav.mx_SpacePanel");
    if (!bar) return;
    const before = bar.querySelector(BOTTOM_OF_BAR);
    const anchor = before && before.parentElement === bar ? before : null;
    if (element.parentElement !== bar || element.nextSibling !== anchor) bar.insertBefore(element, anchor);
}

export default function SpacePanel(): JSX.Element {
    const client = useMatrixClientContext();
    const [, rerender] = useReducer((n: number) => n + 1, 0);
    useEffect(() => {
        const stops = [onSlotsChange(rerender), onPanelsChange(rerender)];
        return () => stops.forEach((stop) => stop());
    }, []);
    const views = contributionsTo("leftPanelView");
    useEffect(() => {
        const stops = views.flatMap((view) => (view.onChange ? [view.onChange(rerender)] : []));
        return () => stops.forEach((stop) => stop());
    }, [views]); // the same array while the views are the same (contributionsTo)
    const buttons = contributionsTo("spaceBarButton");
    const wrapper = useRef<HTMLDivElement>(null);
    const container = usePortalContainer(wrapper, buttons.length > 0, "div", "atrium_SpaceBarButtons", placeInBar);
    const label = shownLeftPanelView(views, client?.getUserId() ?? null)?.spaceBarLabel?.() ?? null;

    useLayoutEffect(() => {
        const root = wrapper.current;
        if (!root) return;
        const apply = (): void => {
            for (const element of root.querySelectorAll<HTMLElement>(RENAMED)) {
                if (element.dataset.sdkLabel === undefined)
                    element.dataset.sdkLabel = element.getAttribute("aria-label") ?? "";
                const wanted = label ?? element.dataset.sdkLabel;
                if (element.getAttribute("aria-label") !== wanted) element.setAttribute("aria-label", wanted);
            }
        };
        apply();
        // The SDK re-creates the tree (drag and drop, collapsing the bar): rename the new one too.
        const observer = new MutationObserver(apply);
        observer.observe(root, { childList: true, subtree: true });
        return () => observer.disconnect();
    }, [label]);

    return (
        <div ref={wrapper} className="atrium_SpacePanelWrapper">
            <OriginalSpacePanel />
            {container && ReactDOM.createPortal(<SpaceBarButtons buttons={buttons} />, container)}
        </div>
    );
}
