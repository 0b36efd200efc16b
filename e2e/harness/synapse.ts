import { spawn, type ChildProcess } from "node:child_process";
import { createHmac, randomBytes } from "node:crypto";
import { closeSync, existsSync, openSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import { login, matrixRequest, MatrixHttpError, setDisplayName, type MatrixSession } from "./matrix-client.ts";
import {
    homeserverConfig,
    logConfig,
    toYaml,
    type OidcSignIn,
    type PostgresConnection,
    type SynapseSecrets,
} from "./synapse-config.ts";
import { assertPortFree, waitForHttp } from "./process.ts";
import { ensureSynapseInstalled, SYNAPSE_VERSION } from "./synapse-install.ts";

export { ensureSynapseInstalled } from "./synapse-install.ts";
export * from "./matrix-client.ts";

export interface StartSynapseOptions {
    /** Holds config, database, media, signing key and logs; reused if it already exists. */
    dataDir: string;
    port: number;
    serverName: string;
    startTimeoutMs?: number;
    /** Adds a TLS federation listener on this port, with a self-signed certificate made on first use. */
    federationTlsPort?: number;
    /** Top-level homeserver.yaml keys added for one test's homeserver (e.g. `cas_config`). */
    extraConfig?: Record<string, unknown>;
    /** Sign-in through an OpenID Connect provider (see synapse-config.ts). */
    oidc?: OidcSignIn;
    /** Runs on this PostgreSQL database (harness/postgres.ts) instead of SQLite in the data dir. */
    postgres?: PostgresConnection;
    /** Its public_baseurl when clients reach it through a proxy (default: its own loopback port). */
    publicBaseUrl?: string;
}

export interface RegisterOptions {
    admin?: boolean;
    displayName?: string;
}

export interface SynapseHandle {
    baseUrl: string;
    serverName: string;
    dataDir: string;
    /** Synapse's own log (INFO); the process's stdout/stderr go to synapse.console.log beside it. */
    logFile: string;
    registrationSharedSecret: string;
    stop(): Promise<void>;
    registerUser(localpart: string, password: string, options?: RegisterOptions): Promise<MatrixSession>;
}

const STOP_GRACE_MS = 10_000;

function log(message: string): void {
    console.log(`[synapse] ${message}`);
}

/** Loads the data dir's secrets, creating them on first use. */
async function loadSecrets(dataDir: string): Promise<SynapseSecrets> {
    const file = path.join(dataDir, "atrium-secrets.json");
    if (existsSync(file)) return JSON.parse(await readFile(file, "utf8"));
    const secret = (): string => randomBytes(32).toString("base64url");
    const secrets = { registrationSharedSecret: secret(), macaroonSecretKey: secret(), formSecret: secret() };
    await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
    return secrets;
}

/** Ends a Synapse that an earlier, crashed run left on this data dir (matched by its config path). */
export async function stopLeftoverSynapse(dataDir: string): Promise<void> {
    const pidFile = path.join(dataDir, "synapse.pid");
    const configFile = path.join(dataDir, "homeserver.yaml");
    if (!existsSync(pidFile)) return;
    const pid = Number(await readFile(pidFile, "utf8"));
    const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
    if (pid > 0 && cmdline.includes(configFile)) {
        log(`stopping Synapse left from an earlier run (pid ${pid})`);
        process.kill(pid, "SIGTERM");
        for (let i = 0; i < 50 && existsSync(`/proc/${pid}`); i++) await sleep(200);
        if (existsSync(`/proc/${pid}`)) process.kill(pid, "SIGKILL");
    }
    await rm(pidFile, { force: true });
}

async function tail(file: string, lines = 30): Promise<string> {
    if (!existsSync(file)) return `(no ${path.basename(file)})`;
    const text = await readFile(file, "utf8");
    return `--- last lines of ${file} ---\n${text.trimEnd().split("\n").slice(-lines).join("\n")}`;
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
    return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        child.once("exit", () => {
            clearTimeout(timer);
            resolve(true);
        });
    });
}

/** A self-signed certificate for 127.0.0.1 (a test homeserver's TLS listener, nginx), made with openssl once per dir. */
export async function ensureSelfSignedCertificate(
    dataDir: string,
): Promise<{ certificateFile: string; privateKeyFile: string }> {
    const certificateFile = path.join(dataDir, "tls.crt");
    const privateKeyFile = path.join(dataDir, "tls.key");
    if (existsSync(certificateFile) && existsSync(privateKeyFile)) return { certificateFile, privateKeyFile };
    const args = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30", "-subj", "/CN=127.0.0.1"];
    const openssl = spawn("openssl", [...args, "-keyout", privateKeyFile, "-out", certificateFile], {
        stdio: "ignore",
    });
    const code = await new Promise<number | null>((resolve, reject) => {
        openssl.once("error", reject);
        openssl.once("exit", resolve);
    });
    if (code !== 0) throw new Error(`openssl could not make a test certificate in ${dataDir} (exit ${code})`);
    return { certificateFile, privateKeyFile };
}

