// The LDAP source: everyone under the base DN that matches the people filter, their uid attribute as
// the localpart; those matching the (optional) disabled filter are disabled. With ldapts, the library
// the config service's directory reads LDAP with.
import { readFile } from "node:fs/promises";

import { Client } from "ldapts";

import type { SourceAccount } from "./source.ts";

export interface LdapSettings {
    url: string;
    /** Who the sync binds as (read access to the people); anonymous when absent. */
    bindDn?: string;
    /** A file holding the bind password (kept out of the config and the command line). */
    bindPasswordFile?: string;
    baseDn: string;
    /** Who counts as a person; default `(objectClass=inetOrgPerson)`. */
    filter?: string;
    /** The attribute holding the Matrix localpart; default `uid`. */
    localpartAttribute?: string;
    /**
     * People matching this filter as well are disabled, e.g. `(employeeType=disabled)` in OpenLDAP or
     * `(userAccountControl:1.2.840.113556.1.4.803:=2)` in Active Directory. Without it, only people
     * missing from the source count as gone.
     */
    disabledFilter?: string;
    timeoutMs?: number;
}

const DEFAULT_FILTER = "(objectClass=inetOrgPerson)";

/** `(&(a)(b))`, each part wrapped in parentheses when it came without. */
export function andFilter(...filters: string[]): string {
    const wrapped = filters.map((f) => (f.trim().startsWith("(") ? f.trim() : `(${f.trim()})`));
    return wrapped.length === 1 ? wrapped[0] : `(&${wrapped.join("")})`;
}

function texts(value: unknown): string[] {
    const values = Array.isArray(value) ? value : [value];
    return values.filter((v): v is string => typeof v === "string");
}

export async function readLdapAccounts(settings: LdapSettings): Promise<SourceAccount[]> {
    const timeout = settings.timeoutMs ?? 10_000;
    const client = new Client({ url: settings.url, timeout, connectTimeout: timeout });
    const attribute = settings.localpartAttribute ?? "uid";
    const people = settings.filter ?? DEFAULT_FILTER;
    const localparts = async (filter: string): Promise<Set<string>> => {
        const { searchEntries } = await client.search(settings.baseDn, {
            scope: "sub",
            filter,
            attributes: [attribute],
            paged: { pageSize: 1000 },
        });
        const found = new Set<string>();
        for (const entry of searchEntries) {
            const key = Object.keys(entry).find((name) => name.toLowerCase() === attribute.toLowerCase());
            const [value] = key ? texts(entry[key]) : [];
            if (value) found.add(value.toLowerCase());
        }
        return found;
    };
    try {
        if (settings.bindDn) {
            const password = settings.bindPasswordFile
                ? (await readFile(settings.bindPasswordFile, "utf8")).trim()
                : "";
            await client.bind(settings.bindDn, password);
        }
        const everyone = await localparts(people);
        const disabled = settings.disabledFilter
            ? await localparts(andFilter(people, settings.disabledFilter))
            : new Set<string>();
        return [...everyone].map((localpart) => ({ localpart, enabled: !disabled.has(localpart) }));
    } catch (error) {
        throw new Error(`LDAP source ${settings.url}: ${(error as Error).message}`);
    } finally {
        await client.unbind().catch(() => undefined);
    }
}
