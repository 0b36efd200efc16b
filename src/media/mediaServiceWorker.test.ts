import { answerCredentialRequests } from "./mediaServiceWorker";
import { CREDENTIALS_REPLY, CREDENTIALS_REQUEST } from "./workerMessages";

describe("the page's side of the media service worker", () => {
    function fakeContainer(): { container: ServiceWorkerContainer; ask: (data: unknown) => jest.Mock } {
        const target = new EventTarget();
        return {
            container: target as unknown as ServiceWorkerContainer,
            ask: (data) => {
                const port = { postMessage: jest.fn() };
                const event = new MessageEvent("message", { data });
                Object.defineProperty(event, "ports", { value: [port] });
                target.dispatchEvent(event);
                return port.postMessage;
            },
        };
    }

    it("answers the worker with the signed-in client's homeserver and token", () => {
        const { container, ask } = fakeContainer();
        const credentials = { homeserverUrl: "https://matrix.example.org", accessToken: "secret" };
        answerCredentialRequests(container, () => credentials);
        expect(ask({ type: CREDENTIALS_REQUEST })).toHaveBeenCalledWith({ type: CREDENTIALS_REPLY, credentials });
    });

    it("answers null when nobody is signed in, and ignores other messages", () => {
        const { container, ask } = fakeContainer();
        answerCredentialRequests(container, () => null);
        expect(ask({ type: CREDENTIALS_REQUEST })).toHaveBeenCalledWith({ type: CREDENTIALS_REPLY, credentials: null });
        expect(ask({ type: "something else" })).not.toHaveBeenCalled();
    });
});
