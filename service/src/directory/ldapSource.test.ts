/** @jest-environment node */
// How an LDAP search becomes raw entries, with a stand-in for the LDAP client (directory.test.ts reads a
// real slapd): the bind, the search asked for, the values kept and the DNs compared as text.
import { Client } from "ldapts";

import { normalizeDn, readLdap } from "./ldapSource.ts";
import { LDAP_DEFAULT_ATTRIBUTES, type DirectorySettings, type LdapSourceSettings } from "./settings.ts";

jest.mock("ldapts", () => ({ Client: jest.fn() }));

interface FakeClient {
    bind: jest.Mock;
    search: jest.Mock;
    unbind: jest.Mock;
}

let client: FakeClient;
const ClientMock = Client as unknown as jest.Mock;

beforeEach(() => {
    client = {
        bind: jest.fn().mockResolvedValue(undefined),
        search: jest.fn().mockResolvedValue({ searchEntries: [], searchReferences: [] }),
        unbind: jest.fn().mockResolvedValue(undefined),
    };
    ClientMock.mockReset().mockImplementation(() => client);
});

const SOURCE: LdapSourceSettings = {
    type: "ldap",
    url: "ldap://ldap.acme.test:389",
    bindDn: "cn=reader,dc=acme,dc=test",
    bindPassword: "s3cret",
    baseDn: "ou=people,dc=acme,dc=test",
    filter: "(objectClass=inetOrgPerson)",
    timeoutMs: 2_500,
};

const SETTINGS: DirectorySettings = {
    source: SOURCE,
    matrixIdTemplate: "@{uid}:acme.test",
    attributes: LDAP_DEFAULT_ATTRIBUTES,
    departmentSeparator: "/",
    timeZones: {},
    refreshSeconds: 900,
    homeserverUrl: null,
    allowedServers: [],
};

describe("normalizeDn", () => {
    it("lowers the case and drops spaces around separators and at the ends", () => {
        expect(normalizeDn("  CN = Erin Walsh , OU=People + UID = erin,DC=Acme  ")).toBe(
            "cn=erin walsh,ou=people+uid=erin,dc=acme",
        );
        // Spaces on one side only, or several.
        expect(normalizeDn("uid=erin ,ou=people,  dc=acme")).toBe("uid=erin,ou=people,dc=acme");
    });
});

describe("readLdap", () => {
    it("binds as the configured account and searches the subtree for the wanted attributes, paged", async () => {
        await readLdap(SOURCE, SETTINGS);
        expect(ClientMock).toHaveBeenCalledWith({ url: SOURCE.url, timeout: 2_500, connectTimeout: 2_500 });
        expect(client.bind).toHaveBeenCalledWith("cn=reader,dc=acme,dc=test", "s3cret");
        expect(client.search).toHaveBeenCalledWith("ou=people,dc=acme,dc=test", {
            scope: "sub",
            filter: "(objectClass=inetOrgPerson)",
            attributes: ["cn", "title", "departmentNumber", "manager", "l", "mail", "telephoneNumber", "uid"],
            paged: { pageSize: 1000 },
        });
        expect(client.unbind).toHaveBeenCalledTimes(1);
    });

    it("binds with an empty password when none is set, and not at all without an account", async () => {
        await readLdap({ ...SOURCE, bindPassword: null }, SETTINGS);
        expect(client.bind).toHaveBeenCalledWith(SOURCE.bindDn, "");
        client.bind.mockClear();
        await readLdap({ ...SOURCE, bindDn: null }, SETTINGS);
        expect(client.bind).not.toHaveBeenCalled();
        expect(client.search).toHaveBeenCalledTimes(2);
    });

    it("keeps the first text of each attribute under its lower-case name, and skips binary values", async () => {
        client.search.mockResolvedValue({
            searchEntries: [
                {
                    dn: "UID=Erin, OU=People,DC=acme",
                    cn: ["Erin Walsh", "E. Walsh"],
                    mail: "erin@acme.test",
                    telephoneNumber: [],
                    jpegPhoto: Buffer.from([0xff, 0xd8]),
                    userCertificate: [Buffer.from([1])],
                    Manager: "UID=Boris , OU=People,DC=acme",
                    seeAlso: "UID=Boris , OU=People,DC=acme",
                },
            ],
        });
        const [entry] = await readLdap(SOURCE, SETTINGS);
        expect([...entry.keys()].sort()).toEqual(["cn", "dn", "mail", "manager", "seealso"]);
        expect(Object.fromEntries(entry)).toEqual({
            dn: "uid=erin,ou=people,dc=acme",
            cn: "Erin Walsh",
            mail: "erin@acme.test",
            // The manager attribute is a DN, compared with other DNs: normalised like them; other values stay as read.
            manager: "uid=boris,ou=people,dc=acme",
            seealso: "UID=Boris , OU=People,DC=acme",
        });
    });

    it("normalises the mapped manager attribute, whatever case the mapping spells it in", async () => {
        client.search.mockResolvedValue({
            searchEntries: [{ dn: "uid=erin", reportsTo: "UID=Boris, DC=Acme" }],
        });
        const settings = { ...SETTINGS, attributes: { ...LDAP_DEFAULT_ATTRIBUTES, manager: "reportsTo" } };
        const [entry] = await readLdap(SOURCE, settings);
        expect(entry.get("reportsto")).toBe("uid=boris,dc=acme");
        const unmapped = { ...SETTINGS, attributes: { ...LDAP_DEFAULT_ATTRIBUTES, manager: undefined } };
        client.search.mockResolvedValue({ searchEntries: [{ dn: "uid=erin", manager: "UID=Boris" }] });
        expect((await readLdap(SOURCE, unmapped))[0].get("manager")).toBe("UID=Boris");
    });

    it("unbinds when the search fails, and a failing unbind does not hide the search's error", async () => {
        client.search.mockRejectedValue(new Error("size limit exceeded"));
        client.unbind.mockRejectedValue(new Error("connection closed"));
        await expect(readLdap(SOURCE, SETTINGS)).rejects.toThrow("size limit exceeded");
        expect(client.unbind).toHaveBeenCalledTimes(1);
    });

    it("gives the entries even when the unbind afterwards fails", async () => {
        client.search.mockResolvedValue({ searchEntries: [{ dn: "uid=a" }, { dn: "uid=b" }] });
        client.unbind.mockRejectedValue(new Error("connection closed"));
        const entries = await readLdap(SOURCE, SETTINGS);
        expect(entries.map((entry) => entry.get("dn"))).toEqual(["uid=a", "uid=b"]);
    });
});
