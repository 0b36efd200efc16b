// Wraps the SDK's RoomTile (see sdk-replacements.json): the room-decoration slot on the classic
// room list. What modules contribute (a policy badge, say) is drawn at the end of the tile's title,
// through a portal into the tile the SDK renders, so the tile itself (its keyboard handling, menus,
// notification badge) stays entirely the SDK's.
import React, { useLayoutEffect, useRef, useState } from "react";
import ReactDOM from "react-dom";
import OriginalRoomTile from "$sdk-original/components/views/rooms/RoomTile";

import { useSlot } from "../sdk/slotRegistry";

// The list's other modules import these from the tile's module: they stay the SDK's.
export { RoomTile, contextMenuBelow } from "$sdk-original/components/views/rooms/RoomTile";

type Props = React.ComponentProps<typeof OriginalRoomTile>;

/** Our container at the end of the tile's title, made once the SDK has rendered the tile. */
function useTitleContainer(wrapper: React.RefObject<HTMLElement>, wanted: boolean): HTMLElement | null {
    const [container, setContainer] = useState<HTMLElement | null>(null);
    useLayoutEffect(() => {
        const root = wrapper.current;
        if (!root || !wanted) return;
        const element = document.createElement("span");
        element.className = "atrium_RoomDecorations";
        const place = (): void => {
            const title = root.querySelector(".mx_RoomTile_titleContainer");
            if (title && element.parentElement !== title) title.appendChild(element);
        };
        place();
        setContainer(element);
        // The title comes and goes with the minimized panel: follow it.
        const observer = new MutationObserver(place);
        observer.observe(root, { childList: true, subtree: true });
        return () => {
            observer.disconnect();
            element.remove();
            setContainer(null);
        };
    }, [wrapper, wanted]);
    return container;
}

export default function RoomTile(props: Props): JSX.Element {
    const decorations = useSlot("roomDecoration");
    const wrapper = useRef<HTMLSpanElement>(null);
    const container = useTitleContainer(wrapper, decorations.length > 0 && !props.isMinimized);
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
