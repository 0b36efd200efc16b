// The Keycloak source of the accounts sync: the realm's people, read through Keycloak's admin REST
// API, as Matrix localparts with whether Keycloak still lets them in. A username that cannot be a
// Matrix localpart is reported and left out, never guessed at.

import { readFileSync } from "node:fs";

import type { SourceAccount } from "./source.ts";

/** Where Keycloak is and the admin account of its master realm (KC_BOOTSTRAP_ADMIN_* or a real admin). */
export interface KeycloakAdmin {
    /** e.g. https://id.example.org (no /admin, no /realms). */
    baseUrl: string;
    adminUser: string;
    adminPassword: string;
}

export interface KeycloakSourceOptions extends KeycloakAdmin {
    /** The realm whose users are the company's people. */
    realm: string;
    /** Users asked for per request (Keycloak pages its user list). */
    pageSize?: number;
    /** For tests; the global fetch otherwise. */
    fetch?: typeof fetch;
}

export interface RejectedAccount {
    /** The username as Keycloak holds it. */
    username: string;
    reason: string;
}

export interface KeycloakAccounts {
    accounts: SourceAccount[];
    /** Users that cannot map to a Matrix account: reported, not synced. */
    rejected: RejectedAccount[];
}

/** The fields of Keycloak's UserRepresentation this source reads. */
interface KeycloakUser {
    username?: unknown;
    enabled?: unknown;
    serviceAccountClientLink?: unknown;
}

// Matrix user id grammar (spec, "User Identifiers"): a-z, 0-9, ".", "_", "=", "-", "/" and "+".
const LOCALPART = /^[a-z0-9._=\-/+]+$/;
// A whole user id is at most 255 bytes; "@", ":" and a short server name leave about this much.
const MAX_LOCALPART_LENGTH = 200;

const trimSlash = (url: string): string => url.replace(/\/+$/, "");

/** The Matrix localpart of a Keycloak username (Synapse maps preferred_username, lower-cased), or why not. */
export function localpartFromUsername(username: string): { localpart: string } | { reason: string } {
    const localpart = username.trim().toLowerCase();
    if (!localpart) return { reason: "empty username" };
    if (localpart.length > MAX_LOCALPART_LENGTH) return { reason: `longer than ${MAX_LOCALPART_LENGTH} characters` };
    if (!LOCALPART.test(localpart)) {
        const bad = [...new Set([...localpart].filter((c) => !LOCALPART.test(c)))]
            .map((c) => (/\s/.test(c) ? "space" : c))
            .join(" ");
        return { reason: `not a Matrix localpart (characters not allowed: ${bad})` };
    }
    return { localpart };
}

/** An access token for Keycloak's admin API, from the master realm's admin-cli client. */
export async function keycloakAdminToken(admin: KeycloakAdmin, fetchImpl: typeof fetch = fetch): Promise<string> {
    const url = `${trimSlash(admin.baseUrl)}/realms/master/protocol/openid-connect/token`;
    const response = await fetchImpl(url, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
            grant_type: "password",
            client_id: "admin-cli",
            username: admin.adminUser,
            password: admin.adminPassword,
        }).toString(),
    });
    if (!response.ok) {
        throw new Error(
            `Keycloak refused the admin sign-in at ${url}: HTTP ${response.status} ${await response.text()}`,
        );
    }
    const body = (await response.json()) as { access_token?: unknown };
    if (typeof body.access_token !== "string") throw new Error(`Keycloak's token answer at ${url} has no access_token`);
    return body.access_token;
}

/** Every person of the realm as a Matrix localpart with whether Keycloak lets them sign in. */
export async function listKeycloakAccounts(options: KeycloakSourceOptions): Promise<KeycloakAccounts> {
    const fetchImpl = options.fetch ?? fetch;
    const pageSize = options.pageSize ?? 100;
    const token = await keycloakAdminToken(options, fetchImpl);
    const usersUrl = `${trimSlash(options.baseUrl)}/admin/realms/${encodeURIComponent(options.realm)}/users`;
    const result: KeycloakAccounts = { accounts: [], rejected: [] };
    const seen = new Map<string, string>();
    for (let first = 0; ; first += pageSize) {
        const response = await fetchImpl(`${usersUrl}?first=${first}&max=${pageSize}`, {
            headers: { Authorization: `Bearer ${token}`, Accept: "application/json" },
        });
        if (!response.ok) {
            throw new Error(
                `Keycloak's user list at ${usersUrl} answered HTTP ${response.status} ${await response.text()}`,
            );
        }
        const page = (await response.json()) as KeycloakUser[];
        if (!Array.isArray(page)) throw new Error(`Keycloak's user list at ${usersUrl} is not a list`);
        for (const user of page) addUser(user, result, seen);
        if (page.length < pageSize) return result;
    }
}

function addUser(user: KeycloakUser, result: KeycloakAccounts, seen: Map<string, string>): void {
    // A client's service account is no person and never signs in to Matrix.
    if (typeof user.serviceAccountClientLink === "string") return;
    const username = typeof user.username === "string" ? user.username : "";
    const mapped = localpartFromUsername(username);
    if ("reason" in mapped) {
        result.rejected.push({ username, reason: mapped.reason });
        return;
    }
    const earlier = seen.get(mapped.localpart);
    if (earlier !== undefined) {
        result.rejected.push({ username, reason: `same Matrix localpart as "${earlier}"` });
        return;
    }
    seen.set(mapped.localpart, username);
    // Anything but an explicit true counts as disabled: a sync must not keep someone in by accident.
    result.accounts.push({ localpart: mapped.localpart, enabled: user.enabled === true });
}

/**
 * The sync's reader: `settings` is the "keycloak" section of its config file
 * (`{ baseUrl, realm, adminUser, adminPasswordFile }`); rejected usernames are reported on stderr.
 */
export async function readKeycloakAccounts(settings: unknown): Promise<SourceAccount[]> {
    const options = keycloakSettings(settings);
    const { accounts, rejected } = await listKeycloakAccounts(options);
    for (const entry of rejected) console.error(`keycloak: left out "${entry.username}": ${entry.reason}`);
    return accounts;
}

/** Checks the config section; the admin password comes from a file, never from the config itself. */
export function keycloakSettings(settings: unknown): KeycloakSourceOptions {
    if (typeof settings !== "object" || settings === null || Array.isArray(settings)) {
        throw new Error('--source keycloak needs a "keycloak" section in --config');
    }
    const section = settings as Record<string, unknown>;
    for (const key of ["baseUrl", "realm", "adminUser", "adminPasswordFile"]) {
        if (typeof section[key] !== "string" || !section[key]) throw new Error(`"keycloak.${key}" is required`);
    }
    const baseUrl = new URL(String(section.baseUrl));
    if (baseUrl.protocol !== "https:" && baseUrl.protocol !== "http:") {
        throw new Error('"keycloak.baseUrl" must be an http or https URL');
    }
    const adminPassword = readFileSync(String(section.adminPasswordFile), "utf8").trim();
    if (!adminPassword) throw new Error(`"keycloak.adminPasswordFile" (${String(section.adminPasswordFile)}) is empty`);
    return {
        baseUrl: baseUrl.origin + baseUrl.pathname.replace(/\/+$/, ""),
        realm: String(section.realm),
        adminUser: String(section.adminUser),
        adminPassword,
    };
}
