// The directory's settings, from a tenant file's server-only `server.directory` (validated by the
// tenant-file schema when the file is loaded) plus the defaults for what it leaves out.
import path from "node:path";

import type { Tenant } from "../tenantFile.ts";

export const PERSON_FIELDS = [
    "id",
    "name",
    "title",
    "department",
    "manager",
    "location",
    "email",
    "phone",
    "photo",
    "time_zone",
] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];

export interface LdapSourceSettings {
    type: "ldap";
    url: string;
    bindDn: string | null;
    bindPassword: string | null;
    baseDn: string;
    filter: string;
    timeoutMs: number;
}

export interface FileSourceSettings {
    type: "file";
    /** Absolute path of the JSON or CSV export. */
    path: string;
}

export interface DirectorySettings {
    source: LdapSourceSettings | FileSourceSettings;
    matrixIdTemplate: string;
    /** Field → attribute (LDAP) or column (file); a field mapped to nothing is absent. */
    attributes: Partial<Record<PersonField, string>>;
    departmentSeparator: string;
    timeZones: Record<string, string>;
    refreshSeconds: number;
    /** Where OpenID tokens are checked. */
    homeserverUrl: string | null;
    /** Server names whose users may use the directory. */
    allowedServers: string[];
}

/** inetOrgPerson names; `id` is the entry's DN. `photo` must hold a URL (binary jpegPhoto is not served). */
export const LDAP_DEFAULT_ATTRIBUTES: Partial<Record<PersonField, string>> = {
    id: "dn",
    name: "cn",
    title: "title",
    department: "departmentNumber",
    manager: "manager",
    location: "l",
    email: "mail",
    phone: "telephoneNumber",
};

/** Export files use the field names as columns; `manager` holds the manager's `id`. */
export const FILE_DEFAULT_ATTRIBUTES: Partial<Record<PersonField, string>> = Object.fromEntries(
    PERSON_FIELDS.map((field) => [field, field === "photo" ? "photo_url" : field]),
);

export const DEFAULT_REFRESH_SECONDS = 900;
export const DEFAULT_LDAP_TIMEOUT_MS = 10_000;

interface RawDirectory {
    source:
        | {
              type: "ldap";
              url: string;
              bind_dn?: string;
              bind_password?: string;
              base_dn: string;
              filter?: string;
              timeout_ms?: number;
          }
        | { type: "file"; path: string };
    matrix_id_template: string;
    attributes?: Partial<Record<PersonField, string>>;
    department_separator?: string;
    time_zones?: Record<string, string>;
    refresh_seconds?: number;
    homeserver_url?: string;
    allowed_servers?: string[];
}

function homeserverOf(config: Record<string, unknown>): { baseUrl: string | null; serverName: string | null } {
    const server = (config.default_server_config as Record<string, Record<string, unknown>> | undefined)?.[
        "m.homeserver"
    ];
    const baseUrl = typeof server?.base_url === "string" ? server.base_url : null;
    const serverName =
        typeof server?.server_name === "string"
            ? server.server_name
            : typeof config.default_server_name === "string"
              ? config.default_server_name
              : null;
    return { baseUrl, serverName };
}

/** The tenant's directory settings, or null when its file configures no directory. */
export function directorySettings(tenant: Tenant, tenantsDir: string): DirectorySettings | null {
    const raw = tenant.server?.directory as RawDirectory | undefined;
    if (!raw) return null;
    const { baseUrl, serverName } = homeserverOf(tenant.config as Record<string, unknown>);
    const source: DirectorySettings["source"] =
        raw.source.type === "ldap"
            ? {
                  type: "ldap",
                  url: raw.source.url,
                  bindDn: raw.source.bind_dn ?? null,
                  bindPassword: raw.source.bind_password ?? null,
                  baseDn: raw.source.base_dn,
                  filter: raw.source.filter ?? "(objectClass=inetOrgPerson)",
                  timeoutMs: raw.source.timeout_ms ?? DEFAULT_LDAP_TIMEOUT_MS,
              }
            : { type: "file", path: path.resolve(tenantsDir, raw.source.path) };
    const defaults = source.type === "ldap" ? LDAP_DEFAULT_ATTRIBUTES : FILE_DEFAULT_ATTRIBUTES;
    return {
        source,
        matrixIdTemplate: raw.matrix_id_template,
        attributes: { ...defaults, ...raw.attributes },
        departmentSeparator: raw.department_separator ?? "/",
        timeZones: raw.time_zones ?? {},
        refreshSeconds: raw.refresh_seconds ?? DEFAULT_REFRESH_SECONDS,
        homeserverUrl: (raw.homeserver_url ?? baseUrl)?.replace(/\/$/, "") ?? null,
        allowedServers: raw.allowed_servers ?? (serverName ? [serverName] : []),
    };
}

/** The attribute names a template such as "@{uid}:example.com" reads. */
export function templateAttributes(template: string): string[] {
    return [...template.matchAll(/\{([A-Za-z0-9_;.-]+)\}/g)].map((match) => match[1]);
}