/** Starts a test Synapse on 127.0.0.1 and resolves once /health says OK. */
export async function startSynapse(options: StartSynapseOptions): Promise<SynapseHandle> {
    const { port, serverName, startTimeoutMs = 60_000 } = options;
    const dataDir = path.resolve(options.dataDir);
    await mkdir(dataDir, { recursive: true });
    const configFile = path.join(dataDir, "homeserver.yaml");
    const pidFile = path.join(dataDir, "synapse.pid");
    const logFile = path.join(dataDir, "homeserver.log");
    const consoleLog = path.join(dataDir, "synapse.console.log");

    const python = await ensureSynapseInstalled();
    await stopLeftoverSynapse(dataDir);
    await assertPortFree(port, "Synapse");

    const secrets = await loadSecrets(dataDir);
    const federation = options.federationTlsPort
        ? { tlsPort: options.federationTlsPort, ...(await ensureSelfSignedCertificate(dataDir)) }
        : undefined;
    if (federation) await assertPortFree(federation.tlsPort, "Synapse federation listener");
    await writeFile(
        configFile,
        toYaml({
            ...homeserverConfig({
                dataDir,
                port,
                serverName,
                secrets,
                federation,
                oidc: options.oidc,
                postgres: options.postgres,
                publicBaseUrl: options.publicBaseUrl,
            }),
            ...options.extraConfig,
        }),
    );
    await writeFile(path.join(dataDir, "log.config.yaml"), toYaml(logConfig(logFile)));

    const out = openSync(consoleLog, "a");
    const child = spawn(python, ["-m", "synapse.app.homeserver", "-c", configFile], {
        cwd: dataDir,
        stdio: ["ignore", out, out],
        // The venv sits inside this git checkout, so Synapse would describe itself as "1.163.2 (b=branch,commit)",
        // which modules that parse the version (matrix-synapse-ldap3) reject: give it the plain one.
        env: { ...process.env, SYNAPSE_VERSION_STRING: SYNAPSE_VERSION },
    });
    closeSync(out);
    await writeFile(pidFile, String(child.pid));
    // If this Node process dies without stop(), don't leave Synapse holding the port.
    const killOnExit = (): void => void child.kill("SIGKILL");
    process.once("exit", killOnExit);

    const baseUrl = `http://127.0.0.1:${port}`;
    const stop = async (): Promise<void> => {
        process.removeListener("exit", killOnExit);
        if (!(await waitForExit(child, 0))) {
            child.kill("SIGTERM");
            if (!(await waitForExit(child, STOP_GRACE_MS))) {
                log(`Synapse ignored SIGTERM for ${STOP_GRACE_MS / 1000} s; killing it`);
                child.kill("SIGKILL");
                await waitForExit(child, 5_000);
            }
        }
        await rm(pidFile, { force: true });
    };

    const started = Date.now();
    try {
        await waitForHttp({
            url: `${baseUrl}/health`,
            child,
            what: "Synapse",
            timeoutMs: startTimeoutMs,
            isReady: async (res) => res.ok && (await res.text()).trim() === "OK",
        });
    } catch (e) {
        await stop();
        throw new Error(`${(e as Error).message}\n${await tail(logFile)}\n${await tail(consoleLog)}`);
    }
    log(`ready at ${baseUrl} (${serverName}) in ${((Date.now() - started) / 1000).toFixed(1)} s; data in ${dataDir}`);

    return {
        baseUrl,
        serverName,
        dataDir,
        logFile,
        registrationSharedSecret: secrets.registrationSharedSecret,
        stop,
        registerUser: (localpart, password, opts) =>
            registerUser(baseUrl, secrets.registrationSharedSecret, localpart, password, opts),
    };
}

/**
 * Creates a user through the shared-secret admin API and returns a logged-in device.
 * If the user exists already (a reused demo dir), logs in with the password instead.
 */
export async function registerUser(
    baseUrl: string,
    sharedSecret: string,
    localpart: string,
    password: string,
    options: RegisterOptions = {},
): Promise<MatrixSession> {
    const endpoint = "/_synapse/admin/v1/register";
    const { nonce } = await matrixRequest<{ nonce: string }>(baseUrl, "GET", endpoint);
    const mac = createHmac("sha1", sharedSecret)
        .update([nonce, localpart, password, options.admin ? "admin" : "notadmin"].join("\0"))
        .digest("hex");
    try {
        const body = await matrixRequest<{ user_id: string; access_token: string; device_id: string }>(
            baseUrl,
            "POST",
            endpoint,
            {
                body: {
                    nonce,
                    username: localpart,
                    password,
                    admin: options.admin ?? false,
                    displayname: options.displayName,
                    mac,
                },
            },
        );
        return { baseUrl, userId: body.user_id, accessToken: body.access_token, deviceId: body.device_id };
    } catch (e) {
        if (!(e instanceof MatrixHttpError && e.errcode === "M_USER_IN_USE")) throw e;
        const session = await login(baseUrl, localpart, password);
        if (options.displayName) await setDisplayName(session, options.displayName);
        return session;
    }
}
