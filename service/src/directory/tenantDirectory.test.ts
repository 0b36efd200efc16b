/** @jest-environment node */
// One tenant's directory over an export file, with a clock the test moves: what it serves before,
// during and after a failing read, how often it asks again, and the copy it keeps across restarts.
// (The LDAP source and the HTTP endpoints are checked against real servers in directory.test.ts.)
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import type { DirectorySettings } from "./settings.ts";
import { settingsFingerprint, snapshotPath, writeSnapshot } from "./snapshot.ts";
import { MIN_DEMAND_INTERVAL_MS, readSource, TenantDirectory, type DirectoryLog } from "./tenantDirectory.ts";
import { FILE_DEFAULT_ATTRIBUTES } from "./settings.ts";

const CSV = "id,name,login,location\n1,Ada Lovelace,ada,London\n2,Ben Okafor,ben,\n3,,nameless,\n";

interface Line {
    level: "info" | "warn";
    object: Record<string, unknown>;
    message: string;
}

function recordingLog(): DirectoryLog & { lines: Line[] } {
    const lines: Line[] = [];
    return {
        lines,
        info: (object, message) => lines.push({ level: "info", object: object as Record<string, unknown>, message }),
        warn: (object, message) => lines.push({ level: "warn", object: object as Record<string, unknown>, message }),
    };
}

let dir: string;
let exportFile: string;
let settings: DirectorySettings;
let clock: number;
const now = (): number => clock;
const directories: TenantDirectory[] = [];

beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "atrium-tenant-directory-"));
    exportFile = path.join(dir, "people.csv");
    await writeFile(exportFile, CSV);
    settings = {
        source: { type: "file", path: exportFile },
        matrixIdTemplate: "@{login}:acme.test",
        attributes: { ...FILE_DEFAULT_ATTRIBUTES },
        departmentSeparator: "/",
        timeZones: {},
        refreshSeconds: 900,
        homeserverUrl: null,
        allowedServers: ["acme.test"],
    };
    clock = Date.parse("2026-03-01T12:00:00.000Z");
});

afterEach(async () => {
    for (const directory of directories.splice(0)) directory.close();
    await rm(dir, { recursive: true, force: true });
});

function directory(log: DirectoryLog = recordingLog(), snapshotFile: string | null = null): TenantDirectory {
    const made = new TenantDirectory("acme", settings, log, now, snapshotFile);
    directories.push(made);
    return made;
}

describe("readSource", () => {
    it("asks an LDAP source's server, not a file", async () => {
        const ldap: DirectorySettings = {
            ...settings,
            source: {
                type: "ldap",
                url: "ldap://127.0.0.1:1",
                bindDn: null,
                bindPassword: null,
                baseDn: "dc=acme,dc=test",
                filter: "(objectClass=inetOrgPerson)",
                timeoutMs: 1000,
            },
        };
        await expect(readSource(ldap)).rejects.toThrow(/ECONNREFUSED|connect/i);
    });

    it("keeps the entries that make a person, with their Matrix IDs", async () => {
        const people = await readSource(settings);
        expect(people.map((p) => [p.name, p.matrix_id])).toEqual([
            ["Ada Lovelace", "@ada:acme.test"],
            ["Ben Okafor", "@ben:acme.test"],
        ]);
    });
});

