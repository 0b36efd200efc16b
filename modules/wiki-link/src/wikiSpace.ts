// The room ↔ wiki space link: a state event of ours, `com.atrium.wiki_space` with `{ "url": … }`
// (state key ""), naming the wiki space that belongs to the room. It is shown only when its URL is
// http(s) and its sender holds the power the event needs under the room's current power levels:
// anyone else's (sent while state_default was low, or by someone since demoted) is ignored.
import { roomState, senderMayHaveSent } from "@atrium/sdk";

export const WIKI_SPACE_EVENT = "com.atrium.wiki_space";

/** An http(s) URL with a host of letters, digits, dots and hyphens or an IP literal; no user name. */
const HTTP_URL =
    /^https?:\/\/(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]{2,45}\])(?::[0-9]{1,5})?(?:[/?#][^\s]*)?$/;

const MAX_URL_LENGTH = 2048;

/** The event content's URL when it is a safe http(s) link; null for anything else. */
export function wikiSpaceUrl(content: unknown): string | null {
    if (typeof content !== "object" || content === null) return null;
    const url = (content as { url?: unknown }).url;
    if (typeof url !== "string" || url.length > MAX_URL_LENGTH || !HTTP_URL.test(url)) return null;
    try {
        const parsed = new URL(url);
        return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.toString() : null;
    } catch {
        return null;
    }
}

/** The room's wiki space, when a sender with the power to set it did. */
export function trustedWikiSpace(roomId: string): string | null {
    const entry = roomState(roomId, WIKI_SPACE_EVENT);
    if (!entry || !senderMayHaveSent(roomId, WIKI_SPACE_EVENT, entry)) return null;
    return wikiSpaceUrl(entry.content);
}
