// Context actions on a tree node, reusing the SDK's own menus: the room list's menu for rooms
// (mark as read, favourite, invite, copy link, settings, leave) and the space bar's for spaces
// (space home, invite, settings, leave…). Rooms not joined get Join (where the rule allows asking
// the server directly) and Preview, through the SDK's space-hierarchy flows.
import React from "react";
import {
    IconizedContextMenu,
    IconizedContextMenuOption,
    IconizedContextMenuOptionList,
    RoomGeneralContextMenu,
    SpaceContextMenu,
    type MatrixClient,
} from "@atrium/sdk/spaces";

import type { NavigatorNode } from "../tree/model";
import type { Translate } from "../strings";

export interface NodeMenuProps {
    client: MatrixClient;
    node: NavigatorNode;
    anchor: { left: number; top: number };
    t: Translate;
    onJoin(): void;
    onPreview(): void;
    onFinished(): void;
}

/** Rules under which a join request can succeed without an invite or a knock. */
export const canJoinDirectly = (joinRule: string | undefined): boolean =>
    joinRule === undefined || joinRule === "public" || joinRule === "restricted" || joinRule === "knock_restricted";

export function NodeMenu({
    client,
    node,
    anchor,
    t,
    onJoin,
    onPreview,
    onFinished,
}: NodeMenuProps): JSX.Element | null {
    const position = { left: anchor.left, top: anchor.top };
    if (node.membership === "none") {
        return (
            <IconizedContextMenu {...position} onFinished={onFinished} compact>
                <IconizedContextMenuOptionList first>
                    {canJoinDirectly(node.joinRule) && (
                        <IconizedContextMenuOption
                            label={t("join")}
                            iconClassName="atrium_SpaceNav_menuJoin"
                            onClick={() => {
                                onFinished();
                                onJoin();
                            }}
                        />
                    )}
                    <IconizedContextMenuOption
                        label={t("preview")}
                        iconClassName="atrium_SpaceNav_menuPreview"
                        onClick={() => {
                            onFinished();
                            onPreview();
                        }}
                    />
                </IconizedContextMenuOptionList>
            </IconizedContextMenu>
        );
    }
    const room = client.getRoom(node.id);
    if (!room) return null;
    if (node.kind === "space" && node.membership === "join") {
        return <SpaceContextMenu {...position} space={room} onFinished={onFinished} />;
    }
    return <RoomGeneralContextMenu {...position} room={room} onFinished={onFinished} />;
}
