import SdkConfig from "matrix-react-sdk/src/SdkConfig";
import type BasePlatform from "matrix-react-sdk/src/BasePlatform";
import type { IConfigOptions } from "matrix-react-sdk/src/IConfigOptions";

import { withAtriumDefaults } from "../config/atriumDefaults";
import { validateServerConfig } from "../config/serverConfig";
import { describeError, StartupError } from "./StartupError";

/** Reads the platform's config, adds Atrium's defaults (unless this is the stock build) and hands it to the SDK. */
export async function loadConfig(platform: BasePlatform, stock: boolean): Promise<IConfigOptions> {
    let loaded: IConfigOptions | undefined;
    try {
        loaded = await platform.getConfig();
    } catch (error) {
        throw new StartupError("config", describeError(error), error);
    }
    const config = stock ? (loaded ?? ({} as IConfigOptions)) : withAtriumDefaults(loaded ?? {});
    SdkConfig.put(config);
    return config;
}

/** MatrixChat needs a validated homeserver before it renders. */
export async function loadServerConfig(config: IConfigOptions): Promise<void> {
    try {
        SdkConfig.add({ validated_server_config: await validateServerConfig(config) });
    } catch (error) {
        throw new StartupError("server", describeError(error), error);
    }
}
