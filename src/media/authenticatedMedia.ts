// Matrix 1.11 serves media only to signed-in clients (/_matrix/client/v1/media/..., with the access
// token), and Synapse turns the old unauthenticated endpoints off for new media by default. The SDK
// this app is built on predates that. These helpers decide which URLs to build and how to fetch.
import type { MatrixClient } from "matrix-js-sdk/src/matrix";

const supportByClient = new WeakMap<MatrixClient, boolean>();

/**
 * Whether media URLs for `client` should be the authenticated ones. Until the homeserver's versions
 * are known the answer is yes (every homeserver of the last years has them); the check runs once.
 */
export function usesAuthenticatedMedia(client: MatrixClient): boolean {
    const known = supportByClient.get(client);
    if (known !== undefined) return known;
    supportByClient.set(client, true);
    // Matrix 1.11, or Synapse's unstable MSC3916 flags on a homeserver that does not claim 1.11 yet.
    Promise.all([
        client.isVersionSupported("v1.11"),
        client.doesServerSupportUnstableFeature("org.matrix.msc3916.stable"),
        client.doesServerSupportUnstableFeature("org.matrix.msc3916"),
    ])
        .then((answers) => supportByClient.set(client, answers.some(Boolean)))
        .catch(() => undefined);
    return true;
}

/** The media API path prefix of authenticated media. */
const AUTHENTICATED_MEDIA_PATH = "/_matrix/client/v1/media/";

/** Whether an absolute URL is one of the authenticated media endpoints (the page's and the worker's test). */
export function isAuthenticatedMediaUrl(url: string): boolean {
    try {
        return new URL(url).pathname.startsWith(AUTHENTICATED_MEDIA_PATH);
    } catch {
        return false;
    }
}

/** Whether a URL is on the same origin as the homeserver (both resolved against the page). */
export function isOnHomeserver(url: string, homeserverUrl: string): boolean {
    try {
        const base = window.location.href;
        return new URL(url, base).origin === new URL(homeserverUrl, base).origin;
    } catch {
        return false;
    }
}

/**
 * Fetches a media URL. The client's token is attached only to an authenticated media URL on the
 * signed-in homeserver's own origin, and such a request never follows a redirect: a redirect could
 * lead to another origin, and the token must not go along.
 */
export function fetchMedia(client: MatrixClient, url: string): Promise<Response> {
    const token = client.getAccessToken();
    const absolute = new URL(url, window.location.href).href;
    if (!token || !isAuthenticatedMediaUrl(absolute) || !isOnHomeserver(absolute, client.getHomeserverUrl())) {
        return fetch(url);
    }
    return fetch(url, { headers: { Authorization: `Bearer ${token}` }, redirect: "error" });
}