describe("a tenant's directory", () => {
    it("is loading until its first read, then ok with the people, when and how long ago", async () => {
        const log = recordingLog();
        const people = directory(log);
        expect(people.status()).toEqual({
            state: "loading",
            refreshed_at: null,
            age_seconds: null,
            error: null,
            people: 0,
        });
        await people.refresh();
        const readAt = clock;
        clock += 61_500;
        expect(people.status()).toEqual({
            state: "ok",
            refreshed_at: new Date(readAt).toISOString(),
            age_seconds: 61,
            error: null,
            people: 2,
        });
        expect((await people.current())?.size).toBe(2);
        expect(log.lines).toEqual([
            {
                level: "info",
                object: { event: "directory_refreshed", tenant: "acme", people: 2, ms: 0 },
                message: "Directory of acme: 2 people read from its file source",
            },
        ]);
    });

    it("never gives a negative age when the clock goes back", async () => {
        const people = directory();
        await people.refresh();
        clock -= 5_000;
        expect(people.status().age_seconds).toBe(0);
    });

    it("keeps the last good copy while its source fails, says why, and recovers", async () => {
        const log = recordingLog();
        const people = directory(log);
        await people.refresh();
        const readAt = clock;
        await rm(exportFile);
        clock += 30_000;
        await people.refresh();
        const status = people.status();
        expect(status).toMatchObject({
            state: "stale",
            refreshed_at: new Date(readAt).toISOString(),
            age_seconds: 30,
            people: 2,
        });
        // (jest's sandbox sees Node's own errors as foreign objects, so they read as "Error: …" here)
        expect(status.error).toMatch(/^(Error: )?ENOENT: no such file or directory, open '.*people\.csv'$/);
        expect((await people.current())?.size).toBe(2);
        expect(log.lines[1]).toEqual({
            level: "warn",
            object: { event: "directory_refresh_failed", tenant: "acme", error: status.error },
            message: `Directory of acme: reading its source failed (the last good copy keeps serving): ${status.error}`,
        });

        await writeFile(exportFile, CSV.replace("2,Ben Okafor,ben,\n", ""));
        await people.refresh();
        expect(people.status()).toMatchObject({ state: "ok", error: null, people: 1, age_seconds: 0 });
    });

    it("has nothing to serve when its first read fails", async () => {
        const log = recordingLog();
        await writeFile(exportFile, 'id,name\n"open');
        const people = directory(log);
        await people.refresh();
        expect(people.status()).toEqual({
            state: "unavailable",
            refreshed_at: null,
            age_seconds: null,
            error: "CSV ends inside a quoted field",
            people: 0,
        });
        expect(await people.current()).toBeNull();
        expect(log.lines[0].message).toBe(
            "Directory of acme: reading its source failed (nothing to serve yet): CSV ends inside a quoted field",
        );
    });

    it("says why in one line of at most 300 characters", async () => {
        const json = path.join(dir, "people.json");
        settings.source = { type: "file", path: json };
        await writeFile(json, "x\ny");
        const oneLine = directory();
        await oneLine.refresh();
        expect(oneLine.status().error).toBe(`${json} is not valid JSON: Unexpected token 'x', "x`);

        const longName = path.join(dir, "a".repeat(200), `${"b".repeat(200)}.json`);
        await mkdir(path.dirname(longName));
        await writeFile(longName, "x");
        settings.source = { type: "file", path: longName };
        const long = directory();
        await long.refresh();
        expect(long.status().error).toBe(`${longName} is not valid JSON: Unexpected token`.slice(0, 300));

        await writeFile(path.join(dir, "two.json"), "[1]");
        settings.source = { type: "file", path: path.join(dir, "two.json") };
        const notObjects = directory();
        await notObjects.refresh();
        expect(notObjects.status().error).toBe("entry 1 is not an object");
    });

    it("waits for a read under way, and joins it rather than starting another", async () => {
        const people = directory();
        const first = people.refresh();
        expect(people.refresh()).toBe(first);
        expect(people.refreshOnDemand()).toBe(first);
        expect((await people.current())?.size).toBe(2);
        await first;
        await writeFile(exportFile, CSV.replace("2,Ben Okafor,ben,\n", ""));
        const second = people.refresh();
        expect(second).not.toBe(first);
        await second;
        expect(people.status().people).toBe(1);
    });

    it("answers from the copy it has while a refresh runs", async () => {
        const people = directory();
        await people.refresh();
        await writeFile(exportFile, CSV.replace("2,Ben Okafor,ben,\n", ""));
        const refreshing = people.refresh();
        expect((await people.current())?.size).toBe(2);
        await refreshing;
        expect((await people.current())?.size).toBe(1);
    });

    it("reads again on demand at most every ten seconds", async () => {
        const people = directory();
        await people.refresh();
        await writeFile(exportFile, CSV.replace("2,Ben Okafor,ben,\n", ""));
        clock += MIN_DEMAND_INTERVAL_MS - 1;
        expect(people.refreshOnDemand()).toBe(false);
        expect(people.status().people).toBe(2);
        clock += 1;
        const asked = people.refreshOnDemand();
        expect(asked).not.toBe(false);
        await asked;
        expect(people.status().people).toBe(1);
        expect(MIN_DEMAND_INTERVAL_MS).toBe(10_000);
    });

    it("counts a failed read as an attempt for the demand limit", async () => {
        await rm(exportFile);
        const people = directory();
        await people.refresh();
        clock += 1_000;
        expect(people.refreshOnDemand()).toBe(false);
    });

    it("reads at start and then on its schedule, until closed", async () => {
        jest.useFakeTimers({ doNotFake: ["nextTick", "setImmediate", "queueMicrotask"] });
        try {
            settings.refreshSeconds = 60;
            const people = directory();
            people.start();
            await people.current();
            expect(people.status().people).toBe(2);
            await writeFile(exportFile, CSV.replace("2,Ben Okafor,ben,\n", ""));
            jest.advanceTimersByTime(59_000);
            await new Promise((resolve) => setImmediate(resolve));
            expect(people.status().people).toBe(2);
            jest.advanceTimersByTime(1_000);
            // The scheduled read runs on its own (real file I/O: let the event loop turn, for up to five
            // real seconds; a count of turns ran out on a loaded machine before the read was done).
            const giveUp = process.hrtime.bigint() + 5_000_000_000n;
            while (people.status().people !== 1 && process.hrtime.bigint() < giveUp) {
                await new Promise((resolve) => setImmediate(resolve));
            }
            expect(people.status().people).toBe(1);
            people.close();
            await writeFile(exportFile, CSV);
            jest.advanceTimersByTime(120_000);
            await new Promise((resolve) => setImmediate(resolve));
            expect(people.status().people).toBe(1);
        } finally {
            jest.useRealTimers();
        }
    });

    it("keeps what it had when closed during a read", async () => {
        const people = directory();
        const reading = people.refresh();
        people.close();
        await reading;
        expect(people.status().state).toBe("loading");
    });
});

