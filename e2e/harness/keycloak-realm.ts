// The test realm the harness imports into Keycloak: people with fixed ids (a fresh Keycloak would
// otherwise give each a new `sub`, and Synapse would make @ada1 on the next run), two groups, and a
// confidential OIDC client for Synapse with its callback and back-channel logout addresses.

export interface KeycloakPerson {
    /** Fixed, so the `sub` claim Synapse maps to a Matrix user is the same on every run. */
    id: string;
    username: string;
    password: string;
    firstName: string;
    lastName: string;
    email: string;
    groups: string[];
    enabled?: boolean;
}

export interface SynapseClient {
    clientId: string;
    secret: string;
    /** Synapse's public base URL, e.g. http://127.0.0.1:18208 (no trailing slash needed). */
    synapseUrl: string;
}

export interface TestRealmInput {
    realm: string;
    people: readonly KeycloakPerson[];
    synapse: SynapseClient;
}

/** The company's people in the test realm. Ids are fixed UUIDs, see above. */
export const TEST_PEOPLE: readonly KeycloakPerson[] = [
    {
        id: "5d0c1a52-7d3e-4a51-9a0e-000000000001",
        username: "ada",
        password: "ada-keycloak-pass",
        firstName: "Ada",
        lastName: "Lovelace",
        email: "ada@example.org",
        groups: ["Staff", "Engineering"],
    },
    {
        id: "5d0c1a52-7d3e-4a51-9a0e-000000000002",
        username: "boris",
        password: "boris-keycloak-pass",
        firstName: "Boris",
        lastName: "Becker",
        email: "boris@example.org",
        groups: ["Staff"],
    },
    {
        // A username that is no Matrix localpart: the accounts sync must report it, not use it.
        id: "5d0c1a52-7d3e-4a51-9a0e-000000000003",
        username: "jose.garcía",
        password: "jose-keycloak-pass",
        firstName: "José",
        lastName: "García",
        email: "jose@example.org",
        groups: ["Staff"],
    },
];

const stripSlash = (url: string): string => url.replace(/\/+$/, "");

/** A realm representation for Keycloak's import (`data/import/<realm>.json`). */
export function testRealm({ realm, people, synapse }: TestRealmInput): Record<string, unknown> {
    const synapseUrl = stripSlash(synapse.synapseUrl);
    const groupNames = [...new Set(people.flatMap((p) => p.groups))];
    return {
        realm,
        enabled: true,
        // Plain http on loopback, test realms only.
        sslRequired: "none",
        registrationAllowed: false,
        loginWithEmailAllowed: true,
        groups: groupNames.map((name) => ({ name, path: `/${name}` })),
        users: people.map((person) => ({
            id: person.id,
            username: person.username,
            enabled: person.enabled ?? true,
            firstName: person.firstName,
            lastName: person.lastName,
            email: person.email,
            emailVerified: true,
            requiredActions: [],
            credentials: [{ type: "password", value: person.password, temporary: false }],
            groups: person.groups.map((g) => `/${g}`),
        })),
        clients: [
            {
                clientId: synapse.clientId,
                name: "Matrix homeserver",
                enabled: true,
                protocol: "openid-connect",
                publicClient: false,
                clientAuthenticatorType: "client-secret",
                secret: synapse.secret,
                standardFlowEnabled: true,
                directAccessGrantsEnabled: false,
                implicitFlowEnabled: false,
                serviceAccountsEnabled: false,
                redirectUris: [`${synapseUrl}/_synapse/client/oidc/callback`],
                webOrigins: [],
                frontchannelLogout: false,
                attributes: {
                    "backchannel.logout.url": `${synapseUrl}/_synapse/client/oidc/backchannel_logout`,
                    // Synapse ends the sessions of the login whose `sid` the logout token names.
                    "backchannel.logout.session.required": "true",
                    "backchannel.logout.revoke.offline.tokens": "false",
                },
            },
        ],
    };
}
