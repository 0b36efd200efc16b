import React from "react";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import { ATRIUM_BRAND } from "../brand/brand";
import { initAtriumI18n } from "../i18n/atriumI18n";
import type { Fetch } from "./loginToken";
import { SignInWindow, type SignInWindowProps } from "./SignInWindow";

const HS = "https://hs.acme.test";
const APP = "https://chat.acme.test";

/** A homeserver at its HTTP edge: password login for alice/pw, login tokens without a second check. */
const homeserver: Fetch = async (url, init) => {
    const path = url.replace(HS, "");
    const body = init.body ? JSON.parse(init.body as string) : {};
    const answer = (status: number, json: unknown) => ({ ok: status < 300, status, json: async () => json });
    if (path === "/_matrix/client/v3/login" && init.method === "GET") {
        return answer(200, { flows: [{ type: "m.login.password" }, { type: "m.login.sso" }] });
    }
    if (path === "/_matrix/client/v3/login") {
        return body.password === "pw"
            ? answer(200, { access_token: "popup" })
            : answer(403, { errcode: "M_FORBIDDEN" });
    }
    if (path === "/_matrix/client/v1/login/get_token") return answer(200, { login_token: "one-time" });
    return answer(200, {});
};

async function open(overrides: Partial<SignInWindowProps> = {}) {
    const opener = { postMessage: jest.fn() };
    const close = jest.fn();
    render(
        <SignInWindow
            brand={ATRIUM_BRAND}
            homeserverUrl={HS}
            state="nonce-1234567890abcdef"
            returnUrl={`${APP}/?embed=signin&state=nonce-1234567890abcdef`}
            origin={APP}
            opener={opener}
            fetchFn={homeserver}
            close={close}
            {...overrides}
        />,
    );
    // The window asks the homeserver's sign-in methods first.
    if (!overrides.ssoLoginToken) await screen.findByRole("link", { name: "Continue with single sign-on" });
    return { opener, close };
}

describe("SignInWindow", () => {
    beforeEach(() => initAtriumI18n("en"));

    it("signs in by password from the keyboard and sends only the one-time token to the same origin", async () => {
        const { opener, close } = await open();
        await userEvent.type(screen.getByRole("textbox", { name: "Username" }), "alice");
        await userEvent.type(screen.getByLabelText("Password"), "pw{Enter}");
        await waitFor(() => expect(close).toHaveBeenCalled());
        expect(opener.postMessage).toHaveBeenCalledTimes(1);
        const [message, origin] = opener.postMessage.mock.calls[0];
        expect(origin).toBe(APP);
        expect(message).toEqual({
            api: "atrium.embed",
            version: 1,
            type: "signin_token",
            state: "nonce-1234567890abcdef",
            login_token: "one-time",
        });
        expect(JSON.stringify(message)).not.toContain("popup");
    });

    it("shows a wrong password and sends nothing", async () => {
        const { opener } = await open();
        await userEvent.type(screen.getByRole("textbox", { name: "Username" }), "alice");
        await userEvent.type(screen.getByLabelText("Password"), "nope{Enter}");
        expect(await screen.findByRole("alert")).toHaveTextContent("Incorrect username or password.");
        expect(opener.postMessage).not.toHaveBeenCalled();
    });

    it("offers single sign-on returning to this window", async () => {
        await open();
        const sso = await screen.findByRole("link", { name: "Continue with single sign-on" });
        expect(sso.getAttribute("href")).toBe(
            `${HS}/_matrix/client/v3/login/sso/redirect?redirectUrl=${encodeURIComponent(`${APP}/?embed=signin&state=nonce-1234567890abcdef`)}`,
        );
    });

    it("back from single sign-on, hands the token over at once", async () => {
        const { opener } = await open({ ssoLoginToken: "sso-token" });
        await waitFor(() =>
            expect(opener.postMessage).toHaveBeenCalledWith(expect.objectContaining({ login_token: "sso-token" }), APP),
        );
        expect(screen.getByRole("status")).toHaveTextContent("Signed in.");
    });

    it("without the frame that opened it, says so", async () => {
        await open({ opener: null, ssoLoginToken: "sso-token" });
        expect(await screen.findByRole("status")).toHaveTextContent(/lost the page that opened it/);
    });
});
