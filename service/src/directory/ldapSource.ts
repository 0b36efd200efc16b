// Reads people from LDAP or Active Directory: one paged subtree search as the configured (read-only)
// account. Values come back as text; binary attributes are skipped.
import { Client } from "ldapts";

import type { RawEntry } from "./person.ts";
import type { DirectorySettings, LdapSourceSettings } from "./settings.ts";
import { wantedAttributes } from "./person.ts";

/** DNs compared as text: lower case, no spaces around separators (AD and OpenLDAP differ here). */
export function normalizeDn(dn: string): string {
    return dn
        .trim()
        .toLowerCase()
        .replace(/\s*([,=+])\s*/g, "$1");
}

function firstText(value: unknown): string | undefined {
    const first = Array.isArray(value) ? value[0] : value;
    return typeof first === "string" ? first : undefined;
}

export async function readLdap(source: LdapSourceSettings, settings: DirectorySettings): Promise<RawEntry[]> {
    const client = new Client({ url: source.url, timeout: source.timeoutMs, connectTimeout: source.timeoutMs });
    const managerAttribute = settings.attributes.manager?.toLowerCase();
    try {
        if (source.bindDn) await client.bind(source.bindDn, source.bindPassword ?? "");
        const { searchEntries } = await client.search(source.baseDn, {
            scope: "sub",
            filter: source.filter,
            attributes: wantedAttributes(settings),
            paged: { pageSize: 1000 },
        });
        return searchEntries.map((found) => {
            const entry: RawEntry = new Map([["dn", normalizeDn(found.dn)]]);
            for (const [attribute, value] of Object.entries(found)) {
                if (attribute === "dn") continue;
                const text = firstText(value);
                if (text === undefined) continue;
                const key = attribute.toLowerCase();
                entry.set(key, key === managerAttribute ? normalizeDn(text) : text);
            }
            return entry;
        });
    } finally {
        await client.unbind().catch(() => undefined);
    }
}
