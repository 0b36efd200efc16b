// `npm run bench [-- --no-build] [-- --runs N]`: runs bench/bench.ts with tsx, as e2e/ does.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const child = spawn("npx", ["tsx", path.join(here, "bench.ts"), ...process.argv.slice(2)], {
    cwd: path.join(here, ".."),
    stdio: "inherit",
});
// Ctrl-C reaches the whole foreground group; bench.ts cleans up on SIGINT and exits on its own.
process.on("SIGINT", () => {});
process.on("SIGTERM", () => child.kill("SIGTERM"));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
