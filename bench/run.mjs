// `npm run bench [-- --no-build] [-- --runs N] [-- --no-sessions] [-- --profile] [-- --no-navigator] [-- --no-service] [-- --no-directory]`:
// the login-page and build figures (bench/bench.ts), the 1,000-room account's session to ready, room
// switch and heap (bench/session.ts), the space navigator against the classic room list at 10,000
// rooms (bench/navigator.ts), then the config service beside nginx (bench/configService.ts), then the
// company directory with 100,000 people in slapd (bench/directory.ts), in one run.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const withService = !args.includes("--no-service");
const withNavigator = !args.includes("--no-navigator");
const withSessions = !args.includes("--no-sessions");
const withDirectory = !args.includes("--no-directory");

function runTs(file, fileArgs) {
    return new Promise((resolve) => {
        const child = spawn("npx", ["tsx", path.join(here, file), ...fileArgs], {
            cwd: path.join(here, ".."),
            stdio: "inherit",
        });
        const forward = () => child.kill("SIGTERM");
        process.on("SIGTERM", forward);
        child.on("exit", (code, signal) => {
            process.off("SIGTERM", forward);
            resolve(code ?? (signal ? 1 : 0));
        });
    });
}

// Ctrl-C reaches the whole foreground group; each bench cleans up on SIGINT and exits on its own.
process.on("SIGINT", () => {});
const appCode = await runTs(
    "bench.ts",
    args.filter((a) => !["--no-service", "--no-navigator", "--no-sessions", "--no-directory", "--profile"].includes(a)),
);
const runsAt = args.indexOf("--runs");
const runsArgs = runsAt >= 0 ? args.slice(runsAt, runsAt + 2) : [];
// The large account (seeded once, npm run seed:large) in the two builds bench.ts just made; with
// --profile, also where the main thread's time goes before and after the initial /sync.
const sessionArgs = [...runsArgs, ...(args.includes("--profile") ? ["--profile"] : [])];
const sessionCode = withSessions ? await runTs("session.ts", sessionArgs) : 0;
// The navigator bench builds its own page; --runs applies to it too, and --profile profiles its first render.
const navigatorCode = withNavigator ? await runTs("navigator.ts", sessionArgs) : 0;
const serviceCode = withService ? await runTs("configService.ts", []) : 0;
// The directory's browser rows use the web build bench.ts made (webapp/).
const directoryCode = withDirectory ? await runTs("directory.ts", []) : 0;
process.exit(appCode || sessionCode || navigatorCode || serviceCode || directoryCode);
