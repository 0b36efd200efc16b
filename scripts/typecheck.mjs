// Type-checks Atrium (src/, modules/, test/) with the SDKs' sources it imports, then service/.
// Errors inside SDK files that our seam map replaces are expected: webpack never compiles those
// originals (see src/seams/sdk-replacements.json). Every other error fails the check.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const { loadReplacements, root } = require("../build/sdk-replacements.js");

const replacements = loadReplacements();
const replacedFiles = new Set(replacements.map((r) => path.relative(root, r.original)));
// A replacement limited to some importers ("onlyFrom") stands in for a module specifier there.
const shimmed = replacements
    .filter((r) => r.onlyFrom)
    .map((r) => ({
        importers: path.relative(root, r.onlyFrom),
        specifier: r.request ?? r.target.replace(/\/index\.tsx?$/, "").replace(/\.tsx?$/, ""),
    }));
// Type errors a compat entry knowingly leaves in the code it serves, counted so a new one surfaces.
const knownErrors = replacements
    .filter((r) => r.expectedTypeErrors)
    .map((r) => ({ target: r.target, ...r.expectedTypeErrors }));

const tsc = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "--noEmit", "-p", "tsconfig.json"], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
});
const errors = tsc.stdout.split("\n").filter((line) => /^\S.*\(\d+,\d+\): error TS/.test(line));

const underKnown = (line) => knownErrors.find((k) => line.startsWith(k.under));

function expected(line) {
    const file = line.slice(0, line.indexOf("("));
    if (replacedFiles.has(file)) return true;
    if (underKnown(line)) return true;
    return shimmed.some((s) => file.startsWith(s.importers) && line.includes(`"${s.specifier}"`));
}

for (const known of knownErrors) {
    const found = errors.filter((line) => line.startsWith(known.under)).length;
    if (found !== known.count) {
        console.error(errors.filter((line) => line.startsWith(known.under)).join("\n"));
        console.error(`typecheck: ${found} error(s) under ${known.under}, but ${known.target} declares ${known.count}`);
        process.exit(1);
    }
}
const tolerated = errors.filter(expected);
const real = errors.filter((line) => !expected(line));
if (tolerated.length)
    console.log(`typecheck: ${tolerated.length} error(s) in SDK files that Atrium replaces (expected)`);
if (tsc.status !== 0 && errors.length === 0) {
    console.error(tsc.stdout + tsc.stderr);
    process.exit(1);
}
if (real.length) {
    console.error(real.join("\n"));
    console.error(`typecheck: ${real.length} error(s)`);
    process.exit(1);
}
console.log("typecheck: no errors in Atrium's code");

// The config service has its own settings (Node ESM); any error there fails the check.
const service = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "service/tsconfig.json"], {
    cwd: root,
    encoding: "utf8",
});
if (service.status !== 0) {
    console.error(service.stdout + service.stderr);
    console.error("typecheck: errors in service/");
    process.exit(1);
}
console.log("typecheck: no errors in service/");

// The admin command-line tools (admin/): Node ESM like the service.
const admin = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "admin/tsconfig.json"], {
    cwd: root,
    encoding: "utf8",
});
if (admin.status !== 0) {
    console.error(admin.stdout + admin.stderr);
    console.error("typecheck: errors in admin/");
    process.exit(1);
}
console.log("typecheck: no errors in admin/");
