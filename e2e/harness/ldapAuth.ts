// Synapse's LDAP password provider (matrix-synapse-ldap3) for a test homeserver, against the harness's
// slapd: the people's uid is the localpart, their userPassword the Matrix password.
import type { SlapdHandle } from "./slapd.ts";

/** The `modules` entry for Synapse's config, in search mode as the directory's read-only account. */
export function ldapAuthModule(slapd: Pick<SlapdHandle, "url" | "baseDn" | "readerDn" | "readerPassword">) {
    return {
        module: "ldap_auth_provider.LdapAuthProviderModule",
        config: {
            enabled: true,
            uri: slapd.url,
            start_tls: false,
            base: `ou=people,${slapd.baseDn}`,
            attributes: { uid: "uid", mail: "mail", name: "cn" },
            // Finds the person's entry as the reader, then binds as that entry with the typed password.
            bind_dn: slapd.readerDn,
            bind_password: slapd.readerPassword,
            filter: "(objectClass=inetOrgPerson)",
        },
    };
}
