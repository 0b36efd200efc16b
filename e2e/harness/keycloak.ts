// A real Keycloak for the sign-in tests: the server distribution from Maven Central, fetched with
// Maven into .cache/keycloak once and unpacked once, started in dev mode on loopback with an
// in-memory database and the test realm imported at start. Only the specs that need it start it.
import { spawn } from "node:child_process";
import { existsSync, openSync, closeSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

import { keycloakAdminToken, type KeycloakAdmin } from "../../admin/accounts/keycloakSource.ts";
import { e2eStateDir, repoRoot } from "./paths.ts";
import { assertPortFree, runCaptured, runVisible, waitForExit, waitForHttp } from "./process.ts";

export const KEYCLOAK_VERSION = "26.7.3";
const ARTIFACT = `org.keycloak:keycloak-quarkus-dist:${KEYCLOAK_VERSION}:tar.gz`;
const cacheDir = path.join(repoRoot, ".cache", "keycloak");
/** The unpacked distribution; its first start runs Keycloak's build step, kept for later starts. */
export const keycloakHome = path.join(cacheDir, `keycloak-${KEYCLOAK_VERSION}`);
const kcScript = path.join(keycloakHome, "bin", "kc.sh");

const STOP_GRACE_MS = 15_000;

export function keycloakPort(): number {
    return Number(process.env.E2E_KEYCLOAK_PORT ?? 18180);
}

function log(message: string): void {
    console.log(`[keycloak] ${message}`);
}

async function assertJava(): Promise<void> {
    try {
        await runCaptured("java", ["-version"]);
    } catch (e) {
        throw new Error(
            `Keycloak needs Java 17 or newer on the PATH (Debian: apt-get install openjdk-17-jre-headless): ${(e as Error).message}`,
        );
    }
}

/** Fetches and unpacks the distribution into .cache/keycloak unless it is there already. */
export async function ensureKeycloakInstalled(): Promise<string> {
    if (existsSync(kcScript)) return keycloakHome;
    await mkdir(cacheDir, { recursive: true });
    const started = Date.now();
    log(`fetching ${ARTIFACT} from Maven Central with mvn (about 180 MB, once)`);
    try {
        await runVisible("mvn", [
            "-q",
            "-B",
            "dependency:copy",
            `-Dartifact=${ARTIFACT}`,
            `-DoutputDirectory=${cacheDir}`,
        ]);
    } catch (e) {
        throw new Error(`Could not fetch Keycloak with Maven (is mvn installed?): ${(e as Error).message}`);
    }
    const tarball = path.join(cacheDir, `keycloak-quarkus-dist-${KEYCLOAK_VERSION}.tar.gz`);
    // Unpacked beside its final place and moved there whole, so a broken unpack is never mistaken for a good one.
    const unpacking = path.join(cacheDir, "unpacking");
    await rm(unpacking, { recursive: true, force: true });
    await mkdir(unpacking);
    await runVisible("tar", ["-xzf", tarball, "-C", unpacking]);
    await rename(path.join(unpacking, `keycloak-${KEYCLOAK_VERSION}`), keycloakHome);
    await rm(unpacking, { recursive: true, force: true });
    // Maven keeps its own copy in ~/.m2; this one is not needed once unpacked.
    await rm(tarball, { force: true });
    log(`unpacked into ${path.relative(repoRoot, keycloakHome)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return keycloakHome;
}

export interface StartKeycloakOptions {
    port?: number;
    /** Realm representations to import at start (see keycloak-realm.ts). */
    realms: Record<string, unknown>[];
    startTimeoutMs?: number;
}

export interface KeycloakHandle extends KeycloakAdmin {
    /** http://127.0.0.1:PORT */
    baseUrl: string;
    logFile: string;
    /** The issuer of a realm, as Synapse's oidc_providers entry names it. */
    issuer(realm: string): string;
    /** Ends every session of a user through the admin API; Keycloak sends the back-channel logouts. */
    logoutUser(realm: string, userId: string): Promise<void>;
    /** Enables or disables a user through the admin API. */
    setUserEnabled(realm: string, userId: string, enabled: boolean): Promise<void>;
    stop(): Promise<void>;
}

async function tail(file: string, lines = 40): Promise<string> {
    if (!existsSync(file)) return `(no ${path.basename(file)})`;
    const text = await readFile(file, "utf8");
    return `--- last lines of ${file} ---\n${text.trimEnd().split("\n").slice(-lines).join("\n")}`;
}

/** Starts Keycloak on 127.0.0.1 and resolves once every imported realm answers its discovery document. */
export async function startKeycloak(options: StartKeycloakOptions): Promise<KeycloakHandle> {
    const port = options.port ?? keycloakPort();
    const { startTimeoutMs = 180_000 } = options;
    await assertJava();
    const home = await ensureKeycloakInstalled();
    await assertPortFree(port, "Keycloak", "E2E_KEYCLOAK_PORT");

    // `--import-realm` reads data/import; what an earlier run left there must not come back.
    const importDir = path.join(home, "data", "import");
    await rm(importDir, { recursive: true, force: true });
    await mkdir(importDir, { recursive: true });
    for (const realm of options.realms) {
        await writeFile(path.join(importDir, `${String(realm.realm)}.json`), JSON.stringify(realm));
    }

    await mkdir(e2eStateDir, { recursive: true });
    const logFile = path.join(e2eStateDir, `keycloak-${port}.log`);
    const adminUser = "admin";
    const adminPassword = "atrium-e2e-keycloak-admin";
    const out = openSync(logFile, "w");
    const args = [
        "start-dev",
        "--http-host=127.0.0.1",
        `--http-port=${port}`,
        // Pinned: otherwise the issuer follows each request's Host header.
        `--hostname=http://127.0.0.1:${port}`,
        `--http-management-port=${port + 1}`,
        "--import-realm",
        // A build option: changing it costs a rebuild, so every start uses the same.
        "--db=dev-mem",
    ];
    // detached: its own process group, since kc.sh may leave java as a child rather than exec into it.
    const child = spawn(kcScript, args, {
        cwd: home,
        detached: true,
        stdio: ["ignore", out, out],
        env: {
            ...process.env,
            KC_BOOTSTRAP_ADMIN_USERNAME: adminUser,
            KC_BOOTSTRAP_ADMIN_PASSWORD: adminPassword,
            // Keycloak sizes its heap from the machine's memory by default; the test realm needs little.
            JAVA_OPTS_KC_HEAP: "-Xms64m -Xmx768m",
        },
    });
    closeSync(out);
    const killGroup = (signal: NodeJS.Signals): void => {
        try {
            process.kill(-child.pid!, signal);
        } catch {
            // already gone
        }
    };
    const killOnExit = (): void => killGroup("SIGKILL");
    process.once("exit", killOnExit);

    const stop = async (): Promise<void> => {
        process.removeListener("exit", killOnExit);
        if (await waitForExit(child, 0)) return;
        killGroup("SIGTERM");
        if (!(await waitForExit(child, STOP_GRACE_MS))) {
            log(`Keycloak ignored SIGTERM for ${STOP_GRACE_MS / 1000} s; killing it`);
            killGroup("SIGKILL");
            await waitForExit(child, 5_000);
        }
    };

    const baseUrl = `http://127.0.0.1:${port}`;
    const started = Date.now();
    try {
        for (const realm of options.realms) {
            await waitForHttp({
                url: `${baseUrl}/realms/${String(realm.realm)}/.well-known/openid-configuration`,
                child,
                what: "Keycloak",
                timeoutMs: Math.max(1_000, startTimeoutMs - (Date.now() - started)),
                pollMs: 500,
            });
        }
    } catch (e) {
        await stop();
        throw new Error(`${(e as Error).message}\n${await tail(logFile)}`);
    }
    log(`ready at ${baseUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s; log in ${logFile}`);

    const admin: KeycloakAdmin = { baseUrl, adminUser, adminPassword };
    const adminCall = async (method: string, apiPath: string, body?: unknown): Promise<unknown> => {
        const token = await keycloakAdminToken(admin);
        const response = await fetch(`${baseUrl}/admin${apiPath}`, {
            method,
            headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
            body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await response.text();
        if (!response.ok) throw new Error(`Keycloak ${method} ${apiPath} -> ${response.status}: ${text}`);
        return text ? JSON.parse(text) : undefined;
    };
    const r = encodeURIComponent;
    const userPath = (realm: string, userId: string): string => `/realms/${r(realm)}/users/${r(userId)}`;
    return {
        ...admin,
        logFile,
        issuer: (realm) => `${baseUrl}/realms/${realm}`,
        logoutUser: async (realm, userId) => {
            await adminCall("POST", `${userPath(realm, userId)}/logout`);
        },
        setUserEnabled: async (realm, userId, enabled) => {
            // The whole representation goes back: the user profile checks its required fields on update.
            const user = (await adminCall("GET", userPath(realm, userId))) as Record<string, unknown>;
            await adminCall("PUT", userPath(realm, userId), { ...user, enabled });
        },
        stop,
    };
}
