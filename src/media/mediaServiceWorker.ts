// The page's side of Atrium's service worker (src/serviceWorker): registers it, and answers its
// questions for the signed-in client's homeserver and token.
import { logger } from "matrix-js-sdk/src/logger";
import { MatrixClientPeg } from "matrix-react-sdk/src/MatrixClientPeg";

import { CREDENTIALS_REPLY, CREDENTIALS_REQUEST, type MediaCredentials } from "./workerMessages";

function currentCredentials(): MediaCredentials | null {
    const client = MatrixClientPeg.get();
    const accessToken = client?.getAccessToken();
    return client && accessToken ? { homeserverUrl: client.getHomeserverUrl(), accessToken } : null;
}

export function answerCredentialRequests(container: ServiceWorkerContainer, credentials = currentCredentials): void {
    container.addEventListener("message", (event: MessageEvent) => {
        if ((event.data as { type?: string })?.type !== CREDENTIALS_REQUEST) return;
        event.ports[0]?.postMessage({ type: CREDENTIALS_REPLY, credentials: credentials() });
    });
}

/** Registers sw.js (not in browsers without service workers, or on insecure origins). */
export async function startMediaServiceWorker(): Promise<void> {
    const container = navigator.serviceWorker;
    if (!container) return;
    answerCredentialRequests(container);
    try {
        await container.register("sw.js", { scope: "./" });
    } catch (error) {
        logger.warn("Media service worker not registered: images from the homeserver may not load", error);
    }
}
