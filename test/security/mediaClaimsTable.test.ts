// CVE-2024-51749, the whole table: every mimetype shown inline, with every extension that belongs to
// it, and the edges of reading a name's extension. A type or extension lost from the table, or one
// moved to the other family, fails here.
import { MatrixEvent } from "matrix-js-sdk/src/matrix";

import { extensionOf, mayRenderAsMedia, mediaClaimsAgree, stickerClaimsAgree } from "../../src/security/mediaClaims";

const IMAGES: Record<string, string[]> = {
    "image/jpeg": ["jpg", "jpeg", "jpe", "jfif", "pjpeg", "pjp"],
    "image/png": ["png"],
    "image/apng": ["apng", "png"],
    "image/gif": ["gif"],
    "image/webp": ["webp"],
    "image/avif": ["avif"],
    "image/bmp": ["bmp"],
    "image/heic": ["heic"],
    "image/heif": ["heif"],
};
const VIDEOS: Record<string, string[]> = {
    "video/mp4": ["mp4", "m4v"],
    "video/webm": ["webm"],
    "video/ogg": ["ogv", "ogg"],
    "video/quicktime": ["mov", "qt"],
};

const pairs = (table: Record<string, string[]>): Array<[string, string]> =>
    Object.entries(table).flatMap(([mimetype, extensions]) =>
        extensions.map((ext): [string, string] => [mimetype, ext]),
    );

describe("the mimetypes shown inline, and their extensions", () => {
    it.each(pairs(IMAGES))("an m.image of %s named *.%s is drawn as an image, not as a video", (mimetype, ext) => {
        const content = { body: `holiday.${ext}`, info: { mimetype } };
        expect(mediaClaimsAgree("m.image", content)).toBe(true);
        expect(mediaClaimsAgree("m.video", content)).toBe(false);
        expect(stickerClaimsAgree(content)).toBe(true);
    });

    it.each(pairs(VIDEOS))("an m.video of %s named *.%s is drawn as a video, not as an image", (mimetype, ext) => {
        const content = { body: `demo.${ext}`, info: { mimetype } };
        expect(mediaClaimsAgree("m.video", content)).toBe(true);
        expect(mediaClaimsAgree("m.image", content)).toBe(false);
        expect(stickerClaimsAgree(content)).toBe(false);
    });

    it.each(Object.keys({ ...IMAGES, ...VIDEOS }))(
        "%s with a name that is no media file is a plain file",
        (mimetype) => {
            const msgtype = mimetype.startsWith("image/") ? "m.image" : "m.video";
            expect(mediaClaimsAgree(msgtype, { body: "setup.exe", info: { mimetype } })).toBe(false);
            // No extension at all: nothing opens it as a program by its name.
            expect(mediaClaimsAgree(msgtype, { body: "clip", info: { mimetype } })).toBe(true);
        },
    );

    it("reads the mimetype case-insensitively, without its parameters and spaces", () => {
        expect(mediaClaimsAgree("m.image", { body: "a.png", info: { mimetype: " IMAGE/PNG ;q=1" } })).toBe(true);
        expect(stickerClaimsAgree({ info: { mimetype: "Image/GIF; x=y" } })).toBe(true);
        // A mimetype that is not a string counts as none given, which a sticker may do.
        expect(stickerClaimsAgree({ info: { mimetype: 42 } })).toBe(true);
    });

    it("judges the body when the filename is no string", () => {
        expect(
            mediaClaimsAgree("m.image", { body: "payload.exe", filename: 42, info: { mimetype: "image/png" } }),
        ).toBe(false);
        expect(
            mediaClaimsAgree("m.image", { body: "payload.exe", filename: ["a.png"], info: { mimetype: "image/png" } }),
        ).toBe(false);
    });

    it("judges the body when the filename is empty", () => {
        expect(
            mediaClaimsAgree("m.image", { body: "payload.exe", filename: "", info: { mimetype: "image/png" } }),
        ).toBe(false);
        expect(mediaClaimsAgree("m.image", { body: "photo.png", filename: "", info: { mimetype: "image/png" } })).toBe(
            true,
        );
    });
});

describe("extensionOf", () => {
    it.each<[unknown, string | undefined]>([
        ["photo.PNG", "png"],
        ["photo.png   ", "png"],
        ["archive.tar.gz", "gz"],
        ["x.abcdefghij", "abcdefghij"],
        ["x.abcdefghijk", undefined],
        ["x.", undefined],
        ["x.p-g", undefined],
        ["x.png.", undefined],
        ["no extension", undefined],
        [".png", "png"],
        [42, undefined],
        // Only a string is a name: an array whose text reads like one is not.
        [["payload.exe"], undefined],
        [null, undefined],
    ])("%p → %p", (name, extension) => {
        expect(extensionOf(name)).toBe(extension);
    });
});

describe("mayRenderAsMedia: which check an event gets", () => {
    const event = (type: string, content: object): MatrixEvent =>
        new MatrixEvent({ type, content, sender: "@mallory:example.org", room_id: "!r:example.org", event_id: "$e" });

    it("checks stickers by their mimetype only, whatever their body says", () => {
        expect(mayRenderAsMedia(event("m.sticker", { body: "cat.exe", info: { mimetype: "image/png" } }))).toBe(true);
        expect(mayRenderAsMedia(event("m.sticker", { body: "cat", info: { mimetype: "application/pdf" } }))).toBe(
            false,
        );
    });

    it("checks messages by msgtype, mimetype and name", () => {
        expect(
            mayRenderAsMedia(
                event("m.room.message", { msgtype: "m.image", body: "a.png", info: { mimetype: "image/png" } }),
            ),
        ).toBe(true);
        expect(
            mayRenderAsMedia(
                event("m.room.message", { msgtype: "m.image", body: "a.exe", info: { mimetype: "image/png" } }),
            ),
        ).toBe(false);
    });

    it("leaves a message without a msgtype to the SDK (it draws no media view for it)", () => {
        expect(mayRenderAsMedia(event("m.room.message", { body: "a.exe", info: { mimetype: "image/png" } }))).toBe(
            true,
        );
        expect(mayRenderAsMedia(event("m.room.message", { msgtype: 7, body: "a.exe" }))).toBe(true);
    });
});
