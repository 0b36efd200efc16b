// What every source of people (LDAP, Keycloak) gives the sync: who exists there and who may sign in.

/** One person at the source, by the localpart their Matrix account has. */
export interface SourceAccount {
    localpart: string;
    /** False when the source keeps the person but has switched them off (left, suspended). */
    enabled: boolean;
}

/** Reads the whole source; throws with a clear message when it cannot. */
export type ReadSource = () => Promise<SourceAccount[]>;
