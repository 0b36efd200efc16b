// What the service worker does with a request, as pure functions the tests can call.
import { isAuthenticatedMediaUrl } from "../media/authenticatedMedia";
import type { MediaCredentials } from "../media/workerMessages";

/** Whether the worker should handle this request: a GET for authenticated media. */
export function isAuthenticatedMediaRequest(method: string, url: string): boolean {
    return method === "GET" && isAuthenticatedMediaUrl(url);
}

/** The token goes only to the homeserver the page is signed in to, never to another origin. */
export function authorizationFor(url: string, credentials: MediaCredentials | null): string | null {
    if (!credentials?.accessToken) return null;
    try {
        return new URL(url).origin === new URL(credentials.homeserverUrl).origin
            ? `Bearer ${credentials.accessToken}`
            : null;
    } catch {
        return null;
    }
}

/**
 * How the worker fetches a media request with the token: as a CORS request (the homeserver allows
 * it, the client API needs the same), without cookies, and never following a redirect, which could
 * carry the token to another origin.
 */
export function tokenRequestInit(headers: Headers, authorization: string): RequestInit {
    const withToken = new Headers(headers);
    withToken.set("Authorization", authorization);
    return { headers: withToken, mode: "cors", credentials: "omit", redirect: "error", cache: "default" };
}
