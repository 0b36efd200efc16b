import { authorizationFor, isAuthenticatedMediaRequest, tokenRequestInit } from "./mediaRequests";

const credentials = { homeserverUrl: "https://matrix.example.org/", accessToken: "secret" };

describe("the service worker's media requests", () => {
    it("handles GETs for authenticated media only", () => {
        expect(
            isAuthenticatedMediaRequest("GET", "https://matrix.example.org/_matrix/client/v1/media/download/s/id"),
        ).toBe(true);
        expect(
            isAuthenticatedMediaRequest(
                "GET",
                "https://matrix.example.org/_matrix/client/v1/media/thumbnail/s/id?width=32",
            ),
        ).toBe(true);
        expect(isAuthenticatedMediaRequest("POST", "https://matrix.example.org/_matrix/client/v1/media/upload")).toBe(
            false,
        );
        expect(isAuthenticatedMediaRequest("GET", "https://matrix.example.org/_matrix/media/v3/download/s/id")).toBe(
            false,
        );
        expect(isAuthenticatedMediaRequest("GET", "https://matrix.example.org/_matrix/client/v3/sync")).toBe(false);
        expect(isAuthenticatedMediaRequest("GET", "not a url")).toBe(false);
    });

    it("gives the token to the signed-in homeserver only", () => {
        expect(authorizationFor("https://matrix.example.org/_matrix/client/v1/media/download/s/id", credentials)).toBe(
            "Bearer secret",
        );
        expect(
            authorizationFor("https://evil.example.com/_matrix/client/v1/media/download/s/id", credentials),
        ).toBeNull();
        expect(
            authorizationFor("http://matrix.example.org/_matrix/client/v1/media/download/s/id", credentials),
        ).toBeNull();
        expect(authorizationFor("https://matrix.example.org/_matrix/client/v1/media/download/s/id", null)).toBeNull();
        expect(authorizationFor("https://matrix.example.org/x", { ...credentials, accessToken: "" })).toBeNull();
    });

    it("fetches with the token as a CORS request that never follows a redirect", () => {
        const init = tokenRequestInit(
            new Headers({ Accept: "image/*", Authorization: "Bearer forged" }),
            "Bearer secret",
        );
        expect(init).toMatchObject({ mode: "cors", credentials: "omit", redirect: "error", cache: "default" });
        const headers = init.headers as Headers;
        expect(headers.get("Authorization")).toBe("Bearer secret");
        expect(headers.get("Accept")).toBe("image/*");
    });
});
