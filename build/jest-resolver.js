// Jest's resolver for Atrium: resolves as jest normally does, then applies the SDK replacements
// declared in src/seams/sdk-replacements.json, as webpack does, so component tests see what ships.
const path = require("path");

const { loadReplacements, replacementFor, ORIGINAL_PREFIX, sdkSrc } = require("./sdk-replacements");

const replacements = loadReplacements();

function resolveAtrium(request, options) {
    // A wrapper's import of the SDK's original file: resolve it inside the SDK and never replace it.
    // (Handled here rather than in moduleNameMapper, which would hide the prefix from this resolver.)
    if (request.startsWith(ORIGINAL_PREFIX)) {
        return options.defaultResolver(path.join(sdkSrc, request.slice(ORIGINAL_PREFIX.length)), options);
    }
    const resolvedPath = options.defaultResolver(request, options);
    // Jest tells a resolver the importing file's directory only; `onlyFrom` is a directory prefix.
    const issuer = options.basedir ? options.basedir + path.sep : undefined;
    return replacementFor(replacements, { resolvedPath, request, issuer }) ?? resolvedPath;
}

module.exports = resolveAtrium;