describe("the saved copy", () => {
    const file = (): string => snapshotPath(dir, "acme");

    it("is written after each good read and serves a restarted directory whose source is down", async () => {
        const log = recordingLog();
        const first = directory(recordingLog(), file());
        await first.refresh();
        const readAt = clock;
        first.close();

        await rm(exportFile);
        clock += 120_000;
        const restarted = directory(log, file());
        expect((await restarted.current())?.size).toBe(2);
        expect(restarted.status()).toMatchObject({
            state: "ok",
            refreshed_at: new Date(readAt).toISOString(),
            age_seconds: 120,
        });
        expect(log.lines[0]).toEqual({
            level: "info",
            object: { event: "directory_restored", tenant: "acme", people: 2 },
            message: `Directory of acme: 2 people from the copy saved at ${new Date(readAt).toISOString()}`,
        });
        await restarted.refresh();
        expect(restarted.status()).toMatchObject({ state: "stale", people: 2 });
    });

    it("is none at first, quietly", async () => {
        const log = recordingLog();
        const people = directory(log, file());
        await people.refresh();
        expect(log.lines.map((line) => line.object.event)).toEqual(["directory_refreshed"]);
    });

    it("gives way to a read from the source that comes first", async () => {
        await writeSnapshot(file(), settingsFingerprint(settings), { refreshedAt: clock - 1_000_000, people: [] });
        const log = recordingLog();
        const people = directory(log, file());
        await people.refresh();
        expect(people.status()).toMatchObject({ state: "ok", people: 2, age_seconds: 0 });
        expect(log.lines.map((line) => line.object.event)).toEqual(["directory_restored", "directory_refreshed"]);
    });

    it("is not used, with a warning, when made with other settings", async () => {
        await writeSnapshot(file(), "another fingerprint", { refreshedAt: clock, people: [] });
        await rm(exportFile);
        const log = recordingLog();
        const people = directory(log, file());
        expect(await people.current()).toBeNull();
        expect(log.lines[0]).toEqual({
            level: "warn",
            object: {
                event: "directory_snapshot_unusable",
                tenant: "acme",
                error: "made with other directory settings",
            },
            message: "Directory of acme: the saved copy is not used: made with other directory settings",
        });
    });

    it("is not read by a directory closed before it", async () => {
        await writeSnapshot(file(), settingsFingerprint(settings), { refreshedAt: clock, people: [] });
        const people = directory(recordingLog(), file());
        people.close();
        expect(await people.current()).toBeNull();
    });

    it("failing to save is a warning; the copy in memory still serves", async () => {
        await writeFile(path.join(dir, "directory"), "a file where the folder should be");
        const log = recordingLog();
        const people = directory(log, file());
        await people.refresh();
        expect(people.status()).toMatchObject({ state: "ok", people: 2 });
        const warning = log.lines.find((line) => line.object.event === "directory_snapshot_failed")!;
        expect(warning.object).toMatchObject({ event: "directory_snapshot_failed", tenant: "acme" });
        expect(warning.message).toMatch(/^Directory of acme: saving the last good copy failed: (Error: )?EEXIST: /);
    });
});
