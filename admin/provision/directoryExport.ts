// The company directory's data from the same organisation file: the JSON export the config
// service's file source reads (service/src/directory/fileSource.ts: `{ "people": [...] }`, the
// field names as columns, `manager` holding the manager's id) and an LDIF for slapd.
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";

import { peopleLdif, type LdifPerson } from "./ldif.ts";
import type { OrgDepartment, Organisation, OrgPerson } from "./orgFile.ts";

export interface ExportedPerson {
    id: string;
    name: string;
    title?: string;
    department: string;
    manager?: string;
    location?: string;
    email?: string;
    phone?: string;
}

/** Department id → its path of names, top first ("Engineering/Platform"). */
function departmentPaths(org: Organisation): Map<string, string> {
    const paths = new Map<string, string>();
    const walk = (departments: OrgDepartment[] | undefined, above: string[]): void => {
        for (const department of departments ?? []) {
            const names = [...above, department.name];
            paths.set(department.id, names.join("/"));
            walk(department.departments, names);
        }
    };
    walk(org.departments, []);
    return paths;
}

function emailOf(org: Organisation, person: OrgPerson): string | undefined {
    if (person.email) return person.email;
    return org.organisation.email_domain ? `${person.username}@${org.organisation.email_domain}` : undefined;
}

export function directoryPeople(org: Organisation): ExportedPerson[] {
    const paths = departmentPaths(org);
    return org.people.map((person) => {
        const entry: ExportedPerson = {
            id: person.username,
            name: person.name,
            department: paths.get(person.department) ?? "",
        };
        if (person.title) entry.title = person.title;
        if (person.manager) entry.manager = person.manager;
        if (person.location) entry.location = person.location;
        const email = emailOf(org, person);
        if (email) entry.email = email;
        if (person.phone) entry.phone = person.phone;
        return entry;
    });
}

/** The JSON export: one object per person; the directory's Matrix ID template is `@{id}:<server>`. */
export function directoryExportJson(org: Organisation): string {
    return JSON.stringify({ people: directoryPeople(org) }, null, 2) + "\n";
}

export const DEFAULT_BASE_DN = "dc=example,dc=com";

export function directoryLdif(org: Organisation): string {
    const paths = departmentPaths(org);
    const people: LdifPerson[] = org.people.map((person) => {
        const words = person.name.trim().split(/\s+/);
        return {
            uid: person.username,
            givenName: words.length > 1 ? words.slice(0, -1).join(" ") : words[0],
            surname: words.length > 1 ? words[words.length - 1] : words[0],
            title: person.title,
            department: paths.get(person.department),
            location: person.location,
            email: emailOf(org, person),
            phone: person.phone,
            manager: person.manager ?? null,
        };
    });
    return peopleLdif(org.organisation.ldap_base_dn ?? DEFAULT_BASE_DN, org.organisation.name, people);
}

/** Writes a file whole or not at all (a reader never sees half of it). */
export async function writeAtomically(file: string, text: string): Promise<void> {
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, text);
    await rename(temporary, file);
}
