import { type Fetch, loginFlows, LoginTokenError, loginTokenByPassword, ssoRedirectUrl } from "./loginToken";

const HS = "https://hs.acme.test";

interface Call {
    url: string;
    method: string;
    auth?: string;
    body?: Record<string, unknown>;
}

/** A homeserver at its HTTP edge: answers by path, records every call. */
function fakeHomeserver(answers: Record<string, ((call: Call) => [number, unknown]) | undefined>) {
    const calls: Call[] = [];
    const fetchFn: Fetch = async (url, init) => {
        const headers = (init.headers ?? {}) as Record<string, string>;
        const call: Call = {
            url,
            method: init.method ?? "GET",
            auth: headers.Authorization,
            body: init.body ? JSON.parse(init.body as string) : undefined,
        };
        calls.push(call);
        const path = url.replace(HS, "");
        const answer = answers[path];
        const [status, body] = answer ? answer(call) : [404, { errcode: "M_UNRECOGNIZED" }];
        return { ok: status >= 200 && status < 300, status, json: async () => body };
    };
    return { fetchFn, calls };
}

const LOGIN = "/_matrix/client/v3/login";
const GET_TOKEN = "/_matrix/client/v1/login/get_token";
const LOGOUT = "/_matrix/client/v3/logout";

describe("loginTokenByPassword", () => {
    it("answers the homeserver's password check, returns the one-time token and logs its own session out", async () => {
        const hs = fakeHomeserver({
            [LOGIN]: () => [200, { access_token: "popup-token", device_id: "POPUP" }],
            [GET_TOKEN]: (call) =>
                call.body?.auth
                    ? [200, { login_token: "one-time", expires_in_ms: 120000 }]
                    : [401, { session: "uia-1", flows: [{ stages: ["m.login.password"] }] }],
            [LOGOUT]: () => [200, {}],
        });
        await expect(loginTokenByPassword(hs.fetchFn, HS, "alice", "pw", "Atrium sign-in")).resolves.toBe("one-time");
        expect(hs.calls.map((c) => c.url.replace(HS, ""))).toEqual([LOGIN, GET_TOKEN, GET_TOKEN, LOGOUT]);
        expect(hs.calls[2].body).toEqual({
            auth: {
                type: "m.login.password",
                identifier: { type: "m.id.user", user: "alice" },
                password: "pw",
                session: "uia-1",
            },
        });
        expect(hs.calls.slice(1).every((c) => c.auth === "Bearer popup-token")).toBe(true);
    });

    it("says so when the homeserver does not offer login tokens, and still logs out", async () => {
        const hs = fakeHomeserver({ [LOGIN]: () => [200, { access_token: "t" }], [LOGOUT]: () => [200, {}] });
        await expect(loginTokenByPassword(hs.fetchFn, HS, "alice", "pw", "d")).rejects.toEqual(
            new LoginTokenError("not_enabled"),
        );
        expect(hs.calls.at(-1)!.url).toBe(HS + LOGOUT);
    });

    it("tells a wrong password apart and creates no session", async () => {
        const hs = fakeHomeserver({ [LOGIN]: () => [403, { errcode: "M_FORBIDDEN" }] });
        await expect(loginTokenByPassword(hs.fetchFn, HS, "alice", "nope", "d")).rejects.toMatchObject({
            failure: "wrong_password",
        });
        expect(hs.calls).toHaveLength(1);
    });
});

describe("loginFlows and SSO", () => {
    it("reads the offered methods", async () => {
        const hs = fakeHomeserver({
            [LOGIN]: () => [200, { flows: [{ type: "m.login.password" }, { type: "m.login.sso" }] }],
        });
        await expect(loginFlows(hs.fetchFn, HS)).resolves.toEqual({ password: true, sso: true });
    });

    it("sends SSO back to the sign-in window", () => {
        expect(ssoRedirectUrl(HS, "https://chat.acme.test/?embed=signin&state=abc")).toBe(
            `${HS}/_matrix/client/v3/login/sso/redirect?redirectUrl=https%3A%2F%2Fchat.acme.test%2F%3Fembed%3Dsignin%26state%3Dabc`,
        );
    });
});
