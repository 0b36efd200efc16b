// Sign-in through the company's identity provider, end to end: a real Keycloak with the test realm, a
// Synapse of its own that uses Keycloak as its OIDC provider, and the app served with an SSO-first
// config pointing at that Synapse. Started by the specs that need it, never by every run.
import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import path from "node:path";

import { e2ePorts, e2eWebappConfig } from "./config.ts";
import { keycloakPort, startKeycloak, type KeycloakHandle } from "./keycloak.ts";
import { TEST_PEOPLE, testRealm } from "./keycloak-realm.ts";
import { defaultWebappDir, e2eStateDir } from "./paths.ts";
import { startSynapse, type SynapseHandle } from "./synapse.ts";
import { serveWebapp, type WebappServer } from "./webapp.ts";

export const SSO_REALM = "atrium";
/** Synapse's idp_id; the app and Synapse's SSO redirect name it `oidc-keycloak`. */
export const SSO_IDP_ID = "keycloak";
export const SSO_SERVER_NAME = "localhost";

export interface SsoPorts {
    keycloak: number;
    synapse: number;
    webapp: number;
}

/** Ports from the environment; the defaults sit beside the main stack's (18180, 18208, 18082). */
export function ssoPorts(): SsoPorts {
    const main = e2ePorts();
    return {
        keycloak: keycloakPort(),
        synapse: Number(process.env.E2E_SSO_SYNAPSE_PORT ?? main.synapse + 200),
        webapp: Number(process.env.E2E_SSO_WEBAPP_PORT ?? main.webapp + 2),
    };
}

export interface SsoStack {
    keycloak: KeycloakHandle;
    synapse: SynapseHandle;
    webapp: WebappServer;
    stop(): Promise<void>;
}

/** The app's config: sign in through the company's Keycloak first, nothing else offered. */
export function ssoWebappConfig(synapseUrl: string): Record<string, unknown> {
    // The shipped config lets people pick another homeserver; here Atrium's company default applies.
    const { disable_custom_urls: _customUrls, ...base } = e2eWebappConfig(synapseUrl, SSO_SERVER_NAME);
    return {
        ...base,
        atrium: {
            ...(base.atrium as Record<string, unknown>),
            sign_in: {
                identity_provider: { id: `oidc-${SSO_IDP_ID}`, name: "Acme Account", logo_url: "img/atrium-logo.svg" },
                password_login: false,
            },
        },
        // The welcome page goes straight to Keycloak; #/login still shows the sign-in page.
        sso_redirect_options: { on_welcome_page: true },
    };
}

/** Starts Keycloak, its Synapse and the app on fresh data; stops what started if a later step fails. */
export async function startSsoStack(ports = ssoPorts()): Promise<SsoStack> {
    const started: { stop(): Promise<void> }[] = [];
    const stop = async (): Promise<void> => {
        for (const server of started.reverse()) await server.stop().catch((e) => console.error(e));
    };
    try {
        const synapseUrl = `http://127.0.0.1:${ports.synapse}`;
        const webappUrl = `http://127.0.0.1:${ports.webapp}`;
        const client = { clientId: "synapse", secret: randomBytes(24).toString("base64url"), synapseUrl };
        const keycloak = await startKeycloak({
            port: ports.keycloak,
            realms: [testRealm({ realm: SSO_REALM, people: TEST_PEOPLE, synapse: client })],
        });
        started.push(keycloak);
        const dataDir = path.join(e2eStateDir, `sso-synapse-${ports.synapse}`);
        await rm(dataDir, { recursive: true, force: true });
        const synapse = await startSynapse({
            dataDir,
            port: ports.synapse,
            serverName: SSO_SERVER_NAME,
            oidc: {
                issuer: keycloak.issuer(SSO_REALM),
                clientId: client.clientId,
                clientSecret: client.secret,
                idpId: SSO_IDP_ID,
                idpName: "Keycloak",
                clientWhitelist: [`${webappUrl}/`],
            },
        });
        started.push(synapse);
        const webapp = await serveWebapp({
            webappDir: process.env.E2E_WEBAPP_DIR ?? defaultWebappDir,
            port: ports.webapp,
            config: ssoWebappConfig(synapse.baseUrl),
        });
        started.push(webapp);
        return { keycloak, synapse, webapp, stop };
    } catch (e) {
        await stop();
        throw e;
    }
}
