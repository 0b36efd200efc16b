// A real OpenLDAP server for the company directory's tests: Debian's `slapd`, started as our own
// process on a loopback port from a cn=config generated here, with its own data folder. It never
// touches the system's slapd service: its config, database, pid file and port are all ours, and it
// listens on nothing else (no ldapi socket, no port 389).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import { COMPANY_BASE_DN, companyLdif, type CompanyPerson } from "./company.ts";
import { assertPortFree, runCaptured, waitForExit, waitForPort } from "./process.ts";

export const SLAPD_BINARY = "/usr/sbin/slapd";
export const SLAPADD_BINARY = "/usr/sbin/slapadd";
const MODULE_DIR = "/usr/lib/ldap";
const SCHEMA_DIR = "/etc/ldap/schema";
const SCHEMAS = ["core", "cosine", "inetorgperson", "nis"];

/** The read-only account the directory binds as; anonymous users can read nothing. */
export const READER_DN = `cn=directory-reader,${COMPANY_BASE_DN}`;
/** The database's root account: tests change the company through it (people who leave). */
export const ADMIN_DN = `cn=admin,${COMPANY_BASE_DN}`;

export interface StartSlapdOptions {
    /** Holds cn=config, the database and logs; emptied on start. */
    dataDir: string;
    port: number;
    /** The people to load (see company.ts). */
    people: readonly CompanyPerson[];
    startTimeoutMs?: number;
}

export interface SlapdHandle {
    url: string;
    baseDn: string;
    readerDn: string;
    readerPassword: string;
    adminDn: string;
    adminPassword: string;
    dataDir: string;
    pid: number;
    /** Stops the server (the data stays, so `start()` brings the same directory back). */
    stop(): Promise<void>;
    /** Starts it again on the same port with the same data, after `stop()`. */
    start(): Promise<void>;
}

export function slapdPort(): number {
    return Number(process.env.E2E_SLAPD_PORT ?? 18389);
}

function log(message: string): void {
    if (process.env.E2E_QUIET !== "1") console.log(`[slapd] ${message}`);
}

/** The server's whole configuration as LDIF for `slapadd -n0`: modules, schemas, one mdb database. */
export function slapdConfigLdif(dataDir: string, readerPassword: string, adminPassword: string): string {
    const database = path.join(dataDir, "db");
    const schemaIncludes = SCHEMAS.map((name) => `include: file://${SCHEMA_DIR}/${name}.ldif`).join("\n\n");
    return `dn: cn=config
objectClass: olcGlobal
cn: config
olcPidFile: ${path.join(dataDir, "slapd.pid")}
olcArgsFile: ${path.join(dataDir, "slapd.args")}
olcLogLevel: none
olcSizeLimit: unlimited

dn: cn=module{0},cn=config
objectClass: olcModuleList
cn: module{0}
olcModulePath: ${MODULE_DIR}
olcModuleLoad: back_mdb

dn: cn=schema,cn=config
objectClass: olcSchemaConfig
cn: schema

${schemaIncludes}

dn: olcDatabase={-1}frontend,cn=config
objectClass: olcDatabaseConfig
objectClass: olcFrontendConfig
olcDatabase: {-1}frontend
olcAccess: {0}to dn.base="" by * read
olcAccess: {1}to dn.base="cn=subschema" by * read

dn: olcDatabase={0}config,cn=config
objectClass: olcDatabaseConfig
olcDatabase: {0}config
olcAccess: {0}to * by * none

dn: olcDatabase={1}mdb,cn=config
objectClass: olcDatabaseConfig
objectClass: olcMdbConfig
olcDatabase: {1}mdb
olcDbDirectory: ${database}
olcSuffix: ${COMPANY_BASE_DN}
olcRootDN: ${ADMIN_DN}
olcRootPW: ${adminPassword}
olcDbMaxSize: 1073741824
olcDbIndex: objectClass eq
olcDbIndex: uid eq
olcLimits: {0}dn.exact="${READER_DN}" size=unlimited size.pr=unlimited
olcAccess: {0}to attrs=userPassword by anonymous auth by * none
olcAccess: {1}to * by dn.exact="${READER_DN}" read by * none
`;
}

function readerEntry(readerPassword: string): string {
    return `dn: ${READER_DN}
objectClass: simpleSecurityObject
objectClass: organizationalRole
cn: directory-reader
userPassword: ${readerPassword}
`;
}

