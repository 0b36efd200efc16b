/** @jest-environment node */
// A tenant file's `server.directory` made into the directory's settings, and an entry made into a
// person through them: the defaults for what a file leaves out, the homeserver taken from the
// client config, the attribute mapping and the Matrix ID template.
import path from "node:path";

import type { Tenant } from "../tenantFile.ts";
import { matrixIdFor, toPerson, wantedAttributes, type RawEntry } from "./person.ts";
import {
    DEFAULT_LDAP_TIMEOUT_MS,
    DEFAULT_REFRESH_SECONDS,
    directorySettings,
    FILE_DEFAULT_ATTRIBUTES,
    LDAP_DEFAULT_ATTRIBUTES,
    templateAttributes,
    type DirectorySettings,
} from "./settings.ts";

const TENANTS_DIR = "/srv/tenants";

function tenantWith(directory: unknown, config: Record<string, unknown> = {}): Tenant {
    return {
        name: "acme",
        file: "acme.yaml",
        hosts: [],
        webOrigins: [],
        config,
        server: directory === undefined ? {} : { directory },
        body: "{}",
    };
}

const HOMESERVER = {
    default_server_config: { "m.homeserver": { base_url: "https://matrix.acme.test/", server_name: "acme.test" } },
};

describe("directorySettings", () => {
    it("is null for a tenant without a directory", () => {
        expect(directorySettings(tenantWith(undefined), TENANTS_DIR)).toBeNull();
        expect(directorySettings({ ...tenantWith(undefined), server: undefined }, TENANTS_DIR)).toBeNull();
    });

    it("fills an LDAP source's defaults and takes the homeserver from the client config", () => {
        const settings = directorySettings(
            tenantWith(
                {
                    source: { type: "ldap", url: "ldaps://ldap.acme.test", base_dn: "ou=people,dc=acme,dc=test" },
                    matrix_id_template: "@{uid}:acme.test",
                },
                HOMESERVER,
            ),
            TENANTS_DIR,
        );
        expect(settings).toEqual({
            source: {
                type: "ldap",
                url: "ldaps://ldap.acme.test",
                bindDn: null,
                bindPassword: null,
                baseDn: "ou=people,dc=acme,dc=test",
                filter: "(objectClass=inetOrgPerson)",
                timeoutMs: 10_000,
            },
            matrixIdTemplate: "@{uid}:acme.test",
            attributes: LDAP_DEFAULT_ATTRIBUTES,
            departmentSeparator: "/",
            timeZones: {},
            refreshSeconds: 900,
            homeserverUrl: "https://matrix.acme.test",
            allowedServers: ["acme.test"],
        });
        expect([DEFAULT_LDAP_TIMEOUT_MS, DEFAULT_REFRESH_SECONDS]).toEqual([10_000, 900]);
        expect(LDAP_DEFAULT_ATTRIBUTES).toEqual({
            id: "dn",
            name: "cn",
            title: "title",
            department: "departmentNumber",
            manager: "manager",
            location: "l",
            email: "mail",
            phone: "telephoneNumber",
        });
    });

    it("takes everything an LDAP source sets, over the defaults", () => {
        const settings = directorySettings(
            tenantWith(
                {
                    source: {
                        type: "ldap",
                        url: "ldap://127.0.0.1:389",
                        bind_dn: "cn=reader",
                        bind_password: "secret",
                        base_dn: "dc=acme",
                        filter: "(uid=*)",
                        timeout_ms: 2000,
                    },
                    matrix_id_template: "@{uid}:acme.test",
                    attributes: { name: "displayName", photo: "labeledURI" },
                    department_separator: " > ",
                    time_zones: { Berlin: "Europe/Berlin" },
                    refresh_seconds: 60,
                    homeserver_url: "https://hs.acme.test/",
                    allowed_servers: ["acme.test", "partner.test"],
                },
                HOMESERVER,
            ),
            TENANTS_DIR,
        );
        expect(settings).toEqual({
            source: {
                type: "ldap",
                url: "ldap://127.0.0.1:389",
                bindDn: "cn=reader",
                bindPassword: "secret",
                baseDn: "dc=acme",
                filter: "(uid=*)",
                timeoutMs: 2000,
            },
            matrixIdTemplate: "@{uid}:acme.test",
            attributes: { ...LDAP_DEFAULT_ATTRIBUTES, name: "displayName", photo: "labeledURI" },
            departmentSeparator: " > ",
            timeZones: { Berlin: "Europe/Berlin" },
            refreshSeconds: 60,
            homeserverUrl: "https://hs.acme.test",
            allowedServers: ["acme.test", "partner.test"],
        });
    });

    it("resolves an export file against the tenants directory and maps columns by field name", () => {
        const settings = directorySettings(
            tenantWith({ source: { type: "file", path: "hr/people.csv" }, matrix_id_template: "@{login}:x.test" }),
            TENANTS_DIR,
        );
        expect(settings?.source).toEqual({ type: "file", path: path.resolve(TENANTS_DIR, "hr/people.csv") });
        expect(settings?.attributes).toEqual({
            id: "id",
            name: "name",
            title: "title",
            department: "department",
            manager: "manager",
            location: "location",
            email: "email",
            phone: "phone",
            photo: "photo_url",
            time_zone: "time_zone",
        });
        expect(settings?.attributes).toEqual(FILE_DEFAULT_ATTRIBUTES);
        // No homeserver in the client config: no OpenID check possible, no server allowed.
        expect(settings).toMatchObject({ homeserverUrl: null, allowedServers: [] });
    });

    it("takes the allowed server from default_server_name when the homeserver block has none", () => {
        const file = { source: { type: "file", path: "p.json" }, matrix_id_template: "@{login}:x.test" };
        expect(directorySettings(tenantWith(file, { default_server_name: "named.test" }), TENANTS_DIR)).toMatchObject({
            homeserverUrl: null,
            allowedServers: ["named.test"],
        });
        const numbers = {
            default_server_name: 3,
            default_server_config: { "m.homeserver": { base_url: 1, server_name: 2 } },
        };
        expect(directorySettings(tenantWith(file, numbers), TENANTS_DIR)).toMatchObject({
            homeserverUrl: null,
            allowedServers: [],
        });
        const both = {
            default_server_name: "named.test",
            default_server_config: { "m.homeserver": { base_url: "http://hs.test", server_name: "block.test" } },
        };
        expect(directorySettings(tenantWith(file, both), TENANTS_DIR)).toMatchObject({
            homeserverUrl: "http://hs.test",
            allowedServers: ["block.test"],
        });
    });
});

