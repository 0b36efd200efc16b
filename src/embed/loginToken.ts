// The sign-in window's talk with the homeserver: a password login of its own, a one-time
// `m.login.token` for the frame (POST /_matrix/client/v1/login/get_token, MSC3882; Synapse needs
// `login_via_existing_session.enabled`), then the window's own session is logged out. Only the
// one-time token leaves the window; the access token never does.

export type Fetch = (url: string, init: RequestInit) => Promise<Pick<Response, "ok" | "status" | "json">>;

/** Why the window could not get a token; the string keys under `embed.signin.error`. */
export type LoginTokenFailure = "wrong_password" | "not_enabled" | "rate_limited" | "server";

export class LoginTokenError extends Error {
    public constructor(public readonly failure: LoginTokenFailure) {
        super(`login token: ${failure}`);
        this.name = "LoginTokenError";
    }
}

interface MatrixError {
    errcode?: string;
    session?: string;
}

async function bodyOf(response: Pick<Response, "json">): Promise<Record<string, unknown> & MatrixError> {
    try {
        const body = await response.json();
        return typeof body === "object" && body !== null ? body : {};
    } catch {
        return {};
    }
}

function postJson(fetchFn: Fetch, url: string, body: unknown, accessToken?: string) {
    const headers: Record<string, string> = { "Content-Type": "application/json" };
    if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
    return fetchFn(url, { method: "POST", headers, body: JSON.stringify(body) });
}

/** Sign-in methods the homeserver offers, from GET /login. */
export async function loginFlows(fetchFn: Fetch, homeserverUrl: string): Promise<{ password: boolean; sso: boolean }> {
    const response = await fetchFn(`${homeserverUrl}/_matrix/client/v3/login`, { method: "GET" });
    const body = response.ok ? await bodyOf(response) : {};
    const flows: unknown[] = Array.isArray(body.flows) ? body.flows : [];
    const types = flows.map((flow) =>
        typeof flow === "object" && flow !== null ? (flow as { type?: unknown }).type : null,
    );
    return { password: types.includes("m.login.password"), sso: types.includes("m.login.sso") };
}

/** Where the window goes for single sign-on; the homeserver sends it back with `loginToken`. */
export function ssoRedirectUrl(homeserverUrl: string, returnUrl: string): string {
    return `${homeserverUrl}/_matrix/client/v3/login/sso/redirect?redirectUrl=${encodeURIComponent(returnUrl)}`;
}

/**
 * Signs in with a password for a moment, asks for a one-time login token (answering the
 * homeserver's user-interactive auth with the same password when it asks), and logs that
 * session out whatever happened.
 */
export async function loginTokenByPassword(
    fetchFn: Fetch,
    homeserverUrl: string,
    user: string,
    password: string,
    deviceName: string,
): Promise<string> {
    const identifier = { type: "m.id.user", user };
    const login = await postJson(fetchFn, `${homeserverUrl}/_matrix/client/v3/login`, {
        type: "m.login.password",
        identifier,
        password,
        initial_device_display_name: deviceName,
    });
    const loginBody = await bodyOf(login);
    if (!login.ok || typeof loginBody.access_token !== "string") {
        if (login.status === 403 || loginBody.errcode === "M_FORBIDDEN") throw new LoginTokenError("wrong_password");
        if (login.status === 429) throw new LoginTokenError("rate_limited");
        throw new LoginTokenError("server");
    }
    const accessToken = loginBody.access_token;
    try {
        const tokenUrl = `${homeserverUrl}/_matrix/client/v1/login/get_token`;
        let answer = await postJson(fetchFn, tokenUrl, {}, accessToken);
        let body = await bodyOf(answer);
        if (answer.status === 401 && typeof body.session === "string") {
            // User-interactive auth: the password just typed proves it is still the person.
            answer = await postJson(
                fetchFn,
                tokenUrl,
                { auth: { type: "m.login.password", identifier, password, session: body.session } },
                accessToken,
            );
            body = await bodyOf(answer);
        }
        if (answer.ok && typeof body.login_token === "string") return body.login_token;
        if (answer.status === 404 || body.errcode === "M_UNRECOGNIZED") throw new LoginTokenError("not_enabled");
        if (answer.status === 429) throw new LoginTokenError("rate_limited");
        throw new LoginTokenError("server");
    } finally {
        // The window's own device goes away at once: the frame gets a device of its own.
        await postJson(fetchFn, `${homeserverUrl}/_matrix/client/v3/logout`, {}, accessToken).catch(() => undefined);
    }
}
