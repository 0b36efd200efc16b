// A node's avatar, as Element's room tiles have one: the room's or space's picture when it has one,
// else its initial on a colour from its ID. Decorative: the row's name already says which room it is.
import React from "react";
import { roomAvatarUrl } from "@atrium/sdk";

import type { NavigatorNode } from "../tree/model";

export const AVATAR_SIZE = 20;
const LETTER_COLOURS = 6;

function colourIndex(id: string): number {
    let hash = 0;
    for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) | 0;
    return Math.abs(hash) % LETTER_COLOURS;
}

export function RowAvatar({ node }: { node: Readonly<NavigatorNode> }): JSX.Element {
    if (node.kind === "section")
        return <span className="atrium_SpaceNav_icon" aria-hidden="true" data-kind={node.kind} />;
    const url = roomAvatarUrl(node.id, AVATAR_SIZE);
    if (url)
        return <img className="atrium_SpaceNav_avatar" data-kind={node.kind} src={url} alt="" aria-hidden="true" />;
    // The first character as a person sees it (one code point, not half a surrogate pair).
    const initial = Array.from(node.name.replace(/^[#@!]/, "").trim())[0]?.toUpperCase() ?? "?";
    return (
        <span
            className="atrium_SpaceNav_avatar atrium_SpaceNav_avatar_letter"
            data-kind={node.kind}
            data-colour={colourIndex(node.id)}
            data-initial={initial}
            aria-hidden="true"
        />
    );
}
