// The page's media fetches: the token only to authenticated media on the signed-in homeserver's
// origin, and a request with the token never follows a redirect.
import type { MatrixClient } from "matrix-js-sdk/src/matrix";

import { fetchMedia, isAuthenticatedMediaUrl, isOnHomeserver } from "./authenticatedMedia";

const HS = "https://matrix.example.org";
const MEDIA = "/_matrix/client/v1/media/download/example.org/AbCdEf";

function fakeClient(accessToken: string | null, homeserverUrl = HS): MatrixClient {
    return { getAccessToken: () => accessToken, getHomeserverUrl: () => homeserverUrl } as unknown as MatrixClient;
}

describe("fetchMedia", () => {
    let fetchMock: jest.Mock;

    beforeEach(() => {
        fetchMock = jest.fn(async () => ({ ok: true, status: 200 }) as Response);
        globalThis.fetch = fetchMock as unknown as typeof fetch;
    });

    it("sends the token to the homeserver's authenticated media, refusing redirects", async () => {
        await fetchMedia(fakeClient("secret"), `${HS}${MEDIA}`);
        expect(fetchMock).toHaveBeenCalledWith(`${HS}${MEDIA}`, {
            headers: { Authorization: "Bearer secret" },
            redirect: "error",
        });
    });

    it("sends no token to any other origin, even for an authenticated media path", async () => {
        for (const url of [
            `https://matrix.example.org.evil.test${MEDIA}`,
            `https://evil.test${MEDIA}`,
            `http://matrix.example.org${MEDIA}`,
            `https://matrix.example.org:8448${MEDIA}`,
        ]) {
            fetchMock.mockClear();
            await fetchMedia(fakeClient("secret"), url);
            expect(fetchMock).toHaveBeenCalledWith(url);
        }
    });

    it("sends no token to legacy media, or when signed out", async () => {
        await fetchMedia(fakeClient("secret"), `${HS}/_matrix/media/v3/download/example.org/AbCdEf`);
        expect(fetchMock).toHaveBeenLastCalledWith(`${HS}/_matrix/media/v3/download/example.org/AbCdEf`);
        await fetchMedia(fakeClient(null), `${HS}${MEDIA}`);
        expect(fetchMock).toHaveBeenLastCalledWith(`${HS}${MEDIA}`);
    });

    it("resolves a relative URL against the page, as the browser will", async () => {
        const page = window.location.origin;
        await fetchMedia(fakeClient("secret", page), MEDIA);
        expect(fetchMock).toHaveBeenLastCalledWith(MEDIA, {
            headers: { Authorization: "Bearer secret" },
            redirect: "error",
        });
        await fetchMedia(fakeClient("secret"), MEDIA); // the page is not the homeserver
        expect(fetchMock).toHaveBeenLastCalledWith(MEDIA);
    });
});

describe("isOnHomeserver / isAuthenticatedMediaUrl", () => {
    it("compares origins exactly", () => {
        expect(isOnHomeserver(`${HS}/x`, `${HS}/`)).toBe(true);
        expect(isOnHomeserver(`${HS}:443/x`, HS)).toBe(true);
        expect(isOnHomeserver("https://matrix.example.org.evil.test/x", HS)).toBe(false);
        expect(isOnHomeserver(`${HS}/x`, "http://[bad")).toBe(false);
    });

    it("knows the authenticated media path", () => {
        expect(isAuthenticatedMediaUrl(`${HS}${MEDIA}`)).toBe(true);
        expect(isAuthenticatedMediaUrl(`${HS}/_matrix/media/v3/download/a/b`)).toBe(false);
        expect(isAuthenticatedMediaUrl("not a url")).toBe(false);
    });
});
