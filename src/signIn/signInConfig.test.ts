import { companyProviderIn, signInSettings } from "./signInConfig";

describe("signInSettings", () => {
    it("reads the company's provider and the password switch", () => {
        expect(
            signInSettings({
                atrium: {
                    sign_in: {
                        identity_provider: { id: "oidc-keycloak", name: " Acme ", logo_url: "img/a.svg" },
                        password_login: false,
                    },
                },
            }),
        ).toEqual({
            identityProvider: { id: "oidc-keycloak", name: "Acme", logoUrl: "img/a.svg" },
            passwordLogin: false,
        });
    });

    it("falls back to the SDK's page for missing or malformed settings", () => {
        const sdkPage = { identityProvider: null, passwordLogin: true };
        expect(signInSettings({})).toEqual(sdkPage);
        expect(signInSettings({ atrium: { sign_in: "sso" } })).toEqual(sdkPage);
        expect(signInSettings({ atrium: { sign_in: { identity_provider: { name: "  " } } } })).toEqual(sdkPage);
        expect(signInSettings({ atrium: { sign_in: { password_login: "no" } } }).passwordLogin).toBe(true);
    });
});

describe("companyProviderIn", () => {
    const acme = { name: "Acme", id: "oidc-keycloak" };
    it("finds the configured provider among those offered, or none", () => {
        expect(companyProviderIn(acme, ["oidc-gitlab", "oidc-keycloak"])).toEqual({ id: "oidc-keycloak" });
        expect(companyProviderIn(acme, ["oidc-gitlab"])).toBeNull();
    });

    it("uses the only provider offered when the config names none, else the homeserver's choice", () => {
        expect(companyProviderIn({ name: "Acme" }, ["oidc-keycloak"])).toEqual({ id: "oidc-keycloak" });
        expect(companyProviderIn({ name: "Acme" }, ["a", "b"])).toEqual({ id: undefined });
        expect(companyProviderIn(acme, [])).toEqual({ id: undefined });
    });
});
