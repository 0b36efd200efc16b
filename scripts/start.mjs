// `npm start`: builds Atrium when its sources changed since the last build, then brings up the demo
// stack (a local Synapse holding the demo company, the config service serving the app) and prints
// where to log in. `npm start -- --no-build` never builds; `npm run demo:reset` (`--reset`) starts
// the demo company over.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { run } from "./run.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const skipBuild = args.includes("--no-build");
const reset = args.includes("--reset");

/** What the web app is built from: when none of it is newer than the build, the build is current. */
const BUILD_INPUTS = [
    "src",
    "modules",
    "res",
    "contract",
    "build",
    "config.json",
    "webpack.config.js",
    "babel.config.js",
    "package-lock.json",
];

function newestChange(target) {
    const stat = statSync(target);
    if (!stat.isDirectory()) return stat.mtimeMs;
    let newest = stat.mtimeMs;
    for (const entry of readdirSync(target)) newest = Math.max(newest, newestChange(path.join(target, entry)));
    return newest;
}

function buildIsCurrent() {
    const built = path.join(root, "webapp", "index.html");
    if (!existsSync(built)) return false;
    const inputs = BUILD_INPUTS.map((name) => path.join(root, name)).filter((name) => existsSync(name));
    return Math.max(...inputs.map(newestChange)) < statSync(built).mtimeMs;
}

if (!skipBuild) {
    if (buildIsCurrent()) {
        console.log("start: webapp/ is newer than every source it is built from; reusing it (npm run build rebuilds)");
    } else {
        const build = await run("npm", ["run", "build"]);
        if (build.code !== 0) {
            console.error("start: the build failed; nothing was started");
            process.exit(build.code);
        }
    }
}

const demo = spawn(
    process.execPath,
    ["--import", "tsx", path.join(root, "e2e/demo.ts"), ...(reset ? ["--reset"] : [])],
    {
        cwd: root,
        stdio: "inherit",
    },
);
// Ctrl-C reaches the demo by itself (same process group); a SIGTERM sent to us alone is passed on,
// and either way we wait for the demo to stop Synapse and the service before leaving.
process.on("SIGINT", () => undefined);
process.on("SIGTERM", () => demo.kill("SIGTERM"));
demo.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
