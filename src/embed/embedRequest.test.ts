import { embedRequestFrom, fullAppUrl, isRoomIdOrAlias, screenHashFor } from "./embedRequest";

describe("embedRequestFrom", () => {
    it("is null for the full app", () => {
        expect(embedRequestFrom("")).toBeNull();
        expect(embedRequestFrom("?loginToken=x")).toBeNull();
    });

    it("reads a room by alias and a space by ID", () => {
        expect(embedRequestFrom("?embed=room&room=%23team%3Aacme.com")).toEqual({
            mode: "view",
            kind: "room",
            target: "#team:acme.com",
        });
        expect(embedRequestFrom("?embed=space&space=!abcDEF:acme.com:8448")).toEqual({
            mode: "view",
            kind: "space",
            target: "!abcDEF:acme.com:8448",
        });
    });

    it("names the problem of an unusable request", () => {
        expect(embedRequestFrom("?embed=everything")).toMatchObject({ mode: "invalid", problem: "unknown_mode" });
        expect(embedRequestFrom("?embed=room")).toMatchObject({ mode: "invalid", problem: "missing_target" });
        expect(embedRequestFrom("?embed=room&space=!a:b")).toMatchObject({
            mode: "invalid",
            problem: "missing_target",
        });
        expect(embedRequestFrom("?embed=room&room=<img src=x onerror=alert(1)>")).toMatchObject({
            mode: "invalid",
            problem: "bad_target",
        });
    });

    it("accepts a sign-in window only with a nonce", () => {
        expect(embedRequestFrom("?embed=signin&state=abcdefghijklmnop1234")).toEqual({
            mode: "signin",
            state: "abcdefghijklmnop1234",
        });
        expect(embedRequestFrom("?embed=signin&state=short")).toMatchObject({ mode: "invalid", problem: "bad_state" });
        expect(embedRequestFrom("?embed=signin")).toMatchObject({ mode: "invalid", problem: "bad_state" });
    });
});

describe("isRoomIdOrAlias", () => {
    it.each(["!abc:acme.com", "!abc", "!a+b/c=:127.0.0.1:8008", "#team:acme.com", "#café:[::1]:8448", "#a.b_c-d:x"])(
        "accepts %s",
        (id) => expect(isRoomIdOrAlias(id)).toBe(true),
    );

    it.each([
        "",
        "team",
        "#team",
        "#te am:acme.com",
        "#team:acme.com/path",
        "!abc:acme.com?x=1",
        "@alice:acme.com",
        "#<script>:acme.com",
        "javascript:alert(1)",
        `#${"a".repeat(260)}:acme.com`,
        "#team:-bad.com",
        '#a"b:acme.com',
    ])("refuses %j", (id) => expect(isRoomIdOrAlias(id)).toBe(false));
});

describe("addresses", () => {
    it("shows the target through the SDK's room screen, escaped", () => {
        expect(screenHashFor("#team:acme.com")).toBe("#/room/%23team%3Aacme.com");
    });

    it("opens the full app on the same target, without the embed query", () => {
        expect(fullAppUrl({ origin: "https://chat.acme.com", pathname: "/app/" }, "!r:acme.com")).toBe(
            "https://chat.acme.com/app/#/room/!r%3Aacme.com",
        );
    });
});
