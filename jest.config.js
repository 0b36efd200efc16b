// Unit and component tests (`npx jest`). The browser end-to-end tests live in e2e/ and run with Playwright.
const path = require("path");

// Packages that ship TypeScript sources or ES modules only (under jsdom's "browser" export condition),
// so Babel must compile them for jest. Found by running the suite: a "SyntaxError: Unexpected token
// 'export'" from node_modules/<name> means <name> belongs here.
const COMPILED_PACKAGES = ["matrix-react-sdk", "matrix-js-sdk", "matrix-web-i18n", "cookie"];

const escape = (name) => name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

module.exports = {
    rootDir: __dirname,
    testEnvironment: "jsdom",
    roots: [
        "<rootDir>/src",
        "<rootDir>/modules",
        "<rootDir>/test",
        "<rootDir>/build",
        "<rootDir>/service",
        "<rootDir>/contract",
        "<rootDir>/admin",
    ],
    testMatch: ["**/*.test.ts", "**/*.test.tsx", "<rootDir>/test/**/*.test.ts", "<rootDir>/test/**/*.test.tsx"],
    testPathIgnorePatterns: ["/node_modules/", "<rootDir>/e2e/"],
    modulePathIgnorePatterns: ["<rootDir>/e2e/", "<rootDir>/webapp/", "<rootDir>/webapp-[^/]+/", "<rootDir>/.cache/"],
    moduleFileExtensions: ["ts", "tsx", "js", "jsx", "mjs", "cjs", "json"],
    transform: {
        "\\.[cm]?[jt]sx?$": ["babel-jest", { configFile: path.join(__dirname, "babel.config.js") }],
    },
    transformIgnorePatterns: [`/node_modules/(?!(${COMPILED_PACKAGES.map(escape).join("|")})/)`],
    moduleNameMapper: {
        "^@atrium/(.*)$": "<rootDir>/src/$1",
        // `$sdk-original/...` is handled by build/jest-resolver.js: mapped here, the resolver could no
        // longer tell a wrapper's request for the original from any other import and would replace it.
        "^\\$webapp/i18n/languages\\.json$": "<rootDir>/test/stubs/languagesJson.js",
        // The config validator generated from the config schema (build/jest-global-setup.js writes it).
        "^\\$webapp/config-validator$": "<rootDir>/.generated/config-validator.js",
        "\\.(css|pcss|scss)$": "<rootDir>/test/stubs/style.js",
        // The SDK's HTML export inlines a script as text through webpack's raw-loader.
        "^!!raw-loader!": "<rootDir>/test/stubs/file.js",
        "\\.svg$": "<rootDir>/test/stubs/svg.js",
        // The SDK's worker factories (`new URL(..., import.meta.url)`) are for webpack only.
        "(?:^|/)workers/\\w+WorkerFactory$": "<rootDir>/test/stubs/workerFactory.js",
        // The voice recorder's worklet is bundled apart; importing it yields its URL (build/worklet-loader.js).
        "(?:^|/)audio/RecorderWorklet$|^\\./RecorderWorklet$": "<rootDir>/test/stubs/file.js",
        "\\.(png|jpe?g|gif|webp|ico|woff2?|ttf|otf|eot|mp3|ogg|wav)$": "<rootDir>/test/stubs/file.js",
        // The voice recorder's decoder (opus-recorder): a wasm file and a worker script, URLs for webpack.
        "decoderWorker\\.min\\.(wasm|js)$": "<rootDir>/test/stubs/file.js",
        // One copy of the js-sdk, whoever imports it.
        "^matrix-js-sdk$": "<rootDir>/node_modules/matrix-js-sdk",
        "^matrix-js-sdk/(.*)$": "<rootDir>/node_modules/matrix-js-sdk/$1",
    },
    resolver: "<rootDir>/build/jest-resolver.js",
    // Generates .generated/config-validator.js from the config schema, as the build does.
    globalSetup: "<rootDir>/build/jest-global-setup.js",
    setupFilesAfterEnv: ["<rootDir>/test/setup.ts"],
    // The machine has two cores; keep runs lean.
    maxWorkers: 2,
    cacheDirectory: "<rootDir>/.cache/jest",
    // Call records are cleared between tests; implementations stay (restoreMocks would wipe the
    // implementations given in jest.mock factories).
    clearMocks: true,
};
