// Production builds for the bench: one at a time, never beside another webpack on this 2-core machine.
import { spawn } from "node:child_process";
import { createWriteStream, existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import { runCaptured } from "../e2e/harness/process.ts";
import { readStackInfo, stackInfoFile } from "../e2e/harness/stack-info.ts";

const POLL_MS = 5_000;
const MAX_WAIT_MS = 30 * 60_000;

/** Other webpack processes on the machine (pgrep is run directly, so it never matches itself). */
async function otherWebpackProcesses(): Promise<string[]> {
    try {
        const out = await runCaptured("pgrep", ["-af", "webpack.js"]);
        return out.split("\n").filter((line) => line.trim() && !line.startsWith(`${process.pid} `));
    } catch {
        return []; // pgrep exits 1 when nothing matches
    }
}

/** The pid of a Playwright e2e run that is serving webapp/ right now, if any. */
async function liveE2eRun(): Promise<number | null> {
    if (!existsSync(stackInfoFile)) return null;
    const info = await readStackInfo().catch(() => null);
    if (!info) return null;
    const cmdline = await readFile(`/proc/${info.runnerPid}/cmdline`, "utf8").catch(() => "");
    return cmdline.includes("node") ? info.runnerPid : null;
}

/**
 * Waits until no webpack is running (two builds must never share the two cores) and no e2e run
 * is serving webapp/ (a build empties it first).
 */
export async function waitForNoOtherBuild(log: (message: string) => void): Promise<void> {
    const started = Date.now();
    let announced = "";
    for (;;) {
        const others = await otherWebpackProcesses();
        const e2ePid = await liveE2eRun();
        if (others.length === 0 && e2ePid === null) return;
        const reason = others.length
            ? `another webpack is running; waiting for it to finish:\n  ${others.join("\n  ")}`
            : `an e2e run (pid ${e2ePid}) is serving webapp/; waiting for it to finish`;
        if (reason !== announced) log(reason);
        announced = reason;
        if (Date.now() - started > MAX_WAIT_MS) throw new Error(`gave up after waiting ${MAX_WAIT_MS / 60_000} min`);
        await sleep(POLL_MS);
    }
}

export interface BuildResult {
    wallMs: number;
    logFile: string;
}

/** Runs `npm run <script>` with its output in `logFile`; on failure shows the log's last lines. */
export async function runBuild(script: string, cwd: string, logFile: string): Promise<BuildResult> {
    await mkdir(path.dirname(logFile), { recursive: true });
    const started = Date.now();
    const log = createWriteStream(logFile);
    const code = await new Promise<number>((resolve, reject) => {
        const child = spawn("npm", ["run", script], { cwd, stdio: ["ignore", "pipe", "pipe"] });
        child.stdout.pipe(log, { end: false });
        child.stderr.pipe(log, { end: false });
        child.on("error", reject);
        child.on("close", (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
    });
    await new Promise<void>((resolve) => log.end(resolve));
    if (code !== 0) {
        const text = await readFile(logFile, "utf8");
        const lines = text.trimEnd().split("\n").slice(-40).join("\n");
        const hint = text.includes("Some kind of unexpected caching problem occurred")
            ? "\nHint: webpack's persistent cache (.cache/webpack) restored a module but not an asset that its " +
              "loader emits through a child compiler (e.g. recorder-worklet from build/worklet-loader.js); the " +
              "loader must not be cached (this.cacheable(false)) or must emit the file with this.emitFile. " +
              "Until then, a build after an unchanged warm cache fails; the last good outputs are left in place, " +
              "so `npm run bench -- --no-build` still measures them."
            : "";
        throw new Error(`npm run ${script} failed (exit ${code}); full log in ${logFile}\n${lines}${hint}`);
    }
    return { wallMs: Date.now() - started, logFile };
}
