// CVE-2024-51749: the tile for a media event must not show an image for what downloads as a program.
import React from "react";
import { render } from "@testing-library/react";
import { TooltipProvider } from "@vector-im/compound-web";
import { createClient, MatrixClient, MatrixEvent } from "matrix-js-sdk/src/matrix";
import MatrixClientContext from "matrix-react-sdk/src/contexts/MatrixClientContext";
import { MatrixClientPeg } from "matrix-react-sdk/src/MatrixClientPeg";
import MessageEvent from "matrix-react-sdk/src/components/views/messages/MessageEvent";
import OriginalMessageEvent from "$sdk-original/components/views/messages/MessageEvent";

import { loadEnglish, putConfig } from "../helpers/sdkEnvironment";

const ROOM = "!room:example.org";

function mediaEvent(type: string, content: Record<string, unknown>): MatrixEvent {
    return new MatrixEvent({
        type,
        content: { url: "mxc://example.org/media", ...content },
        room_id: ROOM,
        sender: "@mallory:example.org",
        event_id: `$${Math.random().toString(36).slice(2)}`,
        origin_server_ts: Date.UTC(2026, 0, 1),
    });
}

const disguisedProgram = (): MatrixEvent =>
    mediaEvent("m.room.message", {
        msgtype: "m.image",
        body: "invoice.exe",
        info: { mimetype: "image/png", w: 100, h: 100, thumbnail_url: "mxc://example.org/cat" },
    });

describe("MessageEvent seam", () => {
    let client: MatrixClient;
    beforeAll(loadEnglish);
    beforeEach(() => {
        putConfig({ brand: "Acme" });
        client = createClient({ baseUrl: "https://matrix.example.org", userId: "@alice:example.org" });
        // The SDK's media helpers reach the client through its peg, not the context.
        jest.spyOn(MatrixClientPeg, "get").mockReturnValue(client);
        jest.spyOn(MatrixClientPeg, "safeGet").mockReturnValue(client);
    });
    afterEach(() => jest.restoreAllMocks());

    function renderTile(Component: typeof MessageEvent | typeof OriginalMessageEvent, event: MatrixEvent): HTMLElement {
        return render(
            <TooltipProvider>
                <MatrixClientContext.Provider value={client}>
                    <Component mxEvent={event} permalinkCreator={undefined} />
                </MatrixClientContext.Provider>
            </TooltipProvider>,
        ).container;
    }

    it("the SDK's own tile draws a program claiming to be an image as an image (the advisory)", () => {
        const tile = renderTile(OriginalMessageEvent, disguisedProgram());
        expect(tile.querySelector(".mx_MImageBody")).not.toBeNull();
    });

    it("Atrium's draws it as a plain file, named as it will download", () => {
        const tile = renderTile(MessageEvent, disguisedProgram());
        expect(tile.querySelector(".mx_MImageBody")).toBeNull();
        expect(tile.querySelector(".mx_MFileBody")).not.toBeNull();
        expect(tile.textContent).toContain("invoice.exe");
    });

    it("draws a video whose file is a document as a plain file", () => {
        const event = mediaEvent("m.room.message", {
            msgtype: "m.video",
            body: "minutes.docm",
            info: { mimetype: "video/mp4" },
        });
        const tile = renderTile(MessageEvent, event);
        expect(tile.querySelector(".mx_MVideoBody")).toBeNull();
        expect(tile.querySelector(".mx_MFileBody")).not.toBeNull();
    });

    it("draws a sticker with a non-image mimetype as a plain file", () => {
        const event = mediaEvent("m.sticker", { body: "Happy cat", info: { mimetype: "application/x-msdownload" } });
        const tile = renderTile(MessageEvent, event);
        expect(tile.querySelector(".mx_MStickerBody")).toBeNull();
        expect(tile.querySelector(".mx_MFileBody")).not.toBeNull();
    });

    it("still draws an honest image as an image", () => {
        const event = mediaEvent("m.room.message", {
            msgtype: "m.image",
            body: "office.png",
            info: { mimetype: "image/png", w: 100, h: 100 },
        });
        const tile = renderTile(MessageEvent, event);
        expect(tile.querySelector(".mx_MImageBody")).not.toBeNull();
        expect(tile.querySelector(".mx_MFileBody")).toBeNull();
    });

    it("hands the SDK's tile its ref, as EventTile needs for its options menu", () => {
        const ref = React.createRef<OriginalMessageEvent>();
        render(
            <TooltipProvider>
                <MatrixClientContext.Provider value={client}>
                    <MessageEvent ref={ref} mxEvent={disguisedProgram()} permalinkCreator={undefined} />
                </MatrixClientContext.Provider>
            </TooltipProvider>,
        );
        expect(ref.current).toBeInstanceOf(OriginalMessageEvent);
        expect(typeof ref.current?.getEventTileOps).toBe("function");
    });
});
