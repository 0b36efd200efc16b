// The wiki-link module: the room's wiki space (com.atrium.wiki_space) as a link in the room header.
// Slot: roomHeaderItem.
import React from "react";
import { RuntimeModule } from "@matrix-org/react-sdk-module-api/lib/RuntimeModule";
import type { ModuleApi } from "@matrix-org/react-sdk-module-api/lib/ModuleApi";
import { addModuleStrings, contribute } from "@atrium/sdk";

import { WIKI_LINK_NAMESPACE, wikiLinkStrings } from "../i18n/strings";
import { WikiSpaceLink } from "./WikiSpaceLink";
import "../wiki-link.pcss";

export const WIKI_LINK_MODULE = "wiki-link";

export class WikiLinkModule extends RuntimeModule {
    public constructor(api: ModuleApi) {
        super(api);
        addModuleStrings(WIKI_LINK_NAMESPACE, wikiLinkStrings);
        contribute("roomHeaderItem", {
            id: "wiki-link.header",
            module: WIKI_LINK_MODULE,
            render: (roomId) => <WikiSpaceLink roomId={roomId} />,
        });
    }
}
