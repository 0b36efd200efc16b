// Reads src/seams/sdk-replacements.json: the one declared list of SDK modules Atrium replaces or wraps.
// Used by webpack (NormalModuleReplacementPlugin) and by jest (the resolver), so tests see what ships.
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
// Resolvers report real paths: where node_modules is a symbolic link (as in the sandbox copy that
// mutation testing runs in), the declared originals must be named by the link's target too.
const nodeModules = fs.realpathSync(path.join(root, "node_modules"));
const sdkSrc = path.join(nodeModules, "matrix-react-sdk/src");
// Imports through this prefix reach the SDK's original file, so a wrapper can render the original.
const ORIGINAL_PREFIX = "$sdk-original/";

function loadReplacements({ stock = false } = {}) {
    const declared = require(path.join(root, "src/seams/sdk-replacements.json"));
    return Object.entries(declared)
        .filter(([key, entry]) => key !== "$comment" && (!stock || entry.compat))
        .map(([target, entry]) => ({
            target,
            original: path.join(nodeModules, target),
            // The same module as another resolver may find it (a package's .mjs and .cjs entries).
            originals: [target, ...(entry.alsoFor || [])].map((file) => path.join(nodeModules, file)),
            request: entry.request,
            expectedTypeErrors: entry.expectedTypeErrors,
            replacement: path.join(root, entry.replacement),
            onlyFrom: entry.onlyFrom ? path.join(nodeModules, entry.onlyFrom) : undefined,
            reason: entry.reason,
            compat: Boolean(entry.compat),
        }));
}

/** The replacement for a resolved file, or undefined when the original stays. */
function replacementFor(replacements, { resolvedPath, request, issuer }) {
    if (request && request.startsWith(ORIGINAL_PREFIX)) return undefined;
    const hit = replacements.find(
        (r) => r.originals.includes(resolvedPath) && (!r.onlyFrom || (issuer && issuer.startsWith(r.onlyFrom))),
    );
    return hit && hit.replacement;
}

module.exports = { loadReplacements, replacementFor, ORIGINAL_PREFIX, sdkSrc, root };
