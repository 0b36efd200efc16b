// `npm run test:mutation`: mutation testing with StrykerJS and its jest runner, one folder at a time,
// then the score per folder. Incremental: each folder keeps Stryker's results in
// .cache/stryker/<folder>.json, so a rerun tests only the mutants whose code or tests changed.
//
//   npm run test:mutation                                   # every folder
//   npm run test:mutation -- --mutate 'src/security/**'     # the folders that glob touches, that glob only
//   npm run test:mutation -- --folder service/src --force   # one folder, all mutants again
//   npm run test:mutation -- --ignore-static                # skip load-time mutants (much faster; not scored)
//   npm run test:mutation -- --folder service/src --mutate service/src/etag.ts --tests '<rootDir>/service/src/etag.test.ts'
//                                                           # only these tests: a quick lower bound of the score
//
// Slow on a small machine (minutes per folder): not part of `npm test`. docs/testing.md has the scores.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { Stryker } from "@stryker-mutator/core";

import { FOLDERS } from "./mutationFolders.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const NOT_MUTATED = ["!**/*.test.ts", "!**/*.test.tsx", "!**/testSupport.ts", "!**/testTree.ts"];

function parseArgs(argv) {
    const args = { mutate: [], folders: [], tests: [], force: false, concurrency: 2, ignoreStatic: false };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === "--mutate") args.mutate.push(argv[++i]);
        else if (arg === "--folder") args.folders.push(argv[++i].replace(/\/$/, ""));
        else if (arg === "--tests") args.tests.push(argv[++i]);
        else if (arg === "--force") args.force = true;
        else if (arg === "--ignore-static") args.ignoreStatic = true;
        else if (arg === "--concurrency") args.concurrency = Number(argv[++i]);
        else
            throw new Error(
                `Unknown option ${arg}: use --mutate GLOB, --folder PATH, --tests GLOB, --force, --ignore-static, --concurrency N`,
            );
    }
    if (!Number.isInteger(args.concurrency) || args.concurrency < 1)
        throw new Error("--concurrency needs a whole number ≥ 1");
    return args;
}

/** The fixed leading directories of a glob ("src/security/**" → "src/security"). */
const globBase = (glob) =>
    glob
        .split("/")
        .filter((part, i, parts) => !parts.slice(0, i + 1).some((p) => /[*?[{]/.test(p)))
        .join("/");

/** Which folders to run, and what to mutate in each. */
function plan(args) {
    const unknown = args.folders.filter((name) => !FOLDERS.some((f) => f.path === name));
    if (unknown.length)
        throw new Error(
            `Not a mutation folder: ${unknown.join(", ")} (known: ${FOLDERS.map((f) => f.path).join(", ")})`,
        );
    const chosen = args.folders.length ? FOLDERS.filter((f) => args.folders.includes(f.path)) : FOLDERS;
    if (!args.mutate.length) return chosen.map((folder) => ({ folder, mutate: folder.mutate }));
    const runs = [];
    for (const folder of chosen) {
        const globs = args.mutate.filter((glob) => {
            const base = globBase(glob);
            return (
                base === folder.path ||
                base.startsWith(folder.path + "/") ||
                folder.path.startsWith(base + "/") ||
                base === ""
            );
        });
        if (globs.length) runs.push({ folder, mutate: globs });
    }
    if (!runs.length)
        throw new Error(`--mutate ${args.mutate.join(" ")} touches none of: ${FOLDERS.map((f) => f.path).join(", ")}`);
    return runs;
}

function strykerOptions(folder, mutate, args) {
    const slug = folder.path.replace(/[/]/g, "-");
    return {
        testRunner: "jest",
        plugins: ["@stryker-mutator/jest-runner"],
        mutate: [...mutate, ...NOT_MUTATED],
        // Only the tests that reach this folder's code, and per mutant only those that cover it.
        coverageAnalysis: "perTest",
        // Test files that choose their environment in a docblock get Stryker's wrapper of it (sandbox only).
        buildCommand: "node scripts/mutationSandbox.mjs",
        jest: {
            projectType: "custom",
            configFile: "jest.config.js",
            // Shared between runs (each sandbox is new): the SDK's compiled sources stay cached.
            // --tests narrows a run to some of the folder's tests: fewer kills at most, so a lower bound.
            config: {
                testMatch: args.tests.length ? args.tests : folder.tests,
                cacheDirectory: path.join(root, ".cache/jest-stryker"),
            },
            // Per mutant, only the test files that import the mutated file (then only the tests that cover it).
            enableFindRelatedTests: true,
        },
        concurrency: args.concurrency,
        incremental: true,
        incrementalFile: `.cache/stryker/${slug}.json`,
        force: args.force,
        // Mutants in code that runs once at load (module constants) need every test file reloaded.
        ignoreStatic: args.ignoreStatic,
        timeoutMS: 20_000,
        dryRunTimeoutMinutes: 20,
        reporters: ["clear-text", "progress", "html", "json"],
        htmlReporter: { fileName: `.cache/stryker/${slug}.html` },
        jsonReporter: { fileName: `.cache/stryker/${slug}.report.json` },
        clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: true },
        // Only what the tests read goes into the sandbox copy.
        ignorePatterns: [
            "/webapp",
            "/webapp-*",
            "/.e2e",
            "/.cache",
            "/bench",
            // The e2e harness stays: some service tests start slapd or Synapse, or build a company, with it.
            "/e2e/*",
            "!/e2e/harness",
            "!/e2e/synapse",
            "!/e2e/package.json",
            "/docs",
            "/reports",
            "/.generated",
            "/test-results",
            "/res/i18n-gen",
        ],
        tempDirName: ".cache/stryker-tmp",
        cleanTempDir: true,
        thresholds: { high: 90, low: 80, break: null },
    };
}

/** Stryker's score: detected (killed, timed out) among the valid mutants (not ignored, not failing to run). */
function score(results) {
    const count = (...statuses) => results.filter((r) => statuses.includes(r.status)).length;
    const detected = count("Killed", "Timeout");
    const undetected = count("Survived", "NoCoverage");
    const total = detected + undetected;
    return {
        detected,
        undetected,
        survived: count("Survived"),
        noCoverage: count("NoCoverage"),
        total,
        percent: total ? (100 * detected) / total : NaN,
    };
}

async function main() {
    const args = parseArgs(process.argv.slice(2));
    // Instrumented code runs many times slower: tests that check something is quick allow for it
    // (service/src/testSupport.ts). Stryker's test runner processes inherit this.
    process.env.ATRIUM_TIMING_FACTOR = "30";
    mkdirSync(path.join(root, ".cache/stryker"), { recursive: true });
    const rows = [];
    for (const { folder, mutate } of plan(args)) {
        console.log(`\n=== mutation testing ${folder.path} (${mutate.join(" ")}) ===`);
        const results = await new Stryker(strykerOptions(folder, mutate, args)).runMutationTest();
        rows.push({ folder: folder.path, mutate, ...score(results) });
    }
    console.log("\nMutation score per folder (killed or timed out / valid mutants):");
    for (const row of rows) {
        const scope =
            row.mutate.join(" ") === FOLDERS.find((f) => f.path === row.folder).mutate.join(" ")
                ? ""
                : ` [${row.mutate.join(" ")}]`;
        console.log(
            `  ${row.folder.padEnd(40)} ${Number.isNaN(row.percent) ? "  n/a" : row.percent.toFixed(1).padStart(5) + " %"}  ` +
                `${row.detected}/${row.total} (survived ${row.survived}, no coverage ${row.noCoverage})${scope}`,
        );
    }
}

main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
});
