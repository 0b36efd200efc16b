// Turns the config's homeserver settings into the SDK's `validated_server_config`, as MatrixChat
// expects before it renders. Liveness problems do not stop the start: the login page reports them.
import AutoDiscoveryUtils from "matrix-react-sdk/src/utils/AutoDiscoveryUtils";
import { IConfigOptions } from "matrix-react-sdk/src/IConfigOptions";
import { ValidatedServerConfig } from "matrix-react-sdk/src/utils/ValidatedServerConfig";
import { AutoDiscovery, ClientConfig } from "matrix-js-sdk/src/autodiscovery";

export class ServerConfigError extends Error {}

export async function validateServerConfig(config: IConfigOptions): Promise<ValidatedServerConfig> {
    const wellKnown = config.default_server_config;
    const serverName = config.default_server_name;
    const hsUrl = config.default_hs_url;
    const given = [wellKnown, serverName, hsUrl].filter(Boolean).length;
    if (given > 1) {
        throw new ServerConfigError(
            "Set only one of default_server_config, default_server_name and default_hs_url in the config.",
        );
    }
    if (hsUrl) {
        return AutoDiscoveryUtils.validateServerConfigWithStaticUrls(hsUrl, config.default_is_url, true);
    }
    if (serverName) {
        const discovery = await AutoDiscovery.findClientConfig(serverName);
        return AutoDiscoveryUtils.buildValidatedConfigFromDiscovery(serverName, discovery, true);
    }
    if (wellKnown) {
        const discovery: ClientConfig = await AutoDiscovery.fromDiscoveryConfig(wellKnown);
        const name = wellKnown["m.homeserver"]?.server_name;
        return AutoDiscoveryUtils.buildValidatedConfigFromDiscovery(name, discovery, true);
    }
    throw new ServerConfigError("The config names no homeserver: set default_server_config.");
}
