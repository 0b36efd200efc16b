// CVE-2024-50336: before js-sdk 34.11.1 an mxc:// URI with "../" segments became a media URL that
// walked out of the media API to any client-server endpoint, fetched with the user's token.
// Atrium builds on js-sdk 34.13.0 (npm overrides pin one copy).
import { getHttpUriForMxc } from "matrix-js-sdk/src/content-repo";

import { installedVersion } from "../helpers/packageVersions";

const BASE = "https://matrix.example.org";

describe("MXC URIs (CVE-2024-50336)", () => {
    it("uses js-sdk 34.13.0, the version the MXC fix and the QR-login seam are built for", () => {
        expect(installedVersion("matrix-js-sdk")).toBe("34.13.0");
    });

    it.each([
        "mxc://example.org/../../_matrix/client/v3/account/whoami",
        "mxc://example.org/media/../../../_matrix/client/v3/rooms",
        "mxc://../_matrix/client/v3/sync/x",
        "mxc://example.org/%2E%2E%2F_matrix",
        "mxc://exa mple.org/abc",
    ])("gives no URL for %s", (mxc) => {
        expect(getHttpUriForMxc(BASE, mxc)).toBe("");
        expect(getHttpUriForMxc(BASE, mxc, 32, 32, "crop", false, true, true)).toBe("");
    });

    it("still gives the media URL for a well-formed mxc URI", () => {
        expect(getHttpUriForMxc(BASE, "mxc://example.org/AbCdEf123")).toBe(
            "https://matrix.example.org/_matrix/media/v3/download/example.org/AbCdEf123",
        );
    });
});
