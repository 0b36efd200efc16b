import React from "react";
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

/** Renders the SDK's MatrixChat with hash routing inside the modules' wrapper; resolves once it is mounted. */
export function renderApp(container: HTMLElement): Promise<MatrixChat> {
    const config = SdkConfig.get();
    const platform = PlatformPeg.get()!;
    const router = new HashRouter();
    const initialScreen = screenFromHash(window.location.hash);
    const matrixChat = React.createRef<MatrixChat>();
    const Wrapper = moduleWrapper();

    return new Promise((resolve) => {
        ReactDOM.render(
            <Wrapper>
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
                />
            </Wrapper>,
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