describe("templateAttributes", () => {
    it("lists each {attribute} a template reads", () => {
        expect(templateAttributes("@{uid}.{ou;x}-{a_b.c}:acme.test")).toEqual(["uid", "ou;x", "a_b.c"]);
        expect(templateAttributes("@fixed:acme.test")).toEqual([]);
        expect(templateAttributes("@{not valid}:x")).toEqual([]);
    });
});

const entry = (values: Record<string, string>): RawEntry => new Map(Object.entries(values));

describe("matrixIdFor", () => {
    it("fills the template from the entry, trimmed and lower-cased, attributes case-insensitive", () => {
        expect(matrixIdFor("@{UID}.{ou}:acme.test", entry({ uid: " Erin ", ou: "Eng" }))).toBe("@erin.eng:acme.test");
        expect(matrixIdFor("@{uid}:acme.test:8448", entry({ uid: "erin" }))).toBe("@erin:acme.test:8448");
    });

    it("is null when a value is missing or empty, or the result is no Matrix ID", () => {
        expect(matrixIdFor("@{uid}:acme.test", entry({}))).toBeNull();
        expect(matrixIdFor("@{uid}{ou}:acme.test", entry({ uid: "erin", ou: "" }))).toBeNull();
        expect(matrixIdFor("@{uid}:acme.test", entry({ uid: "erin weber" }))).toBeNull();
        expect(matrixIdFor("@{uid}:acme.test", entry({ uid: "erin:x" }))).toBeNull();
        expect(matrixIdFor("x@{uid}:acme.test", entry({ uid: "erin" }))).toBeNull();
        expect(matrixIdFor("@{uid}:acme.test:123456", entry({ uid: "erin" }))).toBeNull();
        expect(matrixIdFor("@{uid}:acme.test/x", entry({ uid: "erin" }))).toBeNull();
        expect(matrixIdFor("@{uid}:acme.test", entry({ uid: "e.r_i=n-/+9" }))).toBe("@e.r_i=n-/+9:acme.test");
    });
});

