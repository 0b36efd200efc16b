// The messages between the page (src/media/mediaServiceWorker.ts) and the media service worker
// (src/serviceWorker): the worker asks, the page answers with the signed-in client's credentials.

/** A page's answer to "which homeserver, with which token?". */
export interface MediaCredentials {
    homeserverUrl: string;
    accessToken: string;
}

/** Message types between the worker and the page. */
export const CREDENTIALS_REQUEST = "atrium.media_credentials_request";
export const CREDENTIALS_REPLY = "atrium.media_credentials";
