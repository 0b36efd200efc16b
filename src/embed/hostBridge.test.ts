import { atriumMessage, EMBED_API, type ReadyMessage, type SignedInMessage } from "./embedMessages";
import { allowedHostOrigins, type FrameWindow, HostBridge, knownParentOrigin } from "./hostBridge";

const WIKI = "https://wiki.acme.test";

function fakeFrame(options: { ancestor?: string; referrer?: string } = {}) {
    const listeners: ((event: MessageEvent) => void)[] = [];
    const posted: { message: unknown; origin: string }[] = [];
    const parent = { postMessage: (message: unknown, origin: string) => posted.push({ message, origin }) };
    const win: FrameWindow = {
        parent,
        location: { ancestorOrigins: options.ancestor ? [options.ancestor] : undefined },
        document: { referrer: options.referrer ?? "" },
        addEventListener: (_type, listener) => listeners.push(listener),
        removeEventListener: () => undefined,
    };
    const deliver = (data: unknown, origin: string, source: unknown = parent) =>
        listeners.forEach((l) => l({ data, origin, source } as MessageEvent));
    return { win, parent, posted, deliver };
}

const open = (room: string) => ({ api: EMBED_API, version: 1, type: "open_room", room });
const ready = atriumMessage<ReadyMessage>({ type: "ready", kind: "room", target: "#team:acme.test" });

describe("allowedHostOrigins", () => {
    it("keeps exact origins only", () => {
        const config = { atrium: { embedding: { host_origins: [WIKI, "https://*.acme.test", 3, "https://x.test/"] } } };
        expect(allowedHostOrigins(config)).toEqual([WIKI]);
        expect(allowedHostOrigins({})).toEqual([]);
    });
});

describe("knownParentOrigin", () => {
    it("takes the ancestor origin, else the referrer's, when listed", () => {
        expect(knownParentOrigin(fakeFrame({ ancestor: WIKI }).win, [WIKI])).toBe(WIKI);
        expect(knownParentOrigin(fakeFrame({ referrer: `${WIKI}/bin/view/Main/` }).win, [WIKI])).toBe(WIKI);
        expect(knownParentOrigin(fakeFrame({ ancestor: "https://evil.test" }).win, [WIKI])).toBeNull();
    });
});

describe("HostBridge", () => {
    it("opens a room for a listed parent and posts to that exact origin only", () => {
        const frame = fakeFrame({ ancestor: WIKI });
        const opened: string[] = [];
        const bridge = new HostBridge(frame.win, [WIKI], (room) => opened.push(room));
        bridge.start();
        bridge.post(ready);
        frame.deliver(open("#other:acme.test"), WIKI);
        expect(opened).toEqual(["#other:acme.test"]);
        expect(frame.posted.map((p) => p.origin)).toEqual([WIKI]);
    });

    it("ignores messages from an unlisted origin, from another window, or malformed ones", () => {
        const frame = fakeFrame({ ancestor: WIKI });
        const opened: string[] = [];
        const bridge = new HostBridge(frame.win, [WIKI], (room) => opened.push(room));
        bridge.start();
        frame.deliver(open("#other:acme.test"), "https://evil.test");
        frame.deliver(open("#other:acme.test"), WIKI, { postMessage: () => undefined });
        frame.deliver(open("<script>"), WIKI);
        frame.deliver({ ...open("#a:b.test"), version: 2 }, WIKI);
        frame.deliver("open_room", WIKI);
        expect(opened).toEqual([]);
    });

    it("posts nothing while it does not know a listed parent, then learns it from the first valid message", () => {
        const frame = fakeFrame();
        const bridge = new HostBridge(frame.win, [WIKI, "https://intranet.acme.test"], () => undefined);
        bridge.start();
        bridge.post(ready);
        expect(frame.posted).toEqual([]);
        frame.deliver({ api: EMBED_API, version: 1, type: "get_state" }, "https://evil.test");
        expect(frame.posted).toEqual([]);
        frame.deliver({ api: EMBED_API, version: 1, type: "get_state" }, WIKI);
        expect(frame.posted).toEqual([{ message: ready, origin: WIKI }]);
        // Once known, another listed origin is not the parent.
        frame.deliver(open("#a:b.test"), "https://intranet.acme.test");
        expect(frame.posted).toHaveLength(1);
    });

    it("sends the latest state again when the host asks", () => {
        const frame = fakeFrame({ ancestor: WIKI });
        const bridge = new HostBridge(frame.win, [WIKI], () => undefined);
        bridge.start();
        bridge.post(atriumMessage<SignedInMessage>({ type: "signed_in", signed_in: false }));
        bridge.post(atriumMessage<SignedInMessage>({ type: "signed_in", signed_in: true, user_id: "@a:acme.test" }));
        frame.posted.length = 0;
        frame.deliver({ api: EMBED_API, version: 1, type: "get_state" }, WIKI);
        expect(frame.posted).toEqual([
            { message: expect.objectContaining({ signed_in: true, user_id: "@a:acme.test" }), origin: WIKI },
        ]);
    });
});
