import React from "react";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { TooltipProvider } from "@vector-im/compound-web";
import PlatformPeg from "matrix-react-sdk/src/PlatformPeg";
import SettingsStore from "matrix-react-sdk/src/settings/SettingsStore";
import { UIFeature } from "matrix-react-sdk/src/settings/UIFeature";
import type BasePlatform from "matrix-react-sdk/src/BasePlatform";
import type { ValidatedServerConfig } from "matrix-react-sdk/src/utils/ValidatedServerConfig";
// The SDK's sign-in page, which the resolver replaces with Atrium's wrapper.
import Login from "matrix-react-sdk/src/components/structures/auth/Login";

import { jsonResponse } from "../helpers/fakeResponse";
import { loadEnglish, putConfig, serveFetch } from "../helpers/sdkEnvironment";

const HS = "https://matrix.example.org";

const serverConfig = {
    hsUrl: HS,
    hsName: "example.org",
    hsNameIsDifferent: false,
    isUrl: "",
    isDefault: true,
    isNameResolvedFromWellKnown: false,
    warning: null,
} as unknown as ValidatedServerConfig;

const KEYCLOAK = { id: "oidc-keycloak", name: "Keycloak" };
const GITLAB = { id: "oidc-gitlab", name: "GitLab" };

/** The homeserver answers its versions and the given login flows. */
function serveHomeserver(providers = [KEYCLOAK], password = true): void {
    serveFetch((url) => {
        if (url.startsWith(`${HS}/_matrix/client/versions`)) return jsonResponse(200, { versions: ["v1.11"] });
        if (url.startsWith(`${HS}/_matrix/client/v3/login`)) {
            const flows: unknown[] = [
                { type: "m.login.sso", identity_providers: providers },
                { type: "m.login.token" },
            ];
            if (password) flows.push({ type: "m.login.password" });
            return jsonResponse(200, { flows });
        }
        return undefined;
    });
}

const startSingleSignOn = jest.fn();

/** Renders the page as MatrixChat does: "Forgot password?" only where UIFeature.passwordReset allows it. */
function renderLogin(): void {
    const passwordReset = SettingsStore.getValue(UIFeature.PasswordReset);
    render(
        <TooltipProvider>
            <Login
                serverConfig={serverConfig}
                onLoggedIn={jest.fn()}
                onRegisterClick={jest.fn()}
                onForgotPasswordClick={passwordReset ? jest.fn() : undefined}
                onServerConfigChange={jest.fn()}
                fragmentAfterLogin=""
            />
        </TooltipProvider>,
    );
}

const ACME = { id: "oidc-keycloak", name: "Acme Account", logo_url: "img/acme-sso.svg" };

describe("Login seam", () => {
    beforeAll(loadEnglish);
    beforeEach(() => {
        startSingleSignOn.mockReset();
        PlatformPeg.set({ startSingleSignOn, supportsSetting: () => false } as unknown as BasePlatform);
    });

    it("is the SDK's page without atrium.sign_in: password form, SSO buttons, registration and server choice", async () => {
        putConfig({});
        serveHomeserver();
        renderLogin();
        expect(await screen.findByRole("button", { name: "Continue with Keycloak" })).toBeInTheDocument();
        expect(screen.getByLabelText("Password")).toBeInTheDocument();
        expect(screen.getByRole("button", { name: "Create an account" })).toBeInTheDocument();
        expect(screen.getByRole("button", { name: "Forgot password?" })).toBeInTheDocument();
        expect(screen.getByRole("button", { name: "Edit" })).toBeInTheDocument();
        expect(screen.queryByRole("button", { name: /Sign in with/ })).toBeNull();
    });

    it("shows only the company's provider, by its name and logo, and starts its sign-on", async () => {
        putConfig({ atrium: { sign_in: { identity_provider: ACME, password_login: false } } });
        serveHomeserver();
        renderLogin();
        const button = await screen.findByRole("button", { name: "Sign in with Acme Account" });
        expect(button.querySelector("img")).toHaveAttribute("src", "img/acme-sso.svg");
        // No password form, no other way in, nothing to register, no homeserver to pick.
        expect(screen.queryByLabelText("Password")).toBeNull();
        expect(screen.queryByRole("button", { name: "Continue with Keycloak" })).toBeNull();
        expect(screen.queryByRole("button", { name: "Create an account" })).toBeNull();
        expect(screen.queryByRole("button", { name: "Edit" })).toBeNull();

        fireEvent.click(button);
        expect(startSingleSignOn).toHaveBeenCalledTimes(1);
        const [client, loginType, , idpId] = startSingleSignOn.mock.calls[0];
        expect(client.getHomeserverUrl()).toBe(HS);
        expect([loginType, idpId]).toEqual(["sso", "oidc-keycloak"]);
    });

    it("keeps the password form below the company's provider where the config allows it, without password reset", async () => {
        putConfig({ atrium: { sign_in: { identity_provider: ACME } } });
        serveHomeserver();
        renderLogin();
        const button = await screen.findByRole("button", { name: "Sign in with Acme Account" });
        const password = screen.getByLabelText("Password");
        expect(button.compareDocumentPosition(password) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
        expect(screen.getByRole("separator")).toHaveTextContent("or");
        expect(screen.queryByRole("button", { name: "Forgot password?" })).toBeNull();
        expect(screen.queryByRole("button", { name: "Create an account" })).toBeNull();
    });

    it("lets the config show registration and server choice again explicitly", async () => {
        putConfig({
            atrium: { sign_in: { identity_provider: ACME } },
            disable_custom_urls: false,
            setting_defaults: { "UIFeature.registration": true },
        });
        serveHomeserver();
        renderLogin();
        await screen.findByRole("button", { name: "Sign in with Acme Account" });
        expect(screen.getByRole("button", { name: "Create an account" })).toBeInTheDocument();
        expect(screen.getByRole("button", { name: "Edit" })).toBeInTheDocument();
    });

    it("keeps the homeserver's other providers below the company's, and uses its only one when no id is set", async () => {
        putConfig({ atrium: { sign_in: { identity_provider: { name: "Acme Account" }, password_login: false } } });
        serveHomeserver([KEYCLOAK]);
        renderLogin();
        fireEvent.click(await screen.findByRole("button", { name: "Sign in with Acme Account" }));
        expect(startSingleSignOn.mock.calls[0][3]).toBe("oidc-keycloak");
    });

    it("says the company's provider is unavailable when the homeserver does not offer it, and keeps the others", async () => {
        putConfig({ atrium: { sign_in: { identity_provider: ACME, password_login: false } } });
        serveHomeserver([GITLAB]);
        renderLogin();
        expect(await screen.findByRole("alert")).toHaveTextContent(
            "Signing in with Acme Account is not available on this server.",
        );
        expect(screen.queryByRole("button", { name: "Sign in with Acme Account" })).toBeNull();
        expect(screen.getByRole("button", { name: "Continue with GitLab" })).toBeInTheDocument();
    });

    it("hides the password form when password_login is false, even without a company provider", async () => {
        putConfig({ atrium: { sign_in: { password_login: false } } });
        serveHomeserver([KEYCLOAK, GITLAB]);
        renderLogin();
        await waitFor(() => expect(screen.getByRole("button", { name: "Continue with GitLab" })).toBeInTheDocument());
        expect(screen.getByRole("button", { name: "Continue with Keycloak" })).toBeInTheDocument();
        expect(screen.queryByLabelText("Password")).toBeNull();
    });
});
