import React, { type ReactElement } from "react";
import ReactDOM from "react-dom";
import MatrixChat from "matrix-react-sdk/src/components/structures/MatrixChat";
import SdkConfig from "matrix-react-sdk/src/SdkConfig";
import PlatformPeg from "matrix-react-sdk/src/PlatformPeg";

import { HashRouter, queryParamsFromSearch, screenFromHash } from "../routing";
import { moduleWrapper } from "./moduleWrapper";

/** After an SSO login the one-time token must not stay in the address bar or the history. */
function dropLoginToken(): void {
    const url = new URL(window.location.href);
    url.searchParams.delete("loginToken");
    window.history.replaceState(null, "", url.toString());
}

/**
 * The SDK's MatrixChat on the current address, attached to `router` once mounted. A `loginToken`
 * (an embedded frame's, from its sign-in window) goes to the SDK's own token login as if it were in
 * the query string, without ever being in the address.
 */
export function matrixChatElement(
    router: HashRouter,
    onMounted: (app: MatrixChat) => void,
    loginToken?: string,
): ReactElement {
    const config = SdkConfig.get();
    const platform = PlatformPeg.get()!;
    const initialScreen = screenFromHash(window.location.hash);
    const realQueryParams = queryParamsFromSearch(window.location.search);
    if (loginToken) realQueryParams.loginToken = loginToken;
    let attached = false;
    const onRef = (app: MatrixChat | null): void => {
        if (!app || attached) return;
        attached = true;
        // The SDK reads this global to know whether someone is logged in.
        window.matrixChat = app;
        router.attach(app);
        onMounted(app);
    };
    return (
        <MatrixChat
            ref={onRef}
            config={config}
            onNewScreen={router.onNewScreen}
            realQueryParams={realQueryParams}
            startingFragmentQueryParams={initialScreen.params}
            enableGuest={!config.disable_guests}
            onTokenLoginCompleted={dropLoginToken}
            initialScreenAfterLogin={initialScreen}
            defaultDeviceDisplayName={platform.getDefaultDeviceDisplayName()}
        />
    );
}

/** Renders the SDK's MatrixChat with hash routing inside the modules' wrapper; resolves once it is mounted. */
export function renderApp(container: HTMLElement): Promise<MatrixChat> {
    const router = new HashRouter();
    const Wrapper = moduleWrapper();
    return new Promise((resolve) => {
        ReactDOM.render(<Wrapper>{matrixChatElement(router, resolve)}</Wrapper>, container);
    });
}
