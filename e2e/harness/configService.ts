// The real config service (service/) as its own process, as it runs in production: a test can
// stop it like an outage would, and the demo stack runs it in front of the web app.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

import { repoRoot } from "./paths.ts";
import { waitForHttp } from "./process.ts";

export interface RunningConfigService {
    url: string;
    stop(): Promise<void>;
}

const START_TIMEOUT_MS = 30_000;

export async function startConfigService(options: {
    tenantsDir: string;
    port: number;
    webappDir?: string;
    webOrigins?: string[];
    /** The service's data folder (the directory's saved copy); none: memory only. */
    dataDir?: string;
}): Promise<RunningConfigService> {
    const args = ["--import", "tsx", path.join(repoRoot, "service/src/main.ts"), "--tenants", options.tenantsDir];
    args.push("--port", String(options.port), "--host", "127.0.0.1");
    if (options.webappDir) args.push("--webapp", options.webappDir);
    if (options.dataDir) args.push("--data", options.dataDir);
    if (options.webOrigins?.length) args.push("--web-origins", options.webOrigins.join(","));
    args.push("--log-level", process.env.ATRIUM_SERVICE_LOG_LEVEL ?? "warn");
    const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ["ignore", "inherit", "inherit"] });
    const url = `http://127.0.0.1:${options.port}`;
    try {
        await waitForHttp({ url: `${url}/healthz`, child, what: "the config service", timeoutMs: START_TIMEOUT_MS });
    } catch (error) {
        child.kill("SIGKILL");
        throw error;
    }
    return { url, stop: () => stopProcess(child) };
}

function stopProcess(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
        const killer = setTimeout(() => child.kill("SIGKILL"), 5000);
        child.once("exit", () => {
            clearTimeout(killer);
            resolve();
        });
        child.kill("SIGTERM");
    });
}
