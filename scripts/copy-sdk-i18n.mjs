// Fills .generated/i18n with the SDK's translation files, content-hashed, and the languages.json
// index that the SDK's languageHandler imports through the `$webapp` alias.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const { languageKeyForFile } = require("../build/languages.js");

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const sdkStrings = path.join(root, "node_modules/matrix-react-sdk/src/i18n/strings");
const outDir = path.join(root, ".generated/i18n");

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const index = {};
for (const file of readdirSync(sdkStrings)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const text = readFileSync(path.join(sdkStrings, file));
    const hash = createHash("sha256").update(text).digest("hex").slice(0, 8);
    const baseName = path.basename(file, ".json");
    const outName = `${baseName}.${hash}.json`;
    writeFileSync(path.join(outDir, outName), text);
    index[languageKeyForFile(baseName)] = outName;
}
writeFileSync(path.join(outDir, "languages.json"), JSON.stringify(index, null, 2));
console.log(`i18n: ${Object.keys(index).length} SDK languages written to .generated/i18n`);
