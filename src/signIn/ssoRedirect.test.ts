import PlatformPeg from "matrix-react-sdk/src/PlatformPeg";
import type BasePlatform from "matrix-react-sdk/src/BasePlatform";
import type { IConfigOptions } from "matrix-react-sdk/src/IConfigOptions";

import { goesStraightToSso, redirectToSsoIfConfigured } from "./ssoRedirect";

const config = (extra: Record<string, unknown>): IConfigOptions =>
    ({
        validated_server_config: { hsUrl: "https://matrix.example.org", isUrl: "" },
        ...extra,
    }) as unknown as IConfigOptions;

const at = (hash: string, search = ""): { hash: string; search: string } => ({ hash, search });

describe("goesStraightToSso", () => {
    it("goes on every page with `immediate`, but never with a session or a login token", () => {
        const immediate = config({ sso_redirect_options: { immediate: true } });
        expect(goesStraightToSso(immediate, at("#/room/!a:x"), false)).toBe(true);
        expect(goesStraightToSso(immediate, at("#/room/!a:x"), true)).toBe(false);
        expect(goesStraightToSso(immediate, at("", "?loginToken=abc"), false)).toBe(false);
    });

    it("goes from the welcome page only with `on_welcome_page`, and from the login page only with `on_login_page`", () => {
        const welcome = config({ sso_redirect_options: { on_welcome_page: true } });
        for (const hash of ["", "#", "#/", "#/welcome"]) expect(goesStraightToSso(welcome, at(hash), false)).toBe(true);
        expect(goesStraightToSso(welcome, at("#/login"), false)).toBe(false);
        const login = config({ sso_redirect_options: { on_login_page: true } });
        expect(goesStraightToSso(login, at("#/login"), false)).toBe(true);
        expect(goesStraightToSso(login, at("#/welcome"), false)).toBe(false);
    });

    it("reads Element's deprecated sso_immediate_redirect too, and stays without any option", () => {
        expect(goesStraightToSso(config({ sso_immediate_redirect: true }), at("#/home"), false)).toBe(true);
        expect(goesStraightToSso(config({}), at(""), false)).toBe(false);
    });
});

describe("redirectToSsoIfConfigured", () => {
    const startSingleSignOn = jest.fn();
    beforeEach(() => {
        startSingleSignOn.mockReset();
        localStorage.clear();
        PlatformPeg.set({ startSingleSignOn, supportsSetting: () => false } as unknown as BasePlatform);
    });

    it("starts sign-on with the company's provider and keeps a deep link for after the login", () => {
        const redirecting = redirectToSsoIfConfigured(
            config({
                sso_redirect_options: { immediate: true },
                atrium: { sign_in: { identity_provider: { id: "oidc-keycloak", name: "Acme" } } },
            }),
            at("#/room/!abc:example.org"),
        );
        expect(redirecting).toBe(true);
        const [client, loginType, fragment, idpId] = startSingleSignOn.mock.calls[0];
        expect(client.getHomeserverUrl()).toBe("https://matrix.example.org");
        expect([loginType, fragment, idpId]).toEqual(["sso", "/room/!abc:example.org", "oidc-keycloak"]);
    });

    it("does not redirect while a session is stored", () => {
        localStorage.setItem("mx_has_access_token", "true");
        expect(redirectToSsoIfConfigured(config({ sso_redirect_options: { immediate: true } }), at(""))).toBe(false);
        expect(startSingleSignOn).not.toHaveBeenCalled();
    });

    it("shows the app instead when there is no homeserver to sign in with", () => {
        const noServer = { sso_redirect_options: { immediate: true } } as unknown as IConfigOptions;
        expect(redirectToSsoIfConfigured(noServer, at(""))).toBe(false);
        expect(startSingleSignOn).not.toHaveBeenCalled();
    });
});
