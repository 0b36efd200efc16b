// The room header's link to the room's wiki space, following the room's state live.
import React, { type ReactElement, useEffect, useState } from "react";
import { onRoomStateChange, useAtriumTranslation } from "@atrium/sdk";

import { WIKI_LINK_NAMESPACE } from "../i18n/strings";
import { trustedWikiSpace } from "./wikiSpace";

export function WikiSpaceLink({ roomId }: { roomId: string }): ReactElement | null {
    const t = useAtriumTranslation(WIKI_LINK_NAMESPACE);
    const [url, setUrl] = useState(() => trustedWikiSpace(roomId));
    useEffect(() => {
        setUrl(trustedWikiSpace(roomId));
        return onRoomStateChange(() => setUrl(trustedWikiSpace(roomId)), roomId);
    }, [roomId]);
    if (!url) return null;
    return (
        <a
            className="atrium_WikiSpaceLink"
            href={url}
            target="_blank"
            rel="noopener noreferrer"
            title={t("description")}
        >
            {t("link")}
        </a>
    );
}
