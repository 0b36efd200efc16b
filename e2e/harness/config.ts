import { readFileSync } from "node:fs";
import path from "node:path";

import { repoRoot } from "./paths.ts";

/** Ports of the e2e stack; env overrides let two checkouts run side by side. */
export function e2ePorts(): { synapse: number; webapp: number } {
    return {
        synapse: Number(process.env.E2E_SYNAPSE_PORT ?? 18008),
        webapp: Number(process.env.E2E_WEBAPP_PORT ?? 18080),
    };
}

/** The server name every test and demo user lives on (@alice:localhost). */
export const E2E_SERVER_NAME = "localhost";

/**
 * The app's config.json for e2e runs and the demo: the repository's own config.json, pointed at
 * the given homeserver, with nothing that would make the app reach the internet on its own.
 */
export function e2eWebappConfig(synapseUrl: string, serverName = E2E_SERVER_NAME): Record<string, unknown> {
    const shipped = JSON.parse(readFileSync(path.join(repoRoot, "config.json"), "utf8")) as Record<string, unknown>;
    // No config service unless a test starts one (see tests/config-service.spec.ts): the shipped
    // config.json is complete on its own.
    const { config_service: _service, ...atrium } = (shipped.atrium ?? {}) as Record<string, unknown>;
    return {
        ...shipped,
        atrium,
        default_server_config: {
            "m.homeserver": { base_url: synapseUrl, server_name: serverName },
        },
        room_directory: { servers: [serverName] },
        bug_report_endpoint_url: null,
        integrations_ui_url: null,
        integrations_rest_url: null,
        integrations_widgets_urls: [],
    };
}
