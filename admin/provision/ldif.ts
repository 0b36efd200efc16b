// People as LDIF for OpenLDAP (slapadd or ldapadd): the base entry, an `ou=people` and one
// inetOrgPerson each, with the attributes the directory reads by default (cn, title,
// departmentNumber, l, mail, telephoneNumber, manager as a DN). Shared by the provisioning's export
// and the end-to-end harness's generated company.

export interface LdifPerson {
    uid: string;
    givenName: string;
    surname: string;
    title?: string;
    /** Department path, top first, joined with "/". */
    department?: string;
    location?: string;
    email?: string;
    phone?: string;
    /** The manager's uid, or null at the top. */
    manager?: string | null;
    /** userPassword, for sign-in through Synapse's LDAP provider (slapd's ACL lets only a bind as the person read it). */
    password?: string;
}

export const peopleOu = (baseDn: string): string => `ou=people,${baseDn}`;
export const personDnIn = (baseDn: string, uid: string): string => `uid=${uid},${peopleOu(baseDn)}`;

/** One attribute line, base64 (`attr::`) when the value is not plain printable ASCII. */
export function ldifLine(attribute: string, value: string): string {
    const plain = /^[\x21-\x39\x3b\x3d-\x7e][\x20-\x7e]*$/.test(value) && !value.endsWith(" ");
    return plain ? `${attribute}: ${value}` : `${attribute}:: ${Buffer.from(value, "utf8").toString("base64")}`;
}

export function peopleLdif(baseDn: string, organisationName: string, people: readonly LdifPerson[]): string {
    const dc = /^dc=([^,]+)/.exec(baseDn)?.[1] ?? "company";
    const blocks = [
        [
            "dn: " + baseDn,
            "objectClass: dcObject",
            "objectClass: organization",
            ldifLine("dc", dc),
            ldifLine("o", organisationName),
        ],
        [`dn: ${peopleOu(baseDn)}`, "objectClass: organizationalUnit", "ou: people"],
    ];
    for (const person of people) {
        const lines = [
            `dn: ${personDnIn(baseDn, person.uid)}`,
            "objectClass: inetOrgPerson",
            ldifLine("uid", person.uid),
            ldifLine("cn", `${person.givenName} ${person.surname}`.trim()),
            ldifLine("givenName", person.givenName),
            ldifLine("sn", person.surname),
        ];
        const optional: Array<[string, string | undefined]> = [
            ["title", person.title],
            ["departmentNumber", person.department],
            ["l", person.location],
            ["mail", person.email],
            ["telephoneNumber", person.phone],
        ];
        for (const [attribute, value] of optional) if (value) lines.push(ldifLine(attribute, value));
        if (person.manager) lines.push(ldifLine("manager", personDnIn(baseDn, person.manager)));
        if (person.password) lines.push(ldifLine("userPassword", person.password));
        blocks.push(lines);
    }
    return blocks.map((lines) => lines.join("\n")).join("\n\n") + "\n";
}
