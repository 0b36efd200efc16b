import { spawn } from "node:child_process";

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
export function runCaptured(command: string, args: string[]): Promise<string> {
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
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
