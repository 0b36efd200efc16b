// Atrium's last steps before the app shows (the stock build renders without them: src/stock/).
import dispatcher from "matrix-react-sdk/src/dispatcher/dispatcher";
import type MatrixChat from "matrix-react-sdk/src/components/structures/MatrixChat";

import { installSdkHardening } from "../security/installSdkHardening";
import { startMediaServiceWorker } from "../media/mediaServiceWorker";
import { preloadLoggedInViewWhenLikely } from "../seams/loggedInChunk";
import { installAccessEndedWatch } from "../session/installAccessEndedWatch";
import { renderApp } from "./renderApp";

export function renderAtrium(container: HTMLElement): Promise<MatrixChat> {
    // Before any client or store exists (see docs/security.md).
    installSdkHardening();
    // Images and avatars from the homeserver need the token its authenticated media asks for.
    void startMediaServiceWorker();
    // The logged-in app is a chunk of its own in Atrium (src/seams/LoggedInView.tsx).
    preloadLoggedInViewWhenLikely(dispatcher);
    // A deactivated, locked or revoked account ends its session with the access-ended screen.
    installAccessEndedWatch();
    return renderApp(container);
}
