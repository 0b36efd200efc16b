// The folders `npm run test:mutation` measures (docs/testing.md): where a quiet bug costs most. For each,
// the code mutated and the jest tests that reach it (jest runs only these, so each mutant run is short).
export const FOLDERS = [
    {
        path: "src/security",
        mutate: ["src/security/**/*.ts"],
        tests: [
            "<rootDir>/test/security/{roomUpgradeLinks,mediaClaims,mediaClaimsTable,sanitizeEmbeddedPage,timestamps}.test.ts",
            // The seams that call the security rules, with the SDK's components around them.
            "<rootDir>/test/seams/{MessageEvent,EmbeddedPage,DateSeparator,MessageTimestamp}.test.tsx",
        ],
    },
    {
        path: "service/src",
        mutate: ["service/src/**/*.ts"],
        tests: ["<rootDir>/service/src/**/*.test.ts"],
    },
    {
        path: "src/config",
        mutate: ["src/config/**/*.ts"],
        tests: ["<rootDir>/src/config/**/*.test.ts"],
    },
    {
        path: "modules/space-navigator/src/tree",
        mutate: ["modules/space-navigator/src/tree/**/*.ts"],
        tests: [
            "<rootDir>/modules/space-navigator/src/tree/*.test.ts",
            "<rootDir>/modules/space-navigator/src/sdkSnapshot.test.ts",
        ],
    },
];
