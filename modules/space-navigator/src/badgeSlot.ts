// The slot for policy badges (classification, retention… their own issue) on every tree node.
// A module calls `setNodeBadgeRenderer` once; each row then renders what it returns inside
// `<span class="atrium_SpaceNav_badges">` (empty when nothing is registered). The SpaceNavigator
// component also takes a `renderBadges` prop, which wins over the registered renderer.
import type { ReactNode } from "react";

import type { NavigatorNode } from "./tree/model";

export type NodeBadgeRenderer = (node: Readonly<NavigatorNode>) => ReactNode;

let registered: NodeBadgeRenderer | undefined;

/** Registers the badge renderer; returns a function that removes it again. */
export function setNodeBadgeRenderer(render: NodeBadgeRenderer | undefined): () => void {
    registered = render;
    return () => {
        if (registered === render) registered = undefined;
    };
}

export function registeredBadgeRenderer(): NodeBadgeRenderer | undefined {
    return registered;
}
