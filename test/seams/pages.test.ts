// CVE-2026-55850: the home page URL must come from Atrium's config, not the homeserver's .well-known.
import type { MatrixClient } from "matrix-js-sdk/src/matrix";
import type { IConfigOptions } from "matrix-react-sdk/src/IConfigOptions";
import { getHomePageUrl, shouldUseLoginForWelcome } from "matrix-react-sdk/src/utils/pages";
import { getHomePageUrl as originalGetHomePageUrl } from "$sdk-original/utils/pages";

const clientWithWellKnownHome = (homeUrl: string): MatrixClient =>
    ({ getClientWellKnown: () => ({ "io.element.embedded_pages": { home_url: homeUrl } }) }) as unknown as MatrixClient;

const config = (extra: Record<string, unknown>): IConfigOptions =>
    ({ brand: "Acme", ...extra }) as unknown as IConfigOptions;

describe("pages seam", () => {
    const hostile = clientWithWellKnownHome("https://evil.example.org/home.html");

    it("the SDK's own lookup takes the home page from .well-known (the advisory)", () => {
        expect(originalGetHomePageUrl(config({}), hostile)).toBe("https://evil.example.org/home.html");
    });

    it("Atrium's ignores .well-known", () => {
        expect(getHomePageUrl(config({}), hostile)).toBeUndefined();
    });

    it("takes embedded_pages.home_url, then the deprecated welcomePageUrl, from the config", () => {
        expect(getHomePageUrl(config({ embedded_pages: { home_url: "https://intranet.example.org/" } }), hostile)).toBe(
            "https://intranet.example.org/",
        );
        expect(getHomePageUrl(config({ welcomePageUrl: "https://intranet.example.org/old" }), hostile)).toBe(
            "https://intranet.example.org/old",
        );
    });

    it("ignores a home_url that is not a non-empty string", () => {
        expect(getHomePageUrl(config({ embedded_pages: { home_url: 42 } }), hostile)).toBeUndefined();
        expect(getHomePageUrl(config({ embedded_pages: { home_url: "" } }), hostile)).toBeUndefined();
    });

    it("keeps the SDK's shouldUseLoginForWelcome", () => {
        expect(shouldUseLoginForWelcome(config({ embedded_pages: { login_for_welcome: true } }))).toBe(true);
        expect(shouldUseLoginForWelcome(config({}))).toBe(false);
    });
});
