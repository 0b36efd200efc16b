// `npm start`: builds Atrium, then brings up the demo stack (a local Synapse with demo users and
// the app) and prints where to log in. `npm start -- --no-build` reuses the last build.
import { run } from "./run.mjs";

const skipBuild = process.argv.includes("--no-build");
if (!skipBuild) {
    const build = await run("npm", ["run", "build"]);
    if (build.code !== 0) {
        console.error("start: the build failed; nothing was started");
        process.exit(build.code);
    }
}
const demo = await run("npx", ["tsx", "e2e/demo.ts"]);
process.exit(demo.code);
