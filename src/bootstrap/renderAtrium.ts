// Atrium's last steps before the app shows (the stock build renders without them: src/stock/).
import dispatcher from "matrix-react-sdk/src/dispatcher/dispatcher";
import SdkConfig from "matrix-react-sdk/src/SdkConfig";
import type MatrixChat from "matrix-react-sdk/src/components/structures/MatrixChat";

import { installSdkHardening } from "../security/installSdkHardening";
import { startMediaServiceWorker } from "../media/mediaServiceWorker";
import { preloadLoggedInViewWhenLikely } from "../seams/loggedInChunk";
import type { Brand } from "../brand/brand";
import type { EmbedView } from "../embed/embedRequest";
import { usesMediaServiceWorker } from "../platform/selectPlatform";
import { redirectToSsoIfConfigured } from "../signIn/ssoRedirect";
import { installAccessEndedWatch } from "../session/installAccessEndedWatch";
import { renderApp } from "./renderApp";

/**
 * Renders the full app, or (embedded mode) the app on one room or space with its host bridge; resolves
 * null when the page is instead on its way to the company's identity provider.
 */
export async function renderAtrium(
    container: HTMLElement,
    embed?: { view: EmbedView; brand: Brand },
): Promise<MatrixChat | null | void> {
    // sso_redirect_options: straight to the identity provider, before anything shows. Never inside a
    // frame: the identity provider's pages refuse to be framed, the embedded sign-in uses its own window.
    if (!embed && redirectToSsoIfConfigured(SdkConfig.get())) return null;
    // Before any client or store exists (see docs/security.md).
    installSdkHardening();
    // Images and avatars from the homeserver need the token its authenticated media asks for
    // (Element Desktop adds it itself: src/platform/desktopMediaAuth.ts).
    if (usesMediaServiceWorker()) void startMediaServiceWorker();
    // The logged-in app is a chunk of its own in Atrium (src/seams/LoggedInView.tsx).
    preloadLoggedInViewWhenLikely(dispatcher);
    if (embed) {
        const { mountEmbeddedApp } = await import(/* webpackChunkName: "embed" */ "../embed/mountEmbed");
        mountEmbeddedApp(container, embed.view, embed.brand);
        return;
    }
    // A deactivated, locked or revoked account ends its session with the access-ended screen.
    installAccessEndedWatch();
    return renderApp(container);
}
