// Stryker's build step (scripts/mutation.mjs), run inside its sandbox copy only. Two things jest would
// otherwise get wrong there:
// - a test file that picks its jest environment in a docblock (`@jest-environment node`) would bypass
//   the Stryker-aware environment that reports which test covers which mutant: such docblocks name
//   Stryker's wrapper of the same environment instead;
// - Stryker's jest runner skips jest's globalSetup, which generates the config validator the tests
//   import: it is generated here.
// - the directory test's Synapse needs the harness's venv (below).
// The repository's own files are never touched.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const sandbox = process.cwd();
if (!sandbox.split(path.sep).includes("stryker-tmp")) {
    console.error(`mutationSandbox: ${sandbox} is not a Stryker sandbox; nothing changed`);
    process.exit(1);
}

const DOCBLOCK_ENV = /@jest-environment\s+(node|jsdom)\b/;
const SKIP = new Set(["node_modules", ".cache", ".git"]);

function* testFiles(dir) {
    for (const name of readdirSync(dir)) {
        if (SKIP.has(name)) continue;
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) yield* testFiles(file);
        else if (/\.test\.tsx?$/.test(name)) yield file;
    }
}

let changed = 0;
for (const dir of ["src", "service", "modules", "test", "contract"]) {
    for (const file of testFiles(path.join(sandbox, dir))) {
        const text = readFileSync(file, "utf8");
        if (!DOCBLOCK_ENV.test(text)) continue;
        writeFileSync(
            file,
            text.replace(DOCBLOCK_ENV, (_, env) => `@jest-environment @stryker-mutator/jest-runner/jest-env/${env}`),
        );
        changed++;
    }
}
console.log(`mutationSandbox: ${changed} test file(s) now use Stryker's environment`);

// The service's directory test starts Synapse from the harness's venv (.e2e/venv, not copied): the
// project's own, when it has one, instead of a fresh install from PyPI in every sandbox.
const projectVenv = path.resolve(sandbox, "../../../.e2e/venv");
if (existsSync(projectVenv)) {
    mkdirSync(path.join(sandbox, ".e2e"), { recursive: true });
    symlinkSync(projectVenv, path.join(sandbox, ".e2e/venv"), "dir");
}

createRequire(import.meta.url)(path.join(sandbox, "build/config-validator.js")).writeConfigValidator();
