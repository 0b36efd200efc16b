// The embedded mode's app: one room or space inside another site's page, with its host bridge.
import React from "react";
import ReactDOM from "react-dom";
import { SSO_HOMESERVER_URL_KEY } from "matrix-react-sdk/src/BasePlatform";
import SdkConfig from "matrix-react-sdk/src/SdkConfig";

import type { Brand } from "../brand/brand";
import { moduleWrapper } from "../bootstrap/moduleWrapper";
import { matrixChatElement } from "../bootstrap/renderApp";
import { HashRouter, screenFromHash } from "../routing";
import { hasStoredSession } from "../session/storedSession";
import { atriumMessage, type ReadyMessage, type SignedInMessage } from "./embedMessages";
import { type EmbedView, fullAppUrl, screenHashFor } from "./embedRequest";
import { EmbedShell } from "./EmbedShell";
import { allowedHostOrigins, HostBridge } from "./hostBridge";
import { signInThroughPopup } from "./popupSignIn";
import { reportSessionToHost } from "./reportToHost";
import { homeserverUrl } from "./mountSignInWindow";
import "./embed.pcss";

/** The app on one room or space, in the compact layout, talking to its listed host page. */
export function mountEmbeddedApp(container: HTMLElement, view: EmbedView, brand: Brand): void {
    document.documentElement.classList.add("atrium_embedded");
    // The SDK rewrites the hash as screens change; the embed request stays in the query string.
    if (!screenFromHash(window.location.hash).screen) {
        window.history.replaceState(
            null,
            "",
            `${window.location.pathname}${window.location.search}${screenHashFor(view.target)}`,
        );
    }
    const bridge = new HostBridge(
        window,
        allowedHostOrigins(SdkConfig.get() as Parameters<typeof allowedHostOrigins>[0]),
        (room) => {
            window.location.hash = screenHashFor(room);
        },
    );
    bridge.start();
    reportSessionToHost(bridge);
    bridge.post(atriumMessage<ReadyMessage>({ type: "ready", kind: view.kind, target: view.target }));
    const signedIn = hasStoredSession();
    if (!signedIn) bridge.post(atriumMessage<SignedInMessage>({ type: "signed_in", signed_in: false }));

    const router = new HashRouter();
    const renderApp = (loginToken?: string): React.ReactElement => {
        // The SDK's token login reads the homeserver from here, as after its own single sign-on.
        if (loginToken) window.localStorage.setItem(SSO_HOMESERVER_URL_KEY, homeserverUrl());
        return matrixChatElement(router, () => undefined, loginToken);
    };
    const Wrapper = moduleWrapper();
    ReactDOM.render(
        <Wrapper>
            <EmbedShell
                brand={brand}
                appUrl={fullAppUrl(window.location, view.target)}
                storageOk={true}
                signedIn={signedIn}
                signIn={() => signInThroughPopup(window)}
                renderApp={renderApp}
            />
        </Wrapper>,
        container,
    );
}
