// Wraps the SDK's RoomHeader (see sdk-replacements.json): the room-header item slot. What modules
// contribute (policy badges, a linked wiki space…) is drawn right after the room's name and before
// the header's buttons, through a portal into the header the SDK renders. Not inside the name: that
// is one big button (it opens the room summary), and items may be focusable themselves.
// The module API's own header buttons (RoomViewLifecycle.ViewRoom) stay the SDK's.
import React, { useRef } from "react";
import ReactDOM from "react-dom";
import OriginalRoomHeader from "$sdk-original/components/views/rooms/RoomHeader";

import { useSlot } from "../sdk/slotRegistry";
import { usePortalContainer } from "./usePortalContainer";

type Props = React.ComponentProps<typeof OriginalRoomHeader>;

/** Right after the room's name (a button), before the header's buttons. */
function placeAfterName(root: HTMLElement, element: HTMLElement): void {
    const name = root.querySelector(".mx_RoomHeader_infoWrapper");
    if (name?.parentElement && element.previousElementSibling !== name) name.after(element);
}

export default function RoomHeader(props: Props): JSX.Element {
    const items = useSlot("roomHeaderItem");
    const wrapper = useRef<HTMLDivElement>(null);
    const container = usePortalContainer(wrapper, items.length > 0, "div", "atrium_RoomHeaderItems", placeAfterName);
    return (
        <div ref={wrapper} className="atrium_RoomHeaderWrapper">
            <OriginalRoomHeader {...props} />
            {container &&
                ReactDOM.createPortal(
                    items.map((item) => (
                        <React.Fragment key={item.id}>{item.render(props.room.roomId)}</React.Fragment>
                    )),
                    container,
                )}
        </div>
    );
}
