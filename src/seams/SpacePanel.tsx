// Wraps the SDK's SpacePanel (see sdk-replacements.json). With the space navigator showing, the
// navigator is the tree named "Spaces"; the space bar's own tree (and its landmark) are renamed
// "Space bar" so a screen-reader user never meets two trees of the same name. The bar itself is
// untouched: it still holds the user menu, Home, People, and picking a space there opens it in
// the navigator.
import React, { useEffect, useLayoutEffect, useReducer, useRef } from "react";
import OriginalSpacePanel from "$sdk-original/components/views/spaces/SpacePanel";
import { useMatrixClientContext } from "matrix-react-sdk/src/contexts/MatrixClientContext";

import { currentView, navigatorString, onViewChange } from "../../modules/space-navigator";

// RoomListHeader imports the Home button's menu from this module: it stays the SDK's.
export { HomeButtonContextMenu } from "$sdk-original/components/views/spaces/SpacePanel";

const RENAMED = "[role=tree].mx_SpaceTreeLevel, nav.mx_SpacePanel";

export default function SpacePanel(): JSX.Element {
    const client = useMatrixClientContext();
    const [, rerender] = useReducer((n: number) => n + 1, 0);
    useEffect(() => onViewChange(rerender), []);
    const wrapper = useRef<HTMLDivElement>(null);
    const navigatorShown = currentView(client?.getUserId()) === "navigator";

    useLayoutEffect(() => {
        const root = wrapper.current;
        if (!root) return;
        const label = navigatorShown ? navigatorString("space_bar") : null;
        const apply = (): void => {
            for (const element of root.querySelectorAll<HTMLElement>(RENAMED)) {
                if (!element.dataset.sdkLabel) element.dataset.sdkLabel = element.getAttribute("aria-label") ?? "";
                const wanted = label ?? element.dataset.sdkLabel;
                if (element.getAttribute("aria-label") !== wanted) element.setAttribute("aria-label", wanted);
            }
        };
        apply();
        // The SDK re-creates the tree (drag and drop, collapsing the bar): rename the new one too.
        const observer = new MutationObserver(apply);
        observer.observe(root, { childList: true, subtree: true });
        return () => observer.disconnect();
    }, [navigatorShown]);

    return (
        <div ref={wrapper} className="atrium_SpacePanelWrapper">
            <OriginalSpacePanel />
        </div>
    );
}
