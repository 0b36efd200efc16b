import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { E2E_SERVER_NAME, e2ePorts, e2eWebappConfig } from "./config.ts";
import { defaultWebappDir, e2eStateDir } from "./paths.ts";
import { readStackInfo, stackInfoFile, type E2eStackInfo } from "./stack-info.ts";
import { ensureSynapseInstalled, startSynapse, stopLeftoverSynapse, type SynapseHandle } from "./synapse.ts";
import { hasWebBuild, MissingWebBuildError, serveWebapp, type WebappServer } from "./webapp.ts";

const DATA_DIR_PREFIX = "atrium-e2e-synapse-";

// Handles live here between globalSetup and globalTeardown (same runner process).
let running: { synapse: SynapseHandle; webapp: WebappServer | null } | undefined;

async function isNodeProcess(pid: number): Promise<boolean> {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
    return cmdline.includes("node");
}

/** A run killed before its teardown leaves its info file, Synapse and data dir behind: clear them. */
async function cleanUpCrashedRun(): Promise<void> {
    if (!existsSync(stackInfoFile)) return;
    const previous = await readStackInfo().catch(() => undefined);
    if (previous && (await isNodeProcess(previous.runnerPid))) {
        throw new Error(`An e2e run (pid ${previous.runnerPid}) is still using the stack; wait for it to finish`);
    }
    const synapse = previous?.synapse;
    if (synapse?.dataDir.startsWith(path.join(os.tmpdir(), DATA_DIR_PREFIX))) {
        await stopLeftoverSynapse(synapse.dataDir);
        await rm(synapse.dataDir, { recursive: true, force: true });
    }
    await rm(stackInfoFile, { force: true });
}

/** Starts a fresh Synapse and the web app for one test run and records how to reach them. */
export async function startE2eStack(): Promise<E2eStackInfo> {
    if (running) throw new Error("the e2e stack is already running");
    // Check for the build before spending time on Synapse.
    const webappDir = process.env.E2E_WEBAPP_DIR ?? defaultWebappDir;
    const serveApp = hasWebBuild(webappDir);
    if (!serveApp && process.env.E2E_NO_WEBAPP !== "1") {
        const error = new MissingWebBuildError(webappDir);
        error.message += " (or set E2E_NO_WEBAPP=1 to run only the tests that need no build)";
        throw error;
    }
    if (!serveApp) console.log("[webapp] no build to serve; going on without it because E2E_NO_WEBAPP=1");

    await cleanUpCrashedRun();
    await ensureSynapseInstalled();
    const ports = e2ePorts();
    const dataDir = await mkdtemp(path.join(os.tmpdir(), DATA_DIR_PREFIX));
    let synapse: SynapseHandle | undefined;
    let webapp: WebappServer | null = null;
    try {
        synapse = await startSynapse({ dataDir, port: ports.synapse, serverName: E2E_SERVER_NAME });
        if (serveApp) {
            const config = e2eWebappConfig(synapse.baseUrl);
            webapp = await serveWebapp({ webappDir, port: ports.webapp, config });
        }
    } catch (e) {
        await synapse?.stop();
        await rm(dataDir, { recursive: true, force: true });
        throw e;
    }
    running = { synapse, webapp };

    const info: E2eStackInfo = {
        runnerPid: process.pid,
        synapse: {
            baseUrl: synapse.baseUrl,
            serverName: synapse.serverName,
            registrationSharedSecret: synapse.registrationSharedSecret,
            dataDir: synapse.dataDir,
            logFile: synapse.logFile,
        },
        webapp: webapp && { url: webapp.url },
    };
    await mkdir(e2eStateDir, { recursive: true });
    await writeFile(stackInfoFile, JSON.stringify(info, null, 2));
    return info;
}

/** Stops what startE2eStack started; keeps Synapse's log as .e2e/last-run-synapse.log. */
export async function stopE2eStack(): Promise<void> {
    if (!running) return;
    const { synapse, webapp } = running;
    running = undefined;
    await webapp?.stop();
    await synapse.stop();
    await copyFile(synapse.logFile, path.join(e2eStateDir, "last-run-synapse.log")).catch(() => undefined);
    if (process.env.E2E_KEEP_SYNAPSE_DATA === "1") console.log(`[synapse] data kept in ${synapse.dataDir}`);
    else await rm(synapse.dataDir, { recursive: true, force: true });
    await rm(stackInfoFile, { force: true });
}
