// ESLint for all of Atrium's code (`npm run lint`, also a step of `npm test`). Rules that need type
// information are left out: they would make a run take minutes, and `npm run typecheck` covers types.
import fs from "node:fs";

import js from "@eslint/js";
import comments from "@eslint-community/eslint-plugin-eslint-comments/configs";
import { createNodeResolver, importX } from "eslint-plugin-import-x";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
    {
        ignores: [
            "node_modules/",
            "webapp/",
            "webapp-*/",
            "dist/",
            ".cache/",
            ".e2e/",
            ".generated/",
            "res/i18n-gen/",
            "test-results/",
        ],
    },
    {
        linterOptions: { reportUnusedDisableDirectives: "error" },
    },
    js.configs.recommended,
    tseslint.configs.recommended,
    comments.recommended,
    {
        plugins: { "import-x": importX },
        settings: {
            "import-x/extensions": [".ts", ".tsx", ".js", ".mjs", ".cjs"],
            "import-x/resolver-next": [
                createNodeResolver({ extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"] }),
            ],
        },
        rules: {
            // A disable says why on the same line: `// eslint-disable-next-line rule -- reason`.
            "@eslint-community/eslint-comments/require-description": "error",
            "@eslint-community/eslint-comments/no-unlimited-disable": "error",
            "import-x/first": "error",
            "import-x/no-duplicates": "error",
            "import-x/no-self-import": "error",
            "import-x/no-useless-path-segments": "error",
            "import-x/no-absolute-path": "error",
            "import-x/newline-after-import": "error",
            "@typescript-eslint/no-unused-vars": [
                "error",
                { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true },
            ],
            // Media URLs go through the SDK's media customisation (src/seams/Media.ts), as Element's lint demands.
            "no-restricted-properties": [
                "error",
                { property: "mxcUrlToHttp", message: "Use mediaFromMxc (src/seams/Media.ts) for media URLs." },
                { property: "getHttpUriForMxc", message: "Use mediaFromMxc (src/seams/Media.ts) for media URLs." },
            ],
            eqeqeq: ["error", "smart"],
            "no-console": "off",
        },
    },
    // Browser code: the app, its modules and their tests (jest with jsdom).
    {
        files: ["src/**/*.{ts,tsx}", "modules/**/*.{ts,tsx}", "test/**/*.{ts,tsx}"],
        ...jsxA11y.flatConfigs.recommended,
        languageOptions: {
            ...jsxA11y.flatConfigs.recommended.languageOptions,
            globals: { ...globals.browser, ...globals.jest },
        },
    },
    {
        files: ["src/**/*.{ts,tsx}", "modules/**/*.{ts,tsx}", "test/**/*.{ts,tsx}"],
        plugins: { "react-hooks": reactHooks },
        rules: {
            "react-hooks/rules-of-hooks": "error",
            "react-hooks/exhaustive-deps": "error",
        },
    },
    // Node code: the build, scripts, service, bench and the end-to-end harness.
    {
        files: [
            "*.{js,mjs,cjs,ts}",
            "build/**",
            "contract/**",
            "scripts/**",
            "service/**",
            "admin/**",
            "bench/**",
            "e2e/**",
            "test/stubs/**",
            "**/*.test.{ts,tsx}",
        ],
        languageOptions: { globals: { ...globals.node } },
    },
    // Tests fake things at the edges, where `any` is the honest type.
    {
        files: ["**/*.test.{ts,tsx}", "test/**", "e2e/**", "bench/**"],
        rules: { "@typescript-eslint/no-explicit-any": "off" },
    },
    // Playwright reads a fixture's dependencies from its destructuring: `async ({}, use)` means "none".
    {
        files: ["e2e/**"],
        rules: { "no-empty-pattern": "off" },
    },
    {
        files: ["**/*.{js,cjs,mjs}"],
        // `const crypto = require("crypto")` is how CommonJS takes Node's module, not a mistake.
        rules: { "no-redeclare": ["error", { builtinGlobals: false }] },
    },
    {
        files: ["**/*.{js,cjs}"],
        languageOptions: { sourceType: "commonjs" },
        rules: { "@typescript-eslint/no-require-imports": "off" },
    },
    {
        files: ["service/**/*.test.ts", "build/**/*.test.ts", "admin/**/*.test.ts"],
        languageOptions: { globals: { ...globals.jest } },
    },
    // The service worker runs in a worker scope.
    {
        files: ["src/serviceWorker/**"],
        languageOptions: { globals: { ...globals.serviceworker } },
    },
    ...boundaryRules(),
);

/**
 * Who may import whom. src/ never reaches into modules/ except through the one list of modules
 * (src/bootstrap/registerModules.tsx → modules/index.ts); a module reaches the app and the SDK only
 * through `@atrium/sdk` and the module API (@matrix-org/react-sdk-module-api), never through the
 * SDK's or the js-sdk's internals, and never into another module's folder.
 */
function boundaryRules() {
    const viaAtriumSdk = "Modules reach the SDK and the app only through `@atrium/sdk` (src/sdk).";
    const moduleFolders = fs
        .readdirSync(new URL("./modules/", import.meta.url), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name);
    return [
        {
            files: ["src/**"],
            ignores: ["src/bootstrap/registerModules.tsx"],
            rules: {
                "import-x/no-restricted-paths": [
                    "error",
                    {
                        zones: [
                            {
                                target: "./src",
                                from: "./modules",
                                message:
                                    "src/ does not import modules: only src/bootstrap/registerModules.tsx reads the list in modules/index.ts.",
                            },
                        ],
                    },
                ],
            },
        },
        {
            files: ["src/bootstrap/registerModules.tsx"],
            rules: {
                "import-x/no-restricted-paths": [
                    "error",
                    {
                        zones: [
                            {
                                target: "./src",
                                from: "./modules",
                                except: ["./index.ts"],
                                message: "registerModules imports only the list of modules, modules/index.ts.",
                            },
                        ],
                    },
                ],
            },
        },
        {
            files: ["modules/**"],
            rules: {
                "no-restricted-imports": [
                    "error",
                    {
                        patterns: [
                            { regex: "^matrix-react-sdk(/|$)", message: viaAtriumSdk },
                            { regex: "^matrix-js-sdk(/|$)", message: viaAtriumSdk },
                            { regex: "^\\$sdk-original(/|$)", message: viaAtriumSdk },
                            { regex: "^@atrium/(?!sdk(/|$))", message: viaAtriumSdk },
                        ],
                    },
                ],
                "import-x/no-restricted-paths": [
                    "error",
                    {
                        zones: [
                            { target: "./modules", from: "./src", message: viaAtriumSdk },
                            ...moduleFolders.map((name) => ({
                                target: `./modules/${name}`,
                                from: "./modules",
                                except: [`./${name}`],
                                message: "A module imports only its own files, never another module's.",
                            })),
                        ],
                    },
                ],
            },
        },
        // A module's tests may build the SDK's and the js-sdk's objects as fixtures (a real Room, the
        // SDK's config), but still reach the app only through `@atrium/sdk`.
        {
            files: ["modules/**/*.test.{ts,tsx}"],
            rules: {
                "no-restricted-imports": [
                    "error",
                    {
                        patterns: [
                            { regex: "^\\$sdk-original(/|$)", message: viaAtriumSdk },
                            { regex: "^@atrium/(?!sdk(/|$))", message: viaAtriumSdk },
                        ],
                    },
                ],
            },
        },
    ];
}
