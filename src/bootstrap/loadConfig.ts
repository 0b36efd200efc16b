import SdkConfig from "matrix-react-sdk/src/SdkConfig";
import type BasePlatform from "matrix-react-sdk/src/BasePlatform";
import type { IConfigOptions } from "matrix-react-sdk/src/IConfigOptions";

import { LiveConfig, LiveConfigOptions } from "../config/liveConfig";
import { isPlainObject } from "../../contract/deepMerge";
import { validateServerConfig } from "../config/serverConfig";
import { atriumLiveEffects } from "./liveConfigEffects";
import { describeError, StartupError } from "./StartupError";

export interface LoadedConfig {
    config: IConfigOptions;
    /** The config service's layer and its revalidation. */
    live: LiveConfig;
}

/** The platform's own config (`config.json`, or Element Desktop's); failing, the config step fails. */
export async function readPlatformConfig(platform: BasePlatform): Promise<IConfigOptions | undefined> {
    try {
        return await platform.getConfig();
    } catch (error) {
        throw new StartupError("config", describeError(error), error);
    }
}

/**
 * Reads the platform's config (the base), layers the config service's on top (or the last good
 * copy of it, when the service cannot give one), adds Atrium's defaults and hands it to the SDK.
 */
export async function loadConfig(
    platform: BasePlatform,
    options: Partial<LiveConfigOptions> = {},
): Promise<LoadedConfig> {
    const loaded = await readPlatformConfig(platform);
    const base = isPlainObject(loaded) ? loaded : {};
    const live = await LiveConfig.open(base, { effects: atriumLiveEffects, ...options });
    SdkConfig.put(live.config);
    return { config: live.config, live };
}

/** MatrixChat needs a validated homeserver before it renders. */
export async function loadServerConfig(config: IConfigOptions): Promise<void> {
    try {
        SdkConfig.add({ validated_server_config: await validateServerConfig(config) });
    } catch (error) {
        throw new StartupError("server", describeError(error), error);
    }
}
