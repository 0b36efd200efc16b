// The sync's settings file (JSON): who is never touched, the change limit, and each source's settings.
import { readFile } from "node:fs/promises";

import type { LdapSettings } from "./ldapSource.ts";

export interface AccountsConfig {
    /** Full user ids or localparts the sync never locks or deactivates. */
    exclude: string[];
    maxChanges?: number;
    ldap?: LdapSettings;
    /** Checked by the Keycloak source (keycloakSource.ts, keycloakSettings). */
    keycloak?: Record<string, unknown>;
}

export async function loadConfig(file: string | undefined): Promise<AccountsConfig> {
    if (!file) return { exclude: [] };
    let parsed: unknown;
    try {
        parsed = JSON.parse(await readFile(file, "utf8"));
    } catch (error) {
        throw new Error(`config ${file}: ${(error as Error).message}`);
    }
    return checkConfig(parsed, file);
}

export function checkConfig(value: unknown, file = "config"): AccountsConfig {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
        throw new Error(`${file}: expected a JSON object`);
    }
    const config = value as Record<string, unknown>;
    const exclude = config.exclude ?? [];
    if (!Array.isArray(exclude) || exclude.some((entry) => typeof entry !== "string")) {
        throw new Error(`${file}: "exclude" must be a list of user ids or localparts`);
    }
    if (config.maxChanges !== undefined && !(Number.isInteger(config.maxChanges) && Number(config.maxChanges) >= 0)) {
        throw new Error(`${file}: "maxChanges" must be a whole number, 0 or more`);
    }
    const ldap = config.ldap as Record<string, unknown> | undefined;
    if (ldap !== undefined) {
        for (const key of ["url", "baseDn"]) {
            if (typeof ldap[key] !== "string" || !ldap[key]) throw new Error(`${file}: "ldap.${key}" is required`);
        }
        if (!/^ldaps?:\/\//.test(String(ldap.url))) throw new Error(`${file}: "ldap.url" must be ldap:// or ldaps://`);
    }
    return config as unknown as AccountsConfig;
}
