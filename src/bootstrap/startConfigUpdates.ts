import { logger } from "matrix-js-sdk/src/logger";

import type { LiveConfig } from "../config/liveConfig";

/**
 * After the first render: the notice area (its own chunk and React root) and the config's
 * background revalidation. Nothing here delays the app, and nothing here can fail the start.
 */
export async function startConfigUpdates(live: LiveConfig | null): Promise<void> {
    live?.startRevalidating();
    try {
        const { mountNotices } = await import(/* webpackChunkName: "atrium-notices" */ "../notices/mountNotices");
        mountNotices();
    } catch (error) {
        logger.error("Atrium: could not show the notice area", error);
    }
}
