import React from "react";
import ReactDOM from "react-dom";
import MatrixChat from "matrix-react-sdk/src/components/structures/MatrixChat";
import SdkConfig from "matrix-react-sdk/src/SdkConfig";
import PlatformPeg from "matrix-react-sdk/src/PlatformPeg";
import dispatcher from "matrix-react-sdk/src/dispatcher/dispatcher";

import { HashRouter, queryParamsFromSearch, screenFromHash } from "../routing";
import { installSdkHardening } from "../security/installSdkHardening";
import { startMediaServiceWorker } from "../media/mediaServiceWorker";
import { preloadLoggedInViewWhenLikely } from "./loggedInChunk";

/** After an SSO login the one-time token must not stay in the address bar or the history. */
function dropLoginToken(): void {
    const url = new URL(window.location.href);
    url.searchParams.delete("loginToken");
    window.history.replaceState(null, "", url.toString());
}

/** Renders the SDK's MatrixChat with hash routing; resolves once it is mounted. */
export function renderApp(container: HTMLElement): Promise<MatrixChat> {
    // Before any client or store exists (see docs/security.md); stock Element stays as shipped.
    if (!__ATRIUM_STOCK__) installSdkHardening();
    // Images and avatars from the homeserver need the token its authenticated media asks for.
    if (!__ATRIUM_STOCK__) void startMediaServiceWorker();
    // The logged-in app is a chunk of its own in Atrium (src/seams/LoggedInView.tsx).
    if (!__ATRIUM_STOCK__) preloadLoggedInViewWhenLikely(dispatcher);
    const config = SdkConfig.get();
    const platform = PlatformPeg.get()!;
    const router = new HashRouter();
    const initialScreen = screenFromHash(window.location.hash);
    const matrixChat = React.createRef<MatrixChat>();

    return new Promise((resolve) => {
        ReactDOM.render(
            <MatrixChat
                ref={matrixChat}
                config={config}
                onNewScreen={router.onNewScreen}
                realQueryParams={queryParamsFromSearch(window.location.search)}
                startingFragmentQueryParams={initialScreen.params}
                enableGuest={!config.disable_guests}
                onTokenLoginCompleted={dropLoginToken}
                initialScreenAfterLogin={initialScreen}
                defaultDeviceDisplayName={platform.getDefaultDeviceDisplayName()}
            />,
            container,
            () => {
                const app = matrixChat.current!;
                // The SDK reads this global to know whether someone is logged in.
                window.matrixChat = app;
                router.attach(app);
                resolve(app);
            },
        );
    });
}
