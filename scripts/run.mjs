// Runs a command with inherited output; resolves with its exit code and, if asked, its output.
import { spawn } from "node:child_process";

export function run(command, args, { capture = false, env = process.env } = {}) {
    return new Promise((resolve) => {
        const child = spawn(command, args, { env, stdio: capture ? ["ignore", "pipe", "pipe"] : "inherit" });
        let output = "";
        if (capture) {
            child.stdout.on("data", (d) => {
                output += d;
                process.stdout.write(d);
            });
            child.stderr.on("data", (d) => {
                output += d;
                process.stderr.write(d);
            });
        }
        child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
    });
}
