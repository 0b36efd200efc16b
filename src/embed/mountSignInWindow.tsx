// The sign-in window an embedded frame opens at top level: a light page, without the SDK's app.
import React from "react";
import ReactDOM from "react-dom";
import SdkConfig from "matrix-react-sdk/src/SdkConfig";

import type { Brand } from "../brand/brand";
import type { EmbedSignIn } from "./embedRequest";
import { SignInWindow } from "./SignInWindow";
import "./embed.pcss";

export function homeserverUrl(): string {
    const validated = SdkConfig.get("validated_server_config");
    if (!validated?.hsUrl) throw new Error("No homeserver is configured");
    return validated.hsUrl.replace(/\/+$/, "");
}

/** The sign-in window: back from single sign-on with a token, or the password form. */
export function mountSignInWindow(container: HTMLElement, request: EmbedSignIn, brand: Brand): void {
    const url = new URL(window.location.href);
    const ssoLoginToken = url.searchParams.get("loginToken") ?? undefined;
    if (ssoLoginToken) {
        url.searchParams.delete("loginToken");
        window.history.replaceState(null, "", url.toString());
    }
    const returnUrl = `${window.location.origin}${window.location.pathname}?embed=signin&state=${request.state}`;
    ReactDOM.render(
        <SignInWindow
            brand={brand}
            homeserverUrl={homeserverUrl()}
            state={request.state}
            ssoLoginToken={ssoLoginToken}
            returnUrl={returnUrl}
            origin={window.location.origin}
            opener={window.opener as Window | null}
            fetchFn={(input, init) => window.fetch(input, init)}
            close={() => window.setTimeout(() => window.close(), 600)}
        />,
        container,
    );
}
