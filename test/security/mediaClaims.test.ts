import { extensionOf, mediaClaimsAgree, stickerClaimsAgree } from "../../src/security/mediaClaims";

const image = (mimetype: string | undefined, body: string, filename?: string): Record<string, unknown> => ({
    msgtype: "m.image",
    body,
    filename,
    url: "mxc://example.org/abc",
    info: mimetype === undefined ? {} : { mimetype },
});

describe("media claims (CVE-2024-51749)", () => {
    it.each([
        ["photo.png", "image/png"],
        ["Photo.JPG", "image/jpeg"],
        ["scan.jpeg", "image/jpeg; charset=binary"],
        ["animation.gif", "image/gif"],
        ["image", "image/webp"],
    ])("lets %s (%s) be drawn as an image", (body, mimetype) => {
        expect(mediaClaimsAgree("m.image", image(mimetype, body))).toBe(true);
    });

    it.each<[string, string | undefined, string]>([
        ["invoice.exe", "image/png", "a program named as what it is, claiming to be an image"],
        ["report.pdf", "image/jpeg", "a document"],
        ["page.html", "image/png", "a web page"],
        ["photo.png", "application/x-msdownload", "an image name over a program's mimetype"],
        ["photo.png", "video/mp4", "the wrong family"],
        ["photo.png", undefined, "no mimetype at all"],
        ["photo.png", "image/svg+xml", "a mimetype that can carry script"],
        ["photo.jpg", "image/png", "an extension of another image type"],
    ])("draws %s (%s) as a plain file: %s", (body, mimetype) => {
        expect(mediaClaimsAgree("m.image", image(mimetype, body))).toBe(false);
    });

    it("judges the filename, not the caption, when a message has both", () => {
        expect(mediaClaimsAgree("m.image", image("image/png", "Our new office.png", "payload.scr"))).toBe(false);
        expect(mediaClaimsAgree("m.image", image("image/png", "See the attached file.exe", "office.png"))).toBe(true);
    });

    it("applies the same rules to videos", () => {
        expect(mediaClaimsAgree("m.video", { body: "demo.mp4", info: { mimetype: "video/mp4" } })).toBe(true);
        expect(mediaClaimsAgree("m.video", { body: "demo.mov.exe", info: { mimetype: "video/mp4" } })).toBe(false);
        expect(mediaClaimsAgree("m.video", { body: "demo.mp4", info: { mimetype: "image/png" } })).toBe(false);
    });

    it("leaves other msgtypes alone", () => {
        expect(mediaClaimsAgree("m.file", { body: "setup.exe", info: { mimetype: "application/x-msdownload" } })).toBe(
            true,
        );
        expect(mediaClaimsAgree("m.text", { body: "hello.exe" })).toBe(true);
    });

    it("survives hostile shapes without throwing", () => {
        for (const content of [
            {},
            { info: null },
            { info: "x" },
            { body: 42, info: { mimetype: 7 } },
            { filename: {} },
        ]) {
            expect(mediaClaimsAgree("m.image", content as Record<string, unknown>)).toBe(false);
        }
    });

    it("lets a sticker be drawn when it declares no mimetype or an image one", () => {
        expect(stickerClaimsAgree({ body: "Happy cat", info: {} })).toBe(true);
        expect(stickerClaimsAgree({ body: "Happy cat", info: { mimetype: "image/webp" } })).toBe(true);
        expect(stickerClaimsAgree({ body: "Happy cat", info: { mimetype: "application/pdf" } })).toBe(false);
    });

    it("reads the last extension of a name", () => {
        expect(extensionOf("archive.tar.GZ")).toBe("gz");
        expect(extensionOf("no extension")).toBeUndefined();
        expect(extensionOf(undefined)).toBeUndefined();
    });
});
