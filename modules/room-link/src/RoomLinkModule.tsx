// Adds a "Copy room link" button to every room header, so a room can be shared in a mail or a
// wiki page in one click. Seam: the module API's RoomViewLifecycle.ViewRoom header buttons.
import React from "react";
import { RuntimeModule } from "@matrix-org/react-sdk-module-api/lib/RuntimeModule";
import { ModuleApi } from "@matrix-org/react-sdk-module-api/lib/ModuleApi";
import { RoomViewLifecycle, ViewRoomOpts } from "@matrix-org/react-sdk-module-api/lib/lifecycles/RoomViewLifecycle";
import { addModuleStrings, atriumI18n, copyToClipboard, moduleSettings, roomPermalink } from "@atrium/sdk";

import { ROOM_LINK_NAMESPACE, roomLinkStrings } from "../i18n/strings";
import { announce } from "./announce";
import { LinkIcon } from "./LinkIcon";
import "../room-link.pcss";

export const COPY_ROOM_LINK_BUTTON_ID = "atrium.room-link.copy";

const t = (key: string): string => atriumI18n.t(key, { ns: ROOM_LINK_NAMESPACE }) as string;

export async function copyRoomLink(roomId: string): Promise<boolean> {
    let copied = false;
    try {
        copied = await copyToClipboard(roomPermalink(roomId));
    } catch {
        copied = false; // no client yet, or the clipboard refused: say so rather than fail silently
    }
    announce(t(copied ? "copied" : "failed"));
    return copied;
}

export class RoomLinkModule extends RuntimeModule {
    public constructor(moduleApi: ModuleApi) {
        super(moduleApi);
        this.moduleName = "room-link";
        addModuleStrings(ROOM_LINK_NAMESPACE, roomLinkStrings);
        this.on(RoomViewLifecycle.ViewRoom, this.onViewRoom);
    }

    private onViewRoom = (opts: ViewRoomOpts, roomId: string): void => {
        // `atrium.modules.room-link.enabled: false` in the config takes the button away (from the next room view on).
        if (!moduleSettings("room-link").enabled) return;
        opts.buttons.push({
            id: COPY_ROOM_LINK_BUTTON_ID,
            icon: <LinkIcon />,
            label: () => t("copy"),
            onClick: () => void copyRoomLink(roomId),
        });
    };
}
