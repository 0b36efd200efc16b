/** @jest-environment node */
// The saved copy's file: written whole or not at all, read back only when whole and made with the
// same settings; a secret in the settings never reaches it.
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import type { DirectoryPerson } from "../../../contract/directoryPerson.ts";
import { directoryPerson } from "../../../contract/testPeople.ts";
import type { DirectorySettings } from "./settings.ts";
import { readSnapshot, settingsFingerprint, snapshotPath, writeSnapshot } from "./snapshot.ts";

const settings: DirectorySettings = {
    source: {
        type: "ldap",
        url: "ldap://127.0.0.1:389",
        bindDn: "cn=reader,dc=acme,dc=test",
        bindPassword: "s3cret-bind-password",
        baseDn: "ou=people,dc=acme,dc=test",
        filter: "(objectClass=inetOrgPerson)",
        timeoutMs: 2000,
    },
    matrixIdTemplate: "@{uid}:acme.test",
    attributes: { id: "dn", name: "cn" },
    departmentSeparator: "/",
    timeZones: {},
    refreshSeconds: 600,
    homeserverUrl: "https://matrix.acme.test",
    allowedServers: ["acme.test"],
};

const erin: DirectoryPerson = directoryPerson("uid=erin,ou=people,dc=acme,dc=test", "Erin Weber", {
    matrix_id: "@erin:acme.test",
    title: "Engineer",
    department: ["Engineering"],
});

let dir: string;
let file: string;
beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "atrium-snapshot-"));
    file = snapshotPath(dir, "acme");
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe("the directory's saved copy", () => {
    it("reads back what was written, and leaves no temporary file", async () => {
        const fingerprint = settingsFingerprint(settings);
        await writeSnapshot(file, fingerprint, { refreshedAt: Date.parse("2026-12-01T08:00:00Z"), people: [erin] });
        await writeSnapshot(file, fingerprint, { refreshedAt: Date.parse("2026-12-02T08:00:00Z"), people: [erin] });
        expect(await readdir(path.dirname(file))).toEqual(["acme.json"]);
        expect(await readSnapshot(file, fingerprint)).toEqual({
            refreshedAt: Date.parse("2026-12-02T08:00:00Z"),
            people: [erin],
        });
        expect(await readFile(file, "utf8")).not.toContain("s3cret-bind-password");
    });

    it("is none when no copy was saved yet", async () => {
        expect(await readSnapshot(file, settingsFingerprint(settings))).toBeNull();
    });

    it("refuses a copy made with another source or mapping, but not for a new password or schedule", async () => {
        await writeSnapshot(file, settingsFingerprint(settings), { refreshedAt: Date.now(), people: [erin] });
        const otherServer = { ...settings, source: { ...settings.source, url: "ldap://other:389" } };
        await expect(readSnapshot(file, settingsFingerprint(otherServer))).rejects.toThrow("other directory settings");
        const otherMapping = { ...settings, matrixIdTemplate: "@{mail}:acme.test" };
        await expect(readSnapshot(file, settingsFingerprint(otherMapping))).rejects.toThrow("other directory settings");
        const rotated = {
            ...settings,
            refreshSeconds: 60,
            source: { ...settings.source, bindPassword: "rotated-password" },
        } as DirectorySettings;
        expect(await readSnapshot(file, settingsFingerprint(rotated))).not.toBeNull();
    });

    it("refuses a cut-off, malformed or hostile file with a reason", async () => {
        const fingerprint = settingsFingerprint(settings);
        await writeSnapshot(file, fingerprint, { refreshedAt: Date.now(), people: [erin] });
        const whole = await readFile(file, "utf8");
        const cases: [string, RegExp][] = [
            [whole.slice(0, whole.length / 2), /JSON/],
            ["null", /^unknown format undefined$/],
            [JSON.stringify({ format: 2, fingerprint }), /^unknown format 2$/],
            [JSON.stringify({ format: 1, fingerprint, refreshed_at: "yesterday", people: [] }), /refreshed_at/],
            [
                JSON.stringify({ format: 1, fingerprint, refreshed_at: new Date().toISOString(), people: [{ id: 1 }] }),
                /malformed people/,
            ],
            [
                JSON.stringify({
                    format: 1,
                    fingerprint,
                    refreshed_at: new Date().toISOString(),
                    people: [{ ...erin, department: "<script>" }],
                }),
                /malformed people/,
            ],
            // Each field of a saved person must have its type: text, or text or null.
            ...[{ name: 5 }, { id: null }, { matrix_id: 5 }, { photo_url: false }, { department: ["a", 1] }].map(
                (bad): [string, RegExp] => [
                    JSON.stringify({
                        format: 1,
                        fingerprint,
                        refreshed_at: new Date().toISOString(),
                        people: [{ ...erin, ...bad }],
                    }),
                    /malformed people/,
                ],
            ),
            [
                JSON.stringify({ format: 1, fingerprint, refreshed_at: new Date().toISOString(), people: [null] }),
                /malformed people/,
            ],
            [
                JSON.stringify({ format: 1, fingerprint, refreshed_at: new Date().toISOString(), people: ["erin"] }),
                /malformed people/,
            ],
        ];
        for (const [text, reason] of cases) {
            await writeFile(file, text);
            await expect(readSnapshot(file, fingerprint)).rejects.toThrow(reason);
        }
    });

    it("keeps the people's file readable by the service's user only", async () => {
        await writeSnapshot(file, settingsFingerprint(settings), { refreshedAt: Date.now(), people: [erin] });
        expect((await stat(file)).mode & 0o777).toBe(0o600);
    });

    it("fails, rather than reading none, when the file is there but cannot be read", async () => {
        await mkdir(file, { recursive: true });
        await expect(readSnapshot(file, settingsFingerprint(settings))).rejects.toThrow(/EISDIR/);
    });
});
