// `npm run lint`: ESLint (zero warnings), Prettier's check and knip (unused files, exports and
// dependencies). Runs all three, so one run shows every problem, and fails if any of them does.
import { run } from "./run.mjs";

const checks = [
    ["eslint", "lint:eslint"],
    ["prettier", "lint:format"],
    ["knip", "lint:unused"],
];

const failed = [];
for (const [name, script] of checks) {
    const { code } = await run("npm", ["run", "--silent", script]);
    if (code !== 0) failed.push(name);
}
if (failed.length > 0) {
    const hint = failed.includes("prettier") ? " (`npm run format` rewrites the files Prettier lists)" : "";
    console.error(`lint: ${failed.join(", ")} failed${hint}`);
    process.exit(1);
}
console.log("lint: eslint, prettier and knip found nothing");
