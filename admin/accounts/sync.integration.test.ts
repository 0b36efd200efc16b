/** @jest-environment node */
// The sync against a real OpenLDAP (Debian's slapd, started by the e2e harness) and a real Synapse:
// people disabled or removed at the source are locked, nobody else, and a second run changes nothing.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { Attribute, Change, Client } from "ldapts";

import { generateCompany, personDn } from "../../e2e/harness/company.ts";
import { slapdPort, startSlapd, type SlapdHandle } from "../../e2e/harness/slapd.ts";
import { matrixRequest, startSynapse, type SynapseHandle } from "../../e2e/harness/synapse.ts";
import { Homeserver } from "./homeserver.ts";
import { readLdapAccounts, type LdapSettings } from "./ldapSource.ts";
import { runSync, SyncRefused, type SyncReport } from "./sync.ts";

// The harness finds the repository through import.meta, which jest's CommonJS cannot run: the same paths from here.
jest.mock("../../e2e/harness/paths.ts", () => {
    const { join, resolve } = jest.requireActual<typeof import("node:path")>("node:path");
    const repoRoot = resolve(__dirname, "..", "..");
    return { repoRoot, e2eStateDir: join(repoRoot, ".e2e"), defaultWebappDir: join(repoRoot, "webapp") };
});

jest.setTimeout(120_000);

const SERVER_NAME = "localhost";
// Beside the e2e stack's own servers and the directory test's (Synapse +3, slapd +0).
const synapsePort = Number(process.env.E2E_SYNAPSE_PORT ?? 18008) + 4;
const ldapPort = slapdPort() + 1;
const repoRoot = path.resolve(__dirname, "..", "..");

let slapd: SlapdHandle;
let synapse: SynapseHandle;
let scratch: string;
let adminToken: string;
let ldap: LdapSettings;
const tokens = new Map<string, string>();

async function changeDirectory(work: (client: Client) => Promise<void>): Promise<void> {
    const client = new Client({ url: slapd.url });
    try {
        await client.bind(slapd.adminDn, slapd.adminPassword);
        await work(client);
    } finally {
        await client.unbind();
    }
}

async function isLocked(localpart: string): Promise<boolean> {
    const user = await matrixRequest<{ locked: boolean }>(
        synapse.baseUrl,
        "GET",
        `/_synapse/admin/v2/users/${encodeURIComponent(`@${localpart}:${SERVER_NAME}`)}`,
        { accessToken: adminToken },
    );
    return user.locked;
}

const sync = (dryRun: boolean): Promise<SyncReport> =>
    runSync({
        sourceName: "ldap",
        readSource: () => readLdapAccounts(ldap),
        homeserver: new Homeserver(synapse.baseUrl, adminToken),
        mode: "lock",
        dryRun,
        exclude: ["helpdesk"],
        maxChanges: 10,
    });

beforeAll(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), "atrium-accounts-"));
    slapd = await startSlapd({ dataDir: path.join(scratch, "slapd"), port: ldapPort, people: generateCompany(20) });
    synapse = await startSynapse({
        dataDir: path.join(scratch, "synapse"),
        port: synapsePort,
        serverName: SERVER_NAME,
    });
    adminToken = (await synapse.registerUser("syncadmin", "pw-syncadmin-1234", { admin: true })).accessToken;
    // ada stays; boris will be disabled and chloe removed at the source; zed was never there; helpdesk is excluded.
    for (const localpart of ["ada", "boris", "chloe", "zed", "helpdesk"]) {
        tokens.set(localpart, (await synapse.registerUser(localpart, `pw-${localpart}-1234`)).accessToken);
    }
    await writeFile(path.join(scratch, "reader-password"), slapd.readerPassword, { mode: 0o600 });
    ldap = {
        url: slapd.url,
        bindDn: slapd.readerDn,
        bindPasswordFile: path.join(scratch, "reader-password"),
        baseDn: `ou=people,${slapd.baseDn}`,
        disabledFilter: "(employeeType=disabled)",
    };
    // At the source, boris is disabled and chloe has left.
    await changeDirectory((client) =>
        client.modify(
            personDn("boris"),
            new Change({
                operation: "add",
                modification: new Attribute({ type: "employeeType", values: ["disabled"] }),
            }),
        ),
    );
    await changeDirectory((client) => client.del(personDn("chloe")));
    // On a fresh machine the first start installs Synapse from PyPI into the harness's venv: minutes.
}, 900_000);

