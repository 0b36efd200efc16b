import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

/** Runs a command to completion with its output shown; rejects on a non-zero exit. */
export function runVisible(command: string, args: string[], options: { cwd?: string } = {}): Promise<void> {
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, { cwd: options.cwd, stdio: ["ignore", "inherit", "inherit"] });
        child.on("error", reject);
        child.on("exit", (code, signal) => {
            if (code === 0) resolve();
            else reject(new Error(`${command} ${args.join(" ")} failed (${signal ?? `exit ${code}`})`));
        });
    });
}

/** Runs a command and returns its trimmed stdout; rejects with stderr on failure. */
export function runCaptured(
    command: string,
    args: string[],
    options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<string> {
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], env: options.env, cwd: options.cwd });
        let out = "";
        let err = "";
        child.stdout.on("data", (d) => (out += d));
        child.stderr.on("data", (d) => (err += d));
        child.on("error", reject);
        child.on("exit", (code) => {
            if (code === 0) resolve(out.trim());
            else reject(new Error(`${command} ${args.join(" ")} failed (exit ${code}): ${err.trim()}`));
        });
    });
}

export interface WaitForHttpOptions {
    url: string;
    /** The server's process: if it exits first, waiting stops with an error. */
    child: ChildProcess;
    /** Its name in error messages, e.g. "Synapse". */
    what: string;
    timeoutMs: number;
    /** Whether an answer means ready; by default any 2xx. */
    isReady?: (response: Response) => Promise<boolean>;
    /** Extra text for the error when the process exits early (e.g. the tail of its stderr). */
    exitDetail?: () => string;
    pollMs?: number;
}

/** Polls `url` until the server that `child` runs answers as ready; fails early if it exits. */
export async function waitForHttp(options: WaitForHttpOptions): Promise<void> {
    const { url, child, what, timeoutMs, pollMs = 200 } = options;
    const isReady =
        options.isReady ??
        (async (response: Response) => {
            await response.arrayBuffer();
            return response.ok;
        });
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
        if (child.exitCode !== null || child.signalCode !== null) {
            const detail = options.exitDetail?.() ?? "";
            throw new Error(
                `${what} exited (${child.signalCode ?? `exit ${child.exitCode}`}) before it answered${detail ? `:\n${detail}` : ""}`,
            );
        }
        const ready = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(isReady, () => false);
        if (ready) return;
        await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
    throw new Error(`${what} did not answer ${url} within ${timeoutMs / 1000} s`);
}

/** Fails with a clear message when 127.0.0.1:port is taken (`what` names the server that wants it). */
export async function assertPortFree(port: number, what: string, envVar?: string): Promise<void> {
    const hint = envVar ? ` (${envVar})` : "";
    await new Promise<void>((resolve, reject) => {
        const probe = net.createServer();
        probe.once("error", (e: NodeJS.ErrnoException) =>
            reject(
                new Error(
                    e.code === "EADDRINUSE"
                        ? `127.0.0.1:${port} is already in use (a ${what} left from an earlier run?); free it or choose another port${hint}`
                        : `cannot probe 127.0.0.1:${port}: ${e.message}`,
                ),
            ),
        );
        probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
    });
}

/** Resolves true once `child` has exited (at once if it has), false after `timeoutMs`. */
export function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
    return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        child.once("exit", () => {
            clearTimeout(timer);
            resolve(true);
        });
    });
}

/** Resolves once 127.0.0.1:port accepts TCP connections; fails early if `child` exits first. */
export async function waitForPort(options: {
    port: number;
    child: ChildProcess;
    what: string;
    timeoutMs: number;
    exitDetail?: () => string;
}): Promise<void> {
    const { port, child, what, timeoutMs } = options;
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
        if (child.exitCode !== null || child.signalCode !== null) {
            const detail = options.exitDetail?.() ?? "";
            throw new Error(
                `${what} exited (${child.signalCode ?? `exit ${child.exitCode}`}) before it listened${detail ? `:\n${detail}` : ""}`,
            );
        }
        const open = await new Promise<boolean>((resolve) => {
            const socket = net.connect(port, "127.0.0.1");
            socket.once("connect", () => {
                socket.destroy();
                resolve(true);
            });
            socket.once("error", () => resolve(false));
        });
        if (open) return;
        await sleep(100);
    }
    throw new Error(`${what} did not listen on 127.0.0.1:${port} within ${timeoutMs / 1000} s`);
}