/** Ends a slapd that an earlier, crashed run left on this data dir (matched by its config path). */
async function stopLeftoverSlapd(dataDir: string): Promise<void> {
    const pidFile = path.join(dataDir, "slapd.pid");
    if (!existsSync(pidFile)) return;
    const pid = Number((await readFile(pidFile, "utf8")).trim());
    const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
    if (pid > 0 && cmdline.includes(path.join(dataDir, "slapd.d"))) {
        log(`stopping slapd left from an earlier run (pid ${pid})`);
        process.kill(pid, "SIGKILL");
        for (let i = 0; i < 25 && existsSync(`/proc/${pid}`); i++) await sleep(100);
    }
}

/**
 * Generates the config, loads the company offline with `slapadd` (fast even for 100,000 people), then
 * starts slapd in the foreground on 127.0.0.1:port and resolves once it accepts connections.
 */
export async function startSlapd(options: StartSlapdOptions): Promise<SlapdHandle> {
    const { port, startTimeoutMs = 20_000 } = options;
    const dataDir = path.resolve(options.dataDir);
    const configDir = path.join(dataDir, "slapd.d");
    await mkdir(dataDir, { recursive: true });
    await stopLeftoverSlapd(dataDir);
    await rm(configDir, { recursive: true, force: true });
    await rm(path.join(dataDir, "db"), { recursive: true, force: true });
    await mkdir(configDir);
    await mkdir(path.join(dataDir, "db"));

    const readerPassword = randomBytes(12).toString("base64url");
    const adminPassword = randomBytes(12).toString("base64url");
    const configLdif = path.join(dataDir, "config.ldif");
    const dataLdif = path.join(dataDir, "company.ldif");
    await writeFile(configLdif, slapdConfigLdif(dataDir, readerPassword, adminPassword), { mode: 0o600 });
    await writeFile(dataLdif, companyLdif(options.people) + "\n" + readerEntry(readerPassword), { mode: 0o600 });

    const started = Date.now();
    await runCaptured(SLAPADD_BINARY, ["-n", "0", "-F", configDir, "-l", configLdif]);
    // -q: quick mode (no consistency checks), fine for data we just generated.
    await runCaptured(SLAPADD_BINARY, ["-q", "-n", "1", "-F", configDir, "-l", dataLdif]);

    const url = `ldap://127.0.0.1:${port}`;
    let child: ChildProcess | null = null;
    let stderr = "";
    const killOnExit = (): void => void child?.kill("SIGKILL");

    const start = async (): Promise<void> => {
        if (child && child.exitCode === null && child.signalCode === null) return;
        await assertPortFree(port, "slapd", "E2E_SLAPD_PORT");
        stderr = "";
        // -d 0 keeps slapd in the foreground (our child, stopped with us) without debug output;
        // -h names the only listener, so no ldapi socket and no default port is opened.
        const spawned = spawn(SLAPD_BINARY, ["-d", "0", "-h", `${url}/`, "-F", configDir], {
            stdio: ["ignore", "ignore", "pipe"],
        });
        spawned.stderr!.on("data", (chunk) => (stderr = (stderr + chunk).slice(-4000)));
        child = spawned;
        process.once("exit", killOnExit);
        try {
            await waitForPort({
                port,
                child: spawned,
                what: "slapd",
                timeoutMs: startTimeoutMs,
                exitDetail: () => stderr,
            });
        } catch (error) {
            spawned.kill("SIGKILL");
            throw error;
        }
    };

    const stop = async (): Promise<void> => {
        process.removeListener("exit", killOnExit);
        const running = child;
        if (!running) return;
        if (!(await waitForExit(running, 0))) {
            running.kill("SIGTERM");
            if (!(await waitForExit(running, 5_000))) {
                running.kill("SIGKILL");
                await waitForExit(running, 2_000);
            }
        }
    };

    await start();
    log(
        `ready at ${url} with ${options.people.length} people in ${((Date.now() - started) / 1000).toFixed(1)} s; data in ${dataDir}`,
    );
    return {
        url,
        baseDn: COMPANY_BASE_DN,
        readerDn: READER_DN,
        readerPassword,
        adminDn: ADMIN_DN,
        adminPassword,
        dataDir,
        get pid() {
            return child?.pid ?? -1;
        },
        stop,
        start,
    };
}