const FILE_SETTINGS: DirectorySettings = {
    source: { type: "file", path: "/p.csv" },
    matrixIdTemplate: "@{login}:acme.test",
    attributes: { ...FILE_DEFAULT_ATTRIBUTES },
    departmentSeparator: "/",
    timeZones: { Berlin: "Europe/Berlin" },
    refreshSeconds: 900,
    homeserverUrl: null,
    allowedServers: [],
};

describe("toPerson", () => {
    it("maps every field, splitting the department path and trimming values", () => {
        const person = toPerson(
            entry({
                id: " 7 ",
                name: " Erin Weber ",
                login: "erin",
                title: "Engineer",
                department: " Engineering / / Platform ",
                location: "London",
                email: "erin@acme.test",
                phone: "+44 1",
                manager: "3",
                time_zone: "Europe/London",
                photo_url: "HTTPS://cdn.acme.test/erin.jpg",
            }),
            FILE_SETTINGS,
        );
        expect(person).toEqual({
            id: "7",
            matrix_id: "@erin:acme.test",
            name: "Erin Weber",
            title: "Engineer",
            department: ["Engineering", "Platform"],
            location: "London",
            email: "erin@acme.test",
            phone: "+44 1",
            manager_id: "3",
            time_zone: "Europe/London",
            photo_url: "HTTPS://cdn.acme.test/erin.jpg",
        });
    });

    it("leaves out what is empty or unmapped, and takes the time zone from the location", () => {
        const sparse = { ...FILE_SETTINGS, attributes: { id: "id", name: "name", location: "location" } };
        expect(toPerson(entry({ id: "1", name: "Ada", title: "CEO", location: "Berlin" }), sparse)).toEqual({
            id: "1",
            matrix_id: null,
            name: "Ada",
            title: null,
            department: [],
            location: "Berlin",
            email: null,
            phone: null,
            manager_id: null,
            time_zone: "Europe/Berlin",
            photo_url: null,
        });
        const elsewhere = toPerson(entry({ id: "1", name: "Ada", location: "Paris", email: "  " }), FILE_SETTINGS);
        expect(elsewhere).toMatchObject({ time_zone: null, email: null, location: "Paris" });
        expect(toPerson(entry({ id: "1", name: "Ada" }), FILE_SETTINGS)?.time_zone).toBeNull();
        expect(toPerson(entry({ id: "1", name: "Ada", department: " / " }), FILE_SETTINGS)?.department).toEqual([]);
    });

    it("serves only http(s) photo URLs", () => {
        const photo = (url: string) => toPerson(entry({ id: "1", name: "Ada", photo_url: url }), FILE_SETTINGS);
        expect(photo("http://cdn.test/a.jpg")?.photo_url).toBe("http://cdn.test/a.jpg");
        expect(photo("javascript:alert(1)")?.photo_url).toBeNull();
        expect(photo("data:image/png;base64,AAAA")?.photo_url).toBeNull();
        expect(photo("see https://cdn.test/a.jpg")?.photo_url).toBeNull();
    });

    it("is null without an id or a name", () => {
        expect(toPerson(entry({ name: "Ada" }), FILE_SETTINGS)).toBeNull();
        expect(toPerson(entry({ id: "1", name: " " }), FILE_SETTINGS)).toBeNull();
        expect(toPerson(entry({ id: "1", name: "Ada" }), { ...FILE_SETTINGS, attributes: { id: "id" } })).toBeNull();
    });
});

describe("wantedAttributes", () => {
    it("asks for the mapped attributes and the template's, once each, never the DN", () => {
        const ldap = { ...FILE_SETTINGS, attributes: LDAP_DEFAULT_ATTRIBUTES, matrixIdTemplate: "@{uid}.{l}:x" };
        expect(wantedAttributes(ldap)).toEqual([
            "cn",
            "title",
            "departmentNumber",
            "manager",
            "l",
            "mail",
            "telephoneNumber",
            "uid",
        ]);
        expect(wantedAttributes({ ...ldap, attributes: { id: "dn", name: "" } })).toEqual(["uid", "l"]);
    });
});
