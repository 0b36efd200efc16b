// Authenticated media (Matrix 1.11): the SDK's media URLs and downloads, as Atrium's Media builds them.
import { createClient, MatrixClient } from "matrix-js-sdk/src/matrix";
import { mediaFromContent, mediaFromMxc } from "matrix-react-sdk/src/customisations/Media";
import { mediaFromMxc as originalMediaFromMxc } from "$sdk-original/customisations/Media";

const HS = "https://matrix.example.org";
const MXC = "mxc://example.org/AbCdEf";

function client(supportsV111: boolean, unstable = false): MatrixClient {
    const c = createClient({ baseUrl: HS, userId: "@alice:example.org", accessToken: "secret-token" });
    jest.spyOn(c, "isVersionSupported").mockResolvedValue(supportsV111);
    jest.spyOn(c, "doesServerSupportUnstableFeature").mockResolvedValue(unstable);
    return c;
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe("Media seam", () => {
    afterEach(() => jest.restoreAllMocks());

    it("the SDK's own builds legacy media URLs, which current Synapse answers with 404 for new media", () => {
        expect(originalMediaFromMxc(MXC, client(true)).srcHttp).toBe(
            `${HS}/_matrix/media/v3/download/example.org/AbCdEf?allow_redirect=true`,
        );
    });

    it("builds authenticated media URLs for downloads and thumbnails", () => {
        const media = mediaFromMxc(MXC, client(true));
        expect(media.srcHttp).toBe(`${HS}/_matrix/client/v1/media/download/example.org/AbCdEf?allow_redirect=true`);
        expect(media.getSquareThumbnailHttp(32)).toMatch(
            new RegExp(
                `^${HS}/_matrix/client/v1/media/thumbnail/example\\.org/AbCdEf\\?width=\\d+&height=\\d+&method=crop`,
            ),
        );
    });

    it("falls back to legacy URLs once the homeserver turns out not to have Matrix 1.11", async () => {
        const old = client(false);
        void mediaFromMxc(MXC, old).srcHttp;
        await settle();
        expect(mediaFromMxc(MXC, old).srcHttp).toBe(
            `${HS}/_matrix/media/v3/download/example.org/AbCdEf?allow_redirect=true`,
        );
    });

    it("uses authenticated URLs on a homeserver with only the unstable MSC3916 flag", async () => {
        const unstable = client(false, true);
        void mediaFromMxc(MXC, unstable).srcHttp;
        await settle();
        expect(mediaFromMxc(MXC, unstable).srcHttp).toContain("/_matrix/client/v1/media/download/");
    });

    it("downloads with the access token, never following a redirect", async () => {
        const fetchMock = jest.fn(async () => ({ ok: true, status: 200 }) as Response);
        globalThis.fetch = fetchMock as unknown as typeof fetch;
        await mediaFromContent({ url: MXC }, client(true)).downloadSource();
        expect(fetchMock).toHaveBeenCalledWith(expect.stringContaining("/_matrix/client/v1/media/download/"), {
            headers: { Authorization: "Bearer secret-token" },
            redirect: "error",
        });
    });

    it("keeps the SDK's contract for encrypted media and missing thumbnails", () => {
        const media = mediaFromContent({ file: { url: MXC } } as never, client(true));
        expect(media.isEncrypted).toBe(true);
        expect(media.hasThumbnail).toBe(false);
        expect(media.thumbnailHttp).toBeNull();
    });
});
