// Atrium's last steps before the app shows (the stock build renders without them: src/stock/).
import dispatcher from "matrix-react-sdk/src/dispatcher/dispatcher";
import SdkConfig from "matrix-react-sdk/src/SdkConfig";
import type MatrixChat from "matrix-react-sdk/src/components/structures/MatrixChat";

import { installSdkHardening } from "../security/installSdkHardening";
import { startMediaServiceWorker } from "../media/mediaServiceWorker";
import { preloadLoggedInViewWhenLikely } from "../seams/loggedInChunk";
import { redirectToSsoIfConfigured } from "../signIn/ssoRedirect";
import { renderApp } from "./renderApp";

/** Renders the app; resolves null when the page is instead on its way to the company's identity provider. */
export function renderAtrium(container: HTMLElement): Promise<MatrixChat | null> {
    // sso_redirect_options: straight to the identity provider, before anything shows.
    if (redirectToSsoIfConfigured(SdkConfig.get())) return Promise.resolve(null);
    // Before any client or store exists (see docs/security.md).
    installSdkHardening();
    // Images and avatars from the homeserver need the token its authenticated media asks for.
    void startMediaServiceWorker();
    // The logged-in app is a chunk of its own in Atrium (src/seams/LoggedInView.tsx).
    preloadLoggedInViewWhenLikely(dispatcher);
    return renderApp(container);
}
