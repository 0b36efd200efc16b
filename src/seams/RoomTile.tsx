// Wraps the SDK's RoomTile (see sdk-replacements.json): the room-decoration slot on the classic
// room list. What modules contribute (a policy badge, say) is drawn at the end of the tile's title,
// through a portal into the tile the SDK renders, so the tile itself (its keyboard handling, menus,
// notification badge) stays entirely the SDK's.
import React, { useRef } from "react";
import ReactDOM from "react-dom";
import OriginalRoomTile from "$sdk-original/components/views/rooms/RoomTile";

import { useSlot } from "../sdk/slotRegistry";
import { usePortalContainer } from "./usePortalContainer";

// The list's other modules import these from the tile's module: they stay the SDK's.
export { RoomTile, contextMenuBelow } from "$sdk-original/components/views/rooms/RoomTile";

type Props = React.ComponentProps<typeof OriginalRoomTile>;

/** At the end of the tile's title; the title comes and goes with the minimized panel. */
function placeInTitle(root: HTMLElement, element: HTMLElement): void {
    const title = root.querySelector(".mx_RoomTile_titleContainer");
    if (title && element.parentElement !== title) title.appendChild(element);
}

export default function RoomTile(props: Props): JSX.Element {
    const decorations = useSlot("roomDecoration");
    const wrapper = useRef<HTMLSpanElement>(null);
    const container = usePortalContainer(
        wrapper,
        decorations.length > 0 && !props.isMinimized,
        "span",
        "atrium_RoomDecorations",
        placeInTitle,
    );
    return (
        <span ref={wrapper} className="atrium_RoomTileWrapper">
            <OriginalRoomTile {...props} />
            {container &&
                ReactDOM.createPortal(
                    decorations.map((decoration) => (
                        <React.Fragment key={decoration.id}>
                            {decoration.render(props.room.roomId, "tile")}
                        </React.Fragment>
                    )),
                    container,
                )}
        </span>
    );
}