afterAll(async () => {
    await Promise.all([slapd?.stop(), synapse?.stop()]);
    if (scratch) await rm(scratch, { recursive: true, force: true });
});

it("reads the people and who is disabled from LDAP", async () => {
    const accounts = await readLdapAccounts(ldap);
    expect(accounts).toHaveLength(19);
    expect(accounts).toContainEqual({ localpart: "ada", enabled: true });
    expect(accounts).toContainEqual({ localpart: "boris", enabled: false });
    expect(accounts.map((a) => a.localpart)).not.toContain("chloe");
});

/** A dry run plans the changes and makes none. */
async function dryRunPlansWithoutChanging(): Promise<void> {
    const report = await sync(true);
    expect(report.changes.map((c) => [c.userId, c.why, c.done])).toEqual([
        ["@boris:localhost", "disabled at the source", false],
        ["@chloe:localhost", "not in the source", false],
        ["@zed:localhost", "not in the source", false],
    ]);
    expect(report.skipped).toEqual([
        { userId: "@helpdesk:localhost", why: "excluded by the config" },
        { userId: "@syncadmin:localhost", why: "the sync's own admin" },
    ]);
    expect(await isLocked("boris")).toBe(false);
}

/** Locks who was disabled or removed at the source: their tokens stop working, the others' keep working. */
async function runLocksTheLeavers(): Promise<void> {
    const report = await sync(false);
    expect(report.changes.filter((c) => c.done).map((c) => c.userId)).toEqual([
        "@boris:localhost",
        "@chloe:localhost",
        "@zed:localhost",
    ]);
    for (const localpart of ["boris", "chloe", "zed"]) expect(await isLocked(localpart)).toBe(true);
    for (const localpart of ["ada", "helpdesk", "syncadmin"]) expect(await isLocked(localpart)).toBe(false);

    const whoami = (localpart: string) =>
        matrixRequest(synapse.baseUrl, "GET", "/_matrix/client/v3/account/whoami", {
            accessToken: tokens.get(localpart),
        });
    await expect(whoami("boris")).rejects.toMatchObject({ errcode: "M_USER_LOCKED" });
    await expect(whoami("ada")).resolves.toMatchObject({ user_id: "@ada:localhost" });
}

/** Run again as the nightly job runs it (the command, its JSON report): nothing left to change. */
async function secondRunChangesNothing(): Promise<void> {
    const tokenFile = path.join(scratch, "admin-token");
    const configFile = path.join(scratch, "accounts.json");
    await writeFile(tokenFile, adminToken, { mode: 0o600 });
    await writeFile(configFile, JSON.stringify({ exclude: ["helpdesk"], ldap }));
    const { stdout } = await promisify(execFile)(
        process.execPath,
        [
            path.join(repoRoot, "node_modules/tsx/dist/cli.mjs"),
            "admin/accounts/main.ts",
            "sync",
            "--source",
            "ldap",
            "--homeserver",
            synapse.baseUrl,
            "--admin-token-file",
            tokenFile,
            "--config",
            configFile,
            "--json",
        ],
        { cwd: repoRoot },
    );
    const report = JSON.parse(stdout) as SyncReport;
    expect(report.changes).toEqual([]);
    expect(report.alreadyDone).toEqual(["@boris:localhost", "@chloe:localhost", "@zed:localhost"]);
}

// One story in one test: each step starts where the one before left the homeserver, so they cannot
// run apart or in another order.
it("plans in a dry run, then locks who left the source, then changes nothing the second time", async () => {
    await dryRunPlansWithoutChanging();
    await runLocksTheLeavers();
    await secondRunChangesNothing();
});

it("refuses to act on a source that lists nobody (a wrong base DN)", async () => {
    const wrongBase = { ...ldap, baseDn: `ou=people,${slapd.baseDn}`, filter: "(uid=nobody-has-this)" };
    await expect(
        runSync({
            sourceName: "ldap",
            readSource: () => readLdapAccounts(wrongBase),
            homeserver: new Homeserver(synapse.baseUrl, adminToken),
            mode: "lock",
            dryRun: false,
            exclude: [],
            maxChanges: 10,
        }),
    ).rejects.toThrow(SyncRefused);
    expect(await isLocked("ada")).toBe(false);
});

it("names the homeserver's refusal when the token is not an admin's", async () => {
    const notAdmin = new Homeserver(synapse.baseUrl, tokens.get("ada")!);
    await expect(notAdmin.listUsers()).rejects.toThrow(/403 M_FORBIDDEN/);
});
