// Element Desktop (1.11.72 and later) adds the access token to authenticated media requests itself,
// in its main process (its media-auth layer): for each one it asks the page, over the bridge, for the
// homeserver's URL, the token and the homeserver's versions, and holds the request until the page
// answers on the same channel. The desktop's vector:// scheme has no service worker to do it instead.
import { logger } from "matrix-js-sdk/src/logger";
import type { MatrixClient } from "matrix-js-sdk/src/matrix";
import { MatrixClientPeg } from "matrix-react-sdk/src/MatrixClientPeg";

import type { ElectronBridge } from "./ElectronBridge";

/** The versions answer when there is no client or the homeserver cannot be asked: no media upgrade. */
const NO_VERSIONS = { versions: [] as string[], unstable_features: {} as Record<string, boolean> };

async function supportedVersions(client: MatrixClient | null): Promise<unknown> {
    if (!client) return NO_VERSIONS;
    try {
        return await client.getVersions();
    } catch (error) {
        logger.warn("Could not tell Element Desktop the homeserver's versions", error);
        return NO_VERSIONS;
    }
}

/**
 * Answers the desktop's media-auth questions from the signed-in client. Every question gets an
 * answer (empty when signed out), because the desktop holds the request until it does.
 */
export function answerDesktopMediaRequests(
    bridge: ElectronBridge,
    currentClient: () => MatrixClient | null = () => MatrixClientPeg.get(),
): void {
    bridge.on("homeserverUrl", () => {
        bridge.send("homeserverUrl", currentClient()?.getHomeserverUrl());
    });
    bridge.on("userAccessToken", () => {
        bridge.send("userAccessToken", currentClient()?.getAccessToken() ?? undefined);
    });
    bridge.on("serverSupportedVersions", () => {
        void supportedVersions(currentClient()).then((versions) => bridge.send("serverSupportedVersions", versions));
    });
}
