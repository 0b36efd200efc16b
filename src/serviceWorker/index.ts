// Atrium's service worker (built to sw.js at the app's root). Its one job: <img>, <video> and other
// requests the page cannot add a header to, for authenticated media (Matrix 1.11), get the signed-in
// client's access token. The token stays in the page: the worker asks the page that made the request.
import { CREDENTIALS_REPLY, CREDENTIALS_REQUEST, type MediaCredentials } from "../media/workerMessages";
import { authorizationFor, isAuthenticatedMediaRequest, tokenRequestInit } from "./mediaRequests";

// The worker's global, typed here: the project compiles against the DOM library, not WebWorker's.
interface FetchEventInWorker extends Event {
    request: Request;
    clientId: string;
    respondWith(response: Promise<Response>): void;
}
interface ExtendableEventInWorker extends Event {
    waitUntil(work: Promise<unknown>): void;
}
interface WindowClientInWorker {
    postMessage(message: unknown, transfer: Transferable[]): void;
}
interface WorkerScope {
    clients: { claim(): Promise<void>; get(id: string): Promise<WindowClientInWorker | undefined> };
    skipWaiting(): Promise<void>;
    addEventListener(type: "install" | "activate", listener: (event: ExtendableEventInWorker) => void): void;
    addEventListener(type: "fetch", listener: (event: FetchEventInWorker) => void): void;
}
const worker = self as unknown as WorkerScope;

const ASK_TIMEOUT_MS = 3000;

worker.addEventListener("install", () => {
    void worker.skipWaiting();
});

// Take over open pages at once, so their media loads through the worker without a reload.
worker.addEventListener("activate", (event) => {
    event.waitUntil(worker.clients.claim());
});

/** Asks the page that made the request for its homeserver and token; null if it cannot say. */
async function credentialsOf(clientId: string): Promise<MediaCredentials | null> {
    const client = clientId ? await worker.clients.get(clientId) : undefined;
    if (!client) return null;
    return new Promise((resolve) => {
        const channel = new MessageChannel();
        const timer = setTimeout(() => resolve(null), ASK_TIMEOUT_MS);
        channel.port1.onmessage = (event: MessageEvent): void => {
            clearTimeout(timer);
            const data = event.data as { type?: string; credentials?: MediaCredentials | null };
            resolve(data?.type === CREDENTIALS_REPLY ? (data.credentials ?? null) : null);
        };
        client.postMessage({ type: CREDENTIALS_REQUEST }, [channel.port2]);
    });
}

async function withToken(request: Request, clientId: string): Promise<Response> {
    const authorization = authorizationFor(request.url, await credentialsOf(clientId));
    if (!authorization) return fetch(request);
    return fetch(request.url, tokenRequestInit(request.headers, authorization));
}

worker.addEventListener("fetch", (event) => {
    const { request } = event;
    if (!isAuthenticatedMediaRequest(request.method, request.url)) return;
    event.respondWith(withToken(request, event.clientId));
});
