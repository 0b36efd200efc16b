// Wraps the SDK's room context menu (see sdk-replacements.json), used by the room list's tiles and,
// through @atrium/sdk/spaces, by the space navigator's room nodes: the roomContextMenuItem slot's
// contributions become options of their own list, above the SDK's red "Leave" list. Like the SDK's
// options they are menu items (arrow keys, Enter), and choosing one closes the menu.
//
// How: the SDK's menu is a function component that returns one IconizedContextMenu element. The
// wrapper calls it as a function, on every render and before anything conditional, so its hooks
// run as this component's own, and adds an option list to the element it returns. Anything else
// than that element is passed on untouched.
import React from "react";
import {
    RoomGeneralContextMenu as SdkRoomGeneralContextMenu,
    type RoomGeneralContextMenuProps,
} from "$sdk-original/components/views/context_menus/RoomGeneralContextMenu";
import {
    IconizedContextMenuOption,
    IconizedContextMenuOptionList,
} from "matrix-react-sdk/src/components/views/context_menus/IconizedContextMenu";
import type { ButtonEvent } from "matrix-react-sdk/src/components/views/elements/AccessibleButton";

import { useSlot } from "@atrium/sdk/slotRegistry";
import type { RoomContextMenuItem } from "@atrium/sdk/slots";
import { askContribution } from "./slotParts";

export type { RoomGeneralContextMenuProps };

function ContributedOption({
    item,
    roomId,
    onFinished,
}: {
    item: RoomContextMenuItem;
    roomId: string;
    onFinished(): void;
}): JSX.Element {
    const onClick = (ev: ButtonEvent): void => {
        ev.preventDefault();
        ev.stopPropagation();
        askContribution("roomContextMenuItem", item, () => item.onSelect(roomId), undefined);
        onFinished();
    };
    return (
        <IconizedContextMenuOption
            label={askContribution("roomContextMenuItem", item, () => item.label(), item.id)}
            onClick={onClick}
        >
            {item.icon ? (
                <span className="atrium_ContributedMenuIcon" aria-hidden="true">
                    {item.icon}
                </span>
            ) : null}
        </IconizedContextMenuOption>
    );
}

export const RoomGeneralContextMenu: React.FC<RoomGeneralContextMenuProps> = (props) => {
    const items = useSlot("roomContextMenuItem");
    const menu = SdkRoomGeneralContextMenu(props);
    const roomId = props.room.roomId;
    const visible = items.filter((item) =>
        askContribution("roomContextMenuItem", item, () => item.isVisible?.(roomId) ?? true, false),
    );
    if (visible.length === 0 || !React.isValidElement<{ children?: React.ReactNode }>(menu)) return menu;

    const contributed = (
        <IconizedContextMenuOptionList key="atrium_contributed" className="atrium_ContributedMenuOptions">
            {visible.map((item) => (
                <ContributedOption key={item.id} item={item} roomId={roomId} onFinished={props.onFinished} />
            ))}
        </IconizedContextMenuOptionList>
    );
    const lists = React.Children.toArray(menu.props.children);
    const redList = lists.findIndex((list) => React.isValidElement<{ red?: boolean }>(list) && list.props.red);
    lists.splice(redList >= 0 ? redList : lists.length, 0, contributed);
    return React.cloneElement(menu, undefined, ...lists);
};
