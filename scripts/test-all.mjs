// `npm test`: type-check, lint (ESLint, Prettier, knip), unit and component tests, the production
// build, then the end-to-end suite against a real Synapse. Ends with one line summing every suite: "N passed, N failed".
import { run } from "./run.mjs";

const totals = { passed: 0, failed: 0, skipped: 0 };
let broken = false;

function count(text, pattern) {
    const match = text.match(pattern);
    return match ? Number(match[1]) : 0;
}

async function step(name, command, args, parse) {
    console.log(`\n=== ${name} ===`);
    const { code, output } = await run(command, args, { capture: Boolean(parse) });
    if (parse) {
        const counted = parse(output);
        totals.passed += counted.passed;
        totals.failed += counted.failed;
        totals.skipped += counted.skipped;
        // A runner that died before reporting still fails the run.
        if (code !== 0 && counted.failed === 0) totals.failed += 1;
    } else if (code !== 0) {
        totals.failed += 1;
    } else {
        totals.passed += 1;
    }
    if (code !== 0) {
        broken = true;
        console.error(`${name}: exit code ${code}`);
    }
    return code;
}

// Jest: "Tests:       2 failed, 1 skipped, 40 passed, 43 total"
const jestCounts = (out) => {
    const line = out.split("\n").find((l) => l.startsWith("Tests:")) ?? "";
    return {
        passed: count(line, /(\d+) passed/),
        failed: count(line, /(\d+) failed/),
        skipped: count(line, /(\d+) (skipped|todo)/),
    };
};
// Playwright's list reporter: "  12 passed (1.2m)", "  1 failed", "  2 skipped", "  1 flaky"
const playwrightCounts = (out) => ({
    passed: count(out, /^\s+(\d+) passed/m) + count(out, /^\s+(\d+) flaky/m),
    failed: count(out, /^\s+(\d+) failed/m) + count(out, /^\s+(\d+) interrupted/m),
    skipped: count(out, /^\s+(\d+) skipped/m) + count(out, /^\s+(\d+) did not run/m),
});

await step("type-check", "npm", ["run", "--silent", "typecheck"]);
// Fails on any ESLint error or warning, a file Prettier would change, or an unused file, export or dependency.
await step("lint (eslint, prettier, knip)", "npm", ["run", "--silent", "lint"]);
await step("unit and component tests (jest)", "npx", ["jest", "--ci"], jestCounts);
const buildCode = await step("production build", "npm", ["run", "--silent", "build"]);
if (buildCode === 0) {
    await step(
        "end-to-end (Playwright, real Synapse, Chromium)",
        "npx",
        ["playwright", "test", "-c", "e2e/playwright.config.ts"],
        playwrightCounts,
    );
} else {
    console.error("end-to-end: skipped, there is no build to test");
    broken = true;
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(broken ? 1 : 0);
