// Decorations on tree nodes (policy badges, their own module): the room-decoration slot of
// @atrium/sdk, drawn by each row inside `<span class="atrium_SpaceNav_badges">`. Sections (People,
// Other rooms) are no rooms and get none (the row does not ask). The SpaceNavigator component also
// takes a `renderBadges` prop (tests), which wins over the slot.
import { useMemo } from "react";
import { drawRoomDecorations, useSlot, type RoomDecorationIds } from "@atrium/sdk";

/** What a row shows of its node's decorations, and how many there are. */
export interface NodeDecorations {
    /** The row's name reads each decoration's words, its description each one's explanation. */
    count: number;
    /**
     * Draws the decorations of the node's room into `element` (the row's, empty), `ids(i)` naming what
     * the row reads for the i-th; returns what takes them away.
     */
    draw(element: HTMLElement, roomId: string, ids: (index: number) => RoomDecorationIds): () => void;
}

/** The slot's decorations, or undefined while no module contributes any. */
export function useNodeDecorations(): NodeDecorations | undefined {
    // The same array while the set is the same: a new value only when it changes (every row is memoised on it).
    const decorations = useSlot("roomDecoration");
    return useMemo<NodeDecorations | undefined>(
        () =>
            decorations.length === 0
                ? undefined
                : {
                      count: decorations.length,
                      draw: (element, roomId, ids) => drawRoomDecorations(element, decorations, roomId, ids),
                  },
        [decorations],
    );
}
