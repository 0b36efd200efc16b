// A real PostgreSQL for tests that run Synapse on it: Debian's server binaries (package `postgresql`,
// in /usr/lib/postgresql/<version>/bin), started as our own process: a cluster made with `initdb` in
// its own data folder, listening on 127.0.0.1:port and a Unix socket in that folder only. It never
// touches the system's cluster or service (no pg_ctlcluster, no /var/lib/postgresql, no port 5432).
//
// PostgreSQL refuses to run as root ("root" execution of the PostgreSQL server is not permitted). When
// the harness runs as root (CI containers do), initdb and postgres run as an unprivileged account
// through `setpriv` (util-linux): Debian's package creates `postgres` for it; E2E_POSTGRES_OS_USER names
// another. The data folder is handed to that account. Clients (psql, Synapse) connect over TCP with a
// password, so they may run as anyone.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, existsSync, openSync, readdirSync } from "node:fs";
import { chmod, chown, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import { assertPortFree, runCaptured, waitForExit } from "./process.ts";
import type { PostgresConnection } from "./synapse-config.ts";

const HOST = "127.0.0.1";
const SUPERUSER = "atrium_admin";
const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;
const STOP_GRACE_MS = 10_000;

export interface StartPostgresOptions {
    /** Holds the cluster, its socket and its log; emptied on start. */
    dataDir: string;
    port: number;
    startTimeoutMs?: number;
}

export interface PostgresHandle {
    host: string;
    port: number;
    dataDir: string;
    /** The server's own output (stderr), kept beside the cluster. */
    logFile: string;
    /** A database for Synapse: UTF8, collation and ctype C, from template0, owned by a new role. */
    createDatabase(name: string): Promise<PostgresConnection>;
    /** Runs one SQL statement with psql as the cluster's superuser; returns its rows, tab-separated. */
    query(sql: string, database?: string): Promise<string>;
    stop(): Promise<void>;
}

export function postgresPort(): number {
    return Number(process.env.E2E_POSTGRES_PORT ?? 18432);
}

function log(message: string): void {
    if (process.env.E2E_QUIET !== "1") console.log(`[postgres] ${message}`);
}

/** The newest Debian server binaries (/usr/lib/postgresql/<version>/bin), or E2E_POSTGRES_BIN_DIR. */
export function postgresBinDir(): string {
    if (process.env.E2E_POSTGRES_BIN_DIR) return process.env.E2E_POSTGRES_BIN_DIR;
    const root = "/usr/lib/postgresql";
    const versions = existsSync(root)
        ? readdirSync(root)
              .filter((v) => existsSync(path.join(root, v, "bin", "postgres")))
              .sort((a, b) => Number(b) - Number(a))
        : [];
    if (versions.length === 0) {
        throw new Error(
            `No PostgreSQL server in ${root}/<version>/bin: install Debian's \`postgresql\` (apt-get install postgresql) or set E2E_POSTGRES_BIN_DIR`,
        );
    }
    return path.join(root, versions[0], "bin");
}

/** The account the server runs as: null means "as we are" (not root). */
async function serverAccount(): Promise<{ name: string; uid: number; gid: number } | null> {
    if (process.getuid?.() !== 0) return null;
    const name = process.env.E2E_POSTGRES_OS_USER ?? "postgres";
    try {
        const uid = Number(await runCaptured("id", ["-u", name]));
        const gid = Number(await runCaptured("id", ["-g", name]));
        if (uid === 0) throw new Error(`${name} is root`);
        return { name, uid, gid };
    } catch (e) {
        throw new Error(
            `PostgreSQL refuses to run as root and there is no unprivileged account "${name}" to run it as ` +
                `(Debian's postgresql package creates "postgres"; or set E2E_POSTGRES_OS_USER): ${(e as Error).message}`,
        );
    }
}

/** The command line that runs `binary` as the server's account. */
function asAccount(account: { uid: number; gid: number } | null, binary: string, args: string[]): [string, string[]] {
    if (!account) return [binary, args];
    return ["setpriv", [`--reuid=${account.uid}`, `--regid=${account.gid}`, "--init-groups", "--", binary, ...args]];
}

/** Quotes a string as an SQL literal. */
function literal(value: string): string {
    return `'${value.replace(/'/g, "''")}'`;
}

/** Ends a server that an earlier, crashed run left on this data dir (its postmaster.pid names it). */
async function stopLeftoverPostgres(clusterDir: string): Promise<void> {
    const pidFile = path.join(clusterDir, "postmaster.pid");
    if (!existsSync(pidFile)) return;
    const pid = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
    const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
    if (pid > 0 && cmdline.includes(clusterDir)) {
        log(`stopping PostgreSQL left from an earlier run (pid ${pid})`);
        process.kill(pid, "SIGQUIT");
        for (let i = 0; i < 50 && existsSync(`/proc/${pid}`); i++) await sleep(100);
    }
}

async function tail(file: string, lines = 20): Promise<string> {
    const text = await readFile(file, "utf8").catch(() => "");
    return text.trimEnd().split("\n").slice(-lines).join("\n");
}

/**
 * Makes a fresh cluster with `initdb` (UTF8, locale C, password logins only) and starts `postgres` in
 * the foreground on 127.0.0.1:port; resolves once it accepts connections.
 */
export async function startPostgres(options: StartPostgresOptions): Promise<PostgresHandle> {
    const { port, startTimeoutMs = 30_000 } = options;
    const dataDir = path.resolve(options.dataDir);
    const clusterDir = path.join(dataDir, "cluster");
    const socketDir = path.join(dataDir, "socket");
    const logFile = path.join(dataDir, "postgres.log");
    const binDir = postgresBinDir();
    const account = await serverAccount();

    await stopLeftoverPostgres(clusterDir);
    await assertPortFree(port, "PostgreSQL", "E2E_POSTGRES_PORT");
    await rm(dataDir, { recursive: true, force: true });
    await mkdir(socketDir, { recursive: true });
    const superuserPassword = randomBytes(18).toString("base64url");
    const passwordFile = path.join(dataDir, "superuser.pw");
    await writeFile(passwordFile, superuserPassword, { mode: 0o600 });
    await writeFile(logFile, "");
    if (account) {
        // The server's account must own its folder and be able to reach it.
        for (const item of [dataDir, socketDir, passwordFile, logFile]) await chown(item, account.uid, account.gid);
        await chmod(dataDir, 0o755);
        const [testCommand, testArgs] = asAccount(account, "test", ["-w", dataDir]);
        await runCaptured(testCommand, testArgs).catch(() => {
            throw new Error(
                `PostgreSQL's account ${account.name} cannot reach ${dataDir}: every folder above it must be searchable (chmod o+x)`,
            );
        });
    }

    const started = Date.now();
    const initdb = path.join(binDir, "initdb");
    const initArgs = ["-D", clusterDir, "-U", SUPERUSER, `--pwfile=${passwordFile}`, "--auth=scram-sha-256"];
    // The encoding and collation Synapse requires of its database; template1 gets them too.
    initArgs.push("--encoding=UTF8", "--locale=C", "--no-instructions");
    const [initCommand, initCommandArgs] = asAccount(account, initdb, initArgs);
    await runCaptured(initCommand, initCommandArgs, { cwd: dataDir });
    await rm(passwordFile);

    const serverArgs = ["-D", clusterDir, "-h", HOST, "-p", String(port), "-k", socketDir];
    // A throwaway test cluster: durability is not wanted, speed on a shared machine is.
    serverArgs.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
    const out = openSync(logFile, "a");
    const [serverCommand, serverCommandArgs] = asAccount(account, path.join(binDir, "postgres"), serverArgs);
    const child: ChildProcess = spawn(serverCommand, serverCommandArgs, { cwd: dataDir, stdio: ["ignore", out, out] });
    closeSync(out);
    // SIGQUIT: immediate shutdown, the postmaster takes its backends down with it.
    const killOnExit = (): void => void child.kill("SIGQUIT");
    process.once("exit", killOnExit);

    const env = { ...process.env, PGPASSWORD: superuserPassword, PGCONNECT_TIMEOUT: "5" };
    const psql = path.join(binDir, "psql");
    const query = (sql: string, database = "postgres"): Promise<string> =>
        runCaptured(
            psql,
            ["-h", HOST, "-p", String(port), "-U", SUPERUSER, "-d", database, "-X", "-A", "-t", "-F", "\t", "-c", sql],
            { env },
        );

    const stop = async (): Promise<void> => {
        process.removeListener("exit", killOnExit);
        if (await waitForExit(child, 0)) return;
        child.kill("SIGINT"); // fast shutdown: ends sessions, checkpoints, exits
        if (!(await waitForExit(child, STOP_GRACE_MS))) {
            log(`PostgreSQL ignored SIGINT for ${STOP_GRACE_MS / 1000} s; stopping it at once`);
            child.kill("SIGQUIT");
            if (!(await waitForExit(child, 5_000))) child.kill("SIGKILL");
        }
    };

    // Ready once the superuser can log in (pg_isready would also say yes before recovery ends).
    const deadline = Date.now() + startTimeoutMs;
    for (;;) {
        if (child.exitCode !== null || child.signalCode !== null) {
            process.removeListener("exit", killOnExit);
            throw new Error(`PostgreSQL exited before it accepted connections:\n${await tail(logFile)}`);
        }
        if (
            await query("SELECT 1").then(
                () => true,
                () => false,
            )
        )
            break;
        if (Date.now() > deadline) {
            await stop();
            throw new Error(`PostgreSQL did not accept connections on ${HOST}:${port}:\n${await tail(logFile)}`);
        }
        await sleep(200);
    }
    const version = await query("SHOW server_version");
    const runsAs = account ? ` as ${account.name}` : "";
    log(
        `${version} ready at ${HOST}:${port}${runsAs} in ${((Date.now() - started) / 1000).toFixed(1)} s; data in ${dataDir}`,
    );

    return {
        host: HOST,
        port,
        dataDir,
        logFile,
        query,
        stop,
        async createDatabase(name) {
            if (!IDENTIFIER.test(name)) throw new Error(`"${name}" is not a plain lower-case SQL identifier`);
            const password = randomBytes(18).toString("base64url");
            await query(`CREATE ROLE ${name} LOGIN PASSWORD ${literal(password)}`);
            // Synapse refuses a database whose collation or ctype is not C (unless told to allow it).
            await query(
                `CREATE DATABASE ${name} OWNER ${name} ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0`,
            );
            return { host: HOST, port, database: name, user: name, password };
        },
    };
}
