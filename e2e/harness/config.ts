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
 * The app's config.json for e2e runs and the demo: one homeserver, no guests,
 * nothing that would make the app reach the internet on its own.
 */
export function e2eWebappConfig(synapseUrl: string, serverName = E2E_SERVER_NAME): Record<string, unknown> {
    return {
        default_server_config: {
            "m.homeserver": { base_url: synapseUrl, server_name: serverName },
        },
        brand: "Atrium",
        disable_guests: true,
        disable_3pid_login: true,
        disable_custom_urls: false,
        default_theme: "light",
        show_labs_settings: false,
        room_directory: { servers: [serverName] },
        bug_report_endpoint_url: null,
        integrations_ui_url: null,
        integrations_rest_url: null,
        integrations_widgets_urls: [],
    };
}
