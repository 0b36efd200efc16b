// The frame's side of the postMessage API: messages are taken only from the parent window and only
// from an origin in atrium.embedding.host_origins; Atrium's own messages go only to that one exact
// origin, never to "*".
import { logger } from "matrix-js-sdk/src/logger";

import { type AtriumMessage, parseHostMessage } from "./embedMessages";

// The same exact-origin grammar the contract's schema gives host_origins.
const EXACT_ORIGIN =
    /^https?:\/\/(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]{2,45}\])(?::[0-9]{1,5})?$/;

/** The config's host origins, exact origins only (anything else is dropped: the service refuses it anyway). */
export function allowedHostOrigins(config: { atrium?: { embedding?: { host_origins?: unknown } } }): string[] {
    const listed = config.atrium?.embedding?.host_origins;
    if (!Array.isArray(listed)) return [];
    return listed.filter((o): o is string => typeof o === "string" && EXACT_ORIGIN.test(o));
}

/** What the frame reads of its window (tests pass fakes). */
export interface FrameWindow {
    parent: { postMessage(message: unknown, targetOrigin: string): void } | null;
    location: { ancestorOrigins?: ArrayLike<string> };
    document: { referrer: string };
    addEventListener(type: "message", listener: (event: MessageEvent) => void): void;
    removeEventListener(type: "message", listener: (event: MessageEvent) => void): void;
}

/** The parent's origin when the browser tells it (ancestorOrigins, else the referrer) and it is listed. */
export function knownParentOrigin(win: FrameWindow, allowed: readonly string[]): string | null {
    const fromAncestors = win.location.ancestorOrigins?.[0];
    let fromReferrer: string | undefined;
    try {
        fromReferrer = win.document.referrer ? new URL(win.document.referrer).origin : undefined;
    } catch {
        fromReferrer = undefined;
    }
    const candidate = fromAncestors ?? fromReferrer;
    return candidate && allowed.includes(candidate) ? candidate : null;
}

export class HostBridge {
    private parentOrigin: string | null;
    /** The latest message of each type, sent again when the host asks or when its origin becomes known. */
    private readonly latest = new Map<AtriumMessage["type"], AtriumMessage>();

    public constructor(
        private readonly win: FrameWindow,
        private readonly allowed: readonly string[],
        private readonly onOpenRoom: (room: string) => void,
    ) {
        this.parentOrigin = knownParentOrigin(win, allowed);
    }

    public start(): void {
        this.win.addEventListener("message", this.onMessage);
    }

    public stop(): void {
        this.win.removeEventListener("message", this.onMessage);
    }

    /** Sends a message to the host, when there is a listed host to send it to. */
    public post(message: AtriumMessage): void {
        this.latest.set(message.type, message);
        this.send(message);
    }

    private send(message: AtriumMessage): void {
        const parent = this.win.parent;
        if (!this.parentOrigin || !parent || parent === (this.win as unknown)) return;
        parent.postMessage(message, this.parentOrigin);
    }

    private onMessage = (event: MessageEvent): void => {
        // Only the parent, only from a listed origin: anything else is ignored without a word to it.
        if (!this.win.parent || event.source !== this.win.parent) return;
        if (!this.allowed.includes(event.origin)) return;
        if (this.parentOrigin !== null && event.origin !== this.parentOrigin) return;
        const message = parseHostMessage(event.data);
        if (!message) {
            logger.debug("Embedded Atrium: ignored a host message that is not of API version 1");
            return;
        }
        const learnedOrigin = this.parentOrigin === null;
        this.parentOrigin = event.origin;
        if (learnedOrigin || message.type === "get_state") this.resendAll();
        if (message.type === "open_room") this.onOpenRoom(message.room);
    };

    private resendAll(): void {
        for (const message of this.latest.values()) this.send(message);
    }
}
