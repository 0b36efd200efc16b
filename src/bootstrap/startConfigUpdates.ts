import { logger } from "matrix-js-sdk/src/logger";

import { configStore, type ConfigStore } from "../config/configStore";
import type { LiveConfig } from "../config/liveConfig";
import { whenNoticesToShow } from "../notices/noticesToShow";

/**
 * After the first render: the config's background revalidation, and the notice area (its own chunk
 * and React root) once there is a notice to show. Nothing here delays the app, and nothing here can
 * fail the start.
 */
export async function startConfigUpdates(live: LiveConfig | null, store: ConfigStore = configStore): Promise<void> {
    live?.startRevalidating();
    await whenNoticesToShow(store);
    try {
        const { mountNotices } = await import(/* webpackChunkName: "atrium-notices" */ "../notices/mountNotices");
        mountNotices();
    } catch (error) {
        logger.error("Atrium: could not show the notice area", error);
    }
}
