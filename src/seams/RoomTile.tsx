// Wraps the SDK's RoomTile (see sdk-replacements.json): the room-decoration slot on the classic
// room list. What modules contribute (a policy badge, say) is drawn at the end of the tile's title,
// into a span of ours the SDK's markup keeps, so the tile itself (its keyboard handling, menus,
// notification badge) stays entirely the SDK's. Decorations draw there with the DOM, not through a
// portal (see RoomDecoration in src/sdk/slots.ts).
import React, { useLayoutEffect, useRef } from "react";
import OriginalRoomTile from "$sdk-original/components/views/rooms/RoomTile";

import { drawRoomDecorations } from "../sdk/roomDecorations";
import { useSlot } from "../sdk/slotRegistry";
import type { RoomDecoration } from "../sdk/slots";
import { keepPlaced } from "./usePortalContainer";

// The list's other modules import these from the tile's module: they stay the SDK's.
export { RoomTile, contextMenuBelow } from "$sdk-original/components/views/rooms/RoomTile";

type Props = React.ComponentProps<typeof OriginalRoomTile>;

/** At the end of the tile's title; the title comes and goes with the minimized panel. */
function placeInTitle(root: HTMLElement, element: HTMLElement): void {
    const title = root.querySelector(".mx_RoomTile_titleContainer");
    if (title && element.parentElement !== title) title.appendChild(element);
}

/**
 * The decorations drawn for the room inside one container at the end of the tile's title, while
 * `shown` (the slot hands out the same array while its decorations are the same).
 */
function useTileDecorations(
    wrapper: React.RefObject<HTMLElement>,
    decorations: readonly RoomDecoration[],
    roomId: string,
    shown: boolean,
): void {
    useLayoutEffect(() => {
        const root = wrapper.current;
        if (!root || !shown || decorations.length === 0) return;
        const container = document.createElement("span");
        container.className = "atrium_RoomDecorations";
        const undraw = drawRoomDecorations(container, decorations, roomId);
        const stopFollowing = keepPlaced(root, container, placeInTitle);
        return () => {
            stopFollowing();
            undraw();
            container.remove();
        };
    }, [wrapper, decorations, roomId, shown]);
}

export default function RoomTile(props: Props): JSX.Element {
    const decorations = useSlot("roomDecoration");
    const wrapper = useRef<HTMLSpanElement>(null);
    useTileDecorations(wrapper, decorations, props.room.roomId, !props.isMinimized);
    return (
        <span ref={wrapper} className="atrium_RoomTileWrapper">
            <OriginalRoomTile {...props} />
        </span>
    );
}
