// Going straight to the company's identity provider (Element's `sso_redirect_options`), decided
// before the app renders so that nobody sees half a welcome page first. Element Web does this in its
// own start-up, which Atrium replaces; the SDK only reads the option.
import { createClient } from "matrix-js-sdk/src/matrix";
import { logger } from "matrix-js-sdk/src/logger";
import PlatformPeg from "matrix-react-sdk/src/PlatformPeg";
import { parseSsoRedirectOptions } from "matrix-react-sdk/src/SdkConfig";
import type { IConfigOptions } from "matrix-react-sdk/src/IConfigOptions";

import { hasStoredSession } from "../session/storedSession";
import { signInSettings } from "./signInConfig";

export interface Place {
    hash: string;
    search: string;
}

const WELCOME_HASHES = new Set(["", "#", "#/", "#/welcome"]);
const LOGIN_HASHES = new Set(["#/login"]);

/** Whether this visit goes straight to the identity provider: only without a session or a login in progress. */
export function goesStraightToSso(config: IConfigOptions, place: Place, hasSession: boolean): boolean {
    if (hasSession) return false;
    // Back from the identity provider with a token: the SDK completes that login.
    if (new URLSearchParams(place.search).has("loginToken")) return false;
    const options = parseSsoRedirectOptions(config);
    if (options.immediate === true) return true;
    if (options.on_welcome_page === true && WELCOME_HASHES.has(place.hash)) return true;
    return options.on_login_page === true && LOGIN_HASHES.has(place.hash);
}

/** Where the app goes after signing in: a deep link survives the trip, the welcome or login page does not. */
function fragmentAfterLogin(hash: string): string {
    return WELCOME_HASHES.has(hash) || LOGIN_HASHES.has(hash) ? "" : hash.replace(/^#/, "");
}

/**
 * Starts single sign-on when the config asks to go straight there; true when the page is on its way
 * to the identity provider (and the app should not render).
 */
export function redirectToSsoIfConfigured(config: IConfigOptions, place: Place = window.location): boolean {
    if (!goesStraightToSso(config, place, hasStoredSession())) return false;
    const server = config.validated_server_config;
    const platform = PlatformPeg.get();
    if (!server?.hsUrl || !platform) {
        logger.warn("Atrium: sso_redirect_options is set, but there is no homeserver to sign in with; showing the app");
        return false;
    }
    const client = createClient({ baseUrl: server.hsUrl, idBaseUrl: server.isUrl || undefined });
    const idpId = signInSettings(config).identityProvider?.id;
    logger.log("Atrium: going straight to the identity provider (sso_redirect_options)");
    platform.startSingleSignOn(client, "sso", fragmentAfterLogin(place.hash), idpId);
    return true;
}
