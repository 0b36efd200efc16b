import path from "node:path";

/** Secrets kept per data dir, so a reused (demo) dir keeps working across restarts. */
export interface SynapseSecrets {
    registrationSharedSecret: string;
    macaroonSecretKey: string;
    formSecret: string;
}

/** A TLS listener for server-to-server traffic, with a self-signed certificate (test homeservers only). */
export interface FederationListener {
    tlsPort: number;
    certificateFile: string;
    privateKeyFile: string;
}

/** Sign-in through an OpenID Connect provider (Keycloak in the tests). */
export interface OidcSignIn {
    /** e.g. http://127.0.0.1:18180/realms/atrium */
    issuer: string;
    clientId: string;
    clientSecret: string;
    /** Synapse's idp_id; the client sees it as `oidc-<idpId>`. */
    idpId: string;
    idpName: string;
    /** Origins (with a trailing slash) whose SSO logins skip Synapse's "Continue to your account" page. */
    clientWhitelist: string[];
}

/** A PostgreSQL database for Synapse (see postgres.ts): UTF8 with C collation, reached over TCP. */
export interface PostgresConnection {
    host: string;
    port: number;
    database: string;
    user: string;
    password: string;
}

export interface SynapseConfigInput {
    dataDir: string;
    port: number;
    serverName: string;
    secrets: SynapseSecrets;
    federation?: FederationListener;
    oidc?: OidcSignIn;
    /** Synapse's database: PostgreSQL through psycopg2 when given, else SQLite in the data dir. */
    postgres?: PostgresConnection;
    /**
     * Where clients reach it, when that is not its own port (behind nginx). Synapse names it in the
     * login response's well_known, and Element then talks to that URL rather than the one it signed in at.
     */
    publicBaseUrl?: string;
}

/**
 * Synapse's settings for signing in through the company's identity provider: the Matrix localpart is
 * the person's username there and the display name their given and family names; when the provider
 * ends a login (back-channel logout), Synapse ends the Matrix sessions that login made.
 */
export function oidcSettings(oidc: OidcSignIn): Record<string, unknown> {
    return {
        oidc_providers: [
            {
                idp_id: oidc.idpId,
                idp_name: oidc.idpName,
                issuer: oidc.issuer,
                client_id: oidc.clientId,
                client_secret: oidc.clientSecret,
                scopes: ["openid", "profile"],
                user_mapping_provider: {
                    config: {
                        localpart_template: "{{ user.preferred_username }}",
                        display_name_template: "{{ user.given_name }} {{ user.family_name }}",
                    },
                },
                backchannel_logout_enabled: true,
            },
        ],
        sso: { client_whitelist: oidc.clientWhitelist },
    };
}

/** Synapse's `database` section: psycopg2 with a small pool, or the SQLite file. */
export function databaseConfig(dataDir: string, postgres?: PostgresConnection): Record<string, unknown> {
    if (!postgres) return { name: "sqlite3", args: { database: path.join(dataDir, "homeserver.db") } };
    const { host, port, database, user, password } = postgres;
    // args go to psycopg2.connect, except cp_min/cp_max (Twisted's connection pool).
    return { name: "psycopg2", args: { host, port, dbname: database, user, password, cp_min: 1, cp_max: 5 } };
}

/**
 * Synapse's default IP range blocklist without loopback (127.0.0.0/8, ::1). Loopback must leave the
 * blocklist itself: an allowlist entry is not enough, because the federation client's guard against
 * IP-literal destinations (BlocklistingAgentWrapper in synapse/http/matrixfederationclient.py) is
 * given the blocklist only, so `127.0.0.1:PORT` server names stay refused ("Blocking access to
 * 127.0.0.1") — the key fetch behind "Failed to find any key to satisfy" included.
 */
const BLOCKLIST_WITHOUT_LOOPBACK = [
    "10.0.0.0/8",
    "172.16.0.0/12",
    "192.168.0.0/16",
    "100.64.0.0/10",
    "192.0.0.0/24",
    "169.254.0.0/16",
    "192.88.99.0/24",
    "198.18.0.0/15",
    "192.0.2.0/24",
    "198.51.100.0/24",
    "203.0.113.0/24",
    "224.0.0.0/4",
    "fe80::/10",
    "fc00::/7",
    "2001:db8::/32",
    "ff00::/8",
    "fec0::/10",
];

