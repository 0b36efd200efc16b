// Decorations on tree nodes (policy badges, their own module): the room-decoration slot of
// @atrium/sdk, drawn by each row inside `<span class="atrium_SpaceNav_badges">`. Sections (People,
// Other rooms) are no rooms and get none. The SpaceNavigator component also takes a `renderBadges`
// prop (tests, the bench), which wins over the slot.
import React, { useCallback, type ReactNode } from "react";
import { useSlot } from "@atrium/sdk";

import type { NavigatorNode } from "./tree/model";

/** "badges": what the row shows; "words": the same as plain text, for the row's accessible name. */
export type NodeBadgeRenderer = (node: Readonly<NavigatorNode>, part: "badges" | "words") => ReactNode;

/** The slot's decorations as a renderer, or undefined while no module contributes any. */
export function useNodeDecorations(): NodeBadgeRenderer | undefined {
    const decorations = useSlot("roomDecoration");
    const render = useCallback<NodeBadgeRenderer>(
        (node, part) =>
            node.kind === "section"
                ? null
                : decorations.map((decoration) => (
                      <React.Fragment key={decoration.id}>
                          {part === "badges" ? decoration.render(node.id, "node") : <>{decoration.words?.(node.id)} </>}
                      </React.Fragment>
                  )),
        [decorations.map((d) => d.id).join("\n")], // eslint-disable-line react-hooks/exhaustive-deps -- a new renderer only when the set changes
    );
    return decorations.length > 0 ? render : undefined;
}
