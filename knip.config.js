// knip: unused files, exports and dependencies (`npm run lint`, a step of `npm test`).
// Entry points that knip's plugins (webpack, jest, Playwright, Babel) do not find by themselves:
/** @type {import("knip").KnipConfig} */
module.exports = {
    entry: [
        // Replacements are reached through src/seams/sdk-replacements.json, not through imports.
        "src/seams/*.{ts,tsx,mjs}",
        // The benchmark's stock Element (npm run build:stock).
        "src/stock/index.ts",
        "scripts/*.{mjs,ts}",
        "bench/*.ts",
        "bench/navigator/page.tsx",
        "bench/navigator/trace.ts",
        "bench/navigator/webpack.config.cjs",
        "e2e/demo.ts",
        "build/*.js",
    ],
    project: [
        "src/**/*.{ts,tsx,mjs}",
        "modules/**/*.{ts,tsx}",
        "test/**/*.{ts,tsx,js}",
        "build/**/*.js",
        "scripts/**/*.{mjs,ts}",
        "service/**/*.ts",
        "bench/**/*.{ts,tsx,mjs,cjs}",
        "e2e/**/*.ts",
        "integrations/**/*.ts",
        "admin/**/*.ts",
    ],
    // An export used beside its definition (a constant a test also reads) is not dead code.
    ignoreExportsUsedInFile: true,
    ignoreDependencies: [
        // Types of packages the SDK's sources import: `npm run typecheck` compiles those sources with ours.
        /^@types\/(commonmark|content-type|counterpart|css-tree|diff-match-patch|escape-html|file-saver|glob-to-regexp|modernizr|pako|qrcode|react-beautiful-dnd|react-transition-group|sdp-transform|tar-js|ua-parser-js)$/,
        // Named by string in webpack.config.js: the .pcss parser, and the loader the SDK's HTML export names inline.
        "postcss-scss",
        "raw-loader",
        // Named by string in Stryker's config (testRunner: "jest").
        "@stryker-mutator/jest-runner",
    ],
    // Run by the federation harness to make its test certificates; Debian's, not an npm package.
    ignoreBinaries: ["openssl"],
    // The config validator the build generates (.generated/, aliased as $webapp by webpack and jest).
    ignoreUnresolved: [/^\$webapp\/config-validator$/],
};