/** What a test homeserver needs to federate with another on loopback: test configs only. */
function federationSettings({ tlsPort, certificateFile, privateKeyFile }: FederationListener): Record<string, unknown> {
    return {
        tls_certificate_path: certificateFile,
        tls_private_key_path: privateKeyFile,
        federation_verify_certificates: false,
        ip_range_blacklist: BLOCKLIST_WITHOUT_LOOPBACK,
        ip_range_whitelist: ["127.0.0.0/8"],
        listener: {
            port: tlsPort,
            bind_addresses: ["127.0.0.1"],
            type: "http",
            tls: true,
            x_forwarded: false,
            // The signing keys are their own resource: without "keys" the other server cannot check signatures.
            resources: [{ names: ["federation", "keys"], compress: false }],
        },
    };
}

// High enough that no test or demo step is ever throttled.
const unlimited = { per_second: 10_000, burst_count: 10_000 };

/**
 * The test homeserver: loopback-only HTTP, SQLite (or PostgreSQL), no public registration, no outbound
 * key servers or stats, and every rate limit lifted.
 * Written as JSON, which is valid YAML, so no YAML library is needed.
 */
export function homeserverConfig({
    dataDir,
    port,
    serverName,
    secrets,
    federation,
    oidc,
    postgres,
    publicBaseUrl,
}: SynapseConfigInput): Record<string, unknown> {
    const { listener: federationListener, ...federationRest } = federation
        ? federationSettings(federation)
        : { listener: null };
    return {
        server_name: serverName,
        public_baseurl: publicBaseUrl ?? `http://127.0.0.1:${port}/`,
        listeners: [
            {
                port,
                bind_addresses: ["127.0.0.1"],
                type: "http",
                tls: false,
                x_forwarded: false,
                // `openid`: services (the company directory) check OpenID tokens at /_matrix/federation/v1/openid/userinfo.
                resources: [{ names: ["client", "openid"], compress: false }],
            },
            ...(federationListener ? [federationListener] : []),
        ],
        ...federationRest,
        ...(oidc ? oidcSettings(oidc) : {}),
        database: databaseConfig(dataDir, postgres),
        log_config: path.join(dataDir, "log.config.yaml"),
        media_store_path: path.join(dataDir, "media_store"),
        signing_key_path: path.join(dataDir, `${serverName}.signing.key`), // made by Synapse when missing
        registration_shared_secret: secrets.registrationSharedSecret,
        macaroon_secret_key: secrets.macaroonSecretKey,
        form_secret: secrets.formSecret,
        enable_registration: false,
        report_stats: false,
        suppress_key_server_warning: true,
        trusted_key_servers: [],
        serve_server_wellknown: false,
        user_directory: { enabled: true, search_all_users: true },
        // An embedded Atrium's sign-in window hands its frame a one-time login token (docs/embedding.md).
        login_via_existing_session: { enabled: true, require_ui_auth: true, token_timeout: "2m" },
        rc_message: unlimited,
        rc_registration: unlimited,
        rc_login: { address: unlimited, account: unlimited, failed_attempts: unlimited },
        rc_joins: { local: unlimited, remote: unlimited },
        rc_joins_per_room: unlimited,
        rc_invites: { per_room: unlimited, per_user: unlimited, per_issuer: unlimited },
        rc_room_creation: unlimited,
        rc_3pid_validation: unlimited,
        // Not asked for by name, but a busy browser client hits them too.
        rc_key_requests: unlimited,
        rc_presence: { per_user: unlimited },
        // The company directory falls back to the user directory search (Synapse ≥ 1.145 limits it).
        rc_user_directory: unlimited,
    };
}

/** Python logging config: INFO to a file in the data dir, the verbose SQL logger at WARNING. */
export function logConfig(logFile: string): Record<string, unknown> {
    return {
        version: 1,
        formatters: {
            precise: { format: "%(asctime)s - %(name)s - %(lineno)d - %(levelname)s - %(request)s - %(message)s" },
        },
        handlers: {
            file: {
                class: "logging.handlers.RotatingFileHandler",
                formatter: "precise",
                filename: logFile,
                maxBytes: 20_000_000, // the demo's dir lives on; keep its log bounded
                backupCount: 2,
                encoding: "utf8",
            },
        },
        loggers: { "synapse.storage.SQL": { level: "WARNING" } },
        root: { level: "INFO", handlers: ["file"] },
        disable_existing_loggers: false,
    };
}

/** Serialises a config as YAML (JSON is a YAML subset) with a header comment. */
export function toYaml(config: Record<string, unknown>): string {
    return `# Written by e2e/harness; rewritten on every start.\n${JSON.stringify(config, null, 2)}\n`;
}
