// A config service tenant file for a test, built as data and written as YAML (no hand-made YAML
// text that a quote in a value could break).
import { stringify } from "yaml";

export interface TenantFileParts {
    homeserverUrl: string;
    /** The product's name for this tenant; the shipped one when absent. */
    brand?: string;
    /** Origins allowed to read the config from a browser (CORS). */
    webOrigins?: string[];
    /** More of the served config, beside the brand and the homeserver (`map_style_url`, ...). */
    config?: Record<string, unknown>;
    /** The served config's `atrium` part (modules, embedding, ...). */
    atrium?: Record<string, unknown>;
    /** The server-only part, never served (the directory's source and its secrets). */
    server?: Record<string, unknown>;
}

/** The tenant served for Host 127.0.0.1, on the test homeserver (server name `localhost`). */
export function tenantYaml(parts: TenantFileParts): string {
    const config: Record<string, unknown> = {};
    if (parts.brand !== undefined) config.brand = parts.brand;
    Object.assign(config, parts.config);
    config.default_server_config = { "m.homeserver": { base_url: parts.homeserverUrl, server_name: "localhost" } };
    if (parts.atrium) config.atrium = parts.atrium;
    return stringify({
        hosts: ["127.0.0.1"],
        ...(parts.webOrigins ? { web_origins: parts.webOrigins } : {}),
        config,
        ...(parts.server ? { server: parts.server } : {}),
    });
}
