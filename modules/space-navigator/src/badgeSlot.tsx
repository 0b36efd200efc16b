// Decorations on tree nodes (policy badges, their own module): the room-decoration slot of
// @atrium/sdk, drawn by each row inside `<span class="atrium_SpaceNav_badges">`. Sections (People,
// Other rooms) are no rooms and get none. The SpaceNavigator component also takes a `renderBadges`
// prop (tests), which wins over the slot.
import React, { useMemo, type ReactNode } from "react";
import { useSlot, type RoomDecorationIds } from "@atrium/sdk";

import type { NavigatorNode } from "./tree/model";

/** What a row shows of its node's decorations, and how many there are. */
export interface NodeDecorations {
    /** The row's name reads each decoration's words, its description each one's explanation. */
    count: number;
    /** `ids(i)`: the IDs the row reads for the i-th decoration. */
    render(node: Readonly<NavigatorNode>, ids: (index: number) => RoomDecorationIds): ReactNode;
}

/** The slot's decorations, or undefined while no module contributes any. */
export function useNodeDecorations(): NodeDecorations | undefined {
    const decorations = useSlot("roomDecoration");
    const key = decorations.map((d) => d.id).join("\n");
    // A new value only when the set changes: every row is memoised on it.
    return useMemo<NodeDecorations | undefined>(
        () =>
            decorations.length === 0
                ? undefined
                : {
                      count: decorations.length,
                      render: (node, ids) =>
                          node.kind === "section"
                              ? null
                              : decorations.map((decoration, index) => (
                                    <React.Fragment key={decoration.id}>
                                        {decoration.render(node.id, "node", ids(index))}
                                    </React.Fragment>
                                )),
                  },
        [key], // eslint-disable-line react-hooks/exhaustive-deps -- the set, not the array's identity
    );
}
