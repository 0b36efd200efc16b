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
        // All but the directory's LDAP and OpenID code and its endpoints, which only the test against a
        // real slapd and Synapse reaches: that test starts both for every run, so it is a folder of its own.
        // main.ts only hands this process to startup.ts (which is measured); main.test.ts runs it as a child.
        mutate: ["service/src/**/*.ts", "!service/src/directory/{ldapSource,openid,routes}.ts", "!service/src/main.ts"],
        tests: ["<rootDir>/service/src/**/*.test.ts", "!**/service/src/directory/directory.test.ts"],
    },
    {
        path: "service/src/directory",
        mutate: ["service/src/directory/{ldapSource,openid,routes}.ts"],
        tests: [
            // Quick, with stand-ins for the homeserver and the LDAP client: `--tests` with these alone
            // measures the folder in minutes, without starting slapd and Synapse for every mutant.
            "<rootDir>/service/src/directory/{openid,ldapSource,routes,fileSource}.test.ts",
            "<rootDir>/service/src/directory/directory.test.ts",
        ],
    },
    {
        path: "src/config",
        mutate: ["src/config/**/*.ts"],
        tests: ["<rootDir>/src/config/**/*.test.ts"],
    },
    {
        path: "modules/space-navigator/src/tree",
        // With the row window both long lists share (the tree's and the directory's), in src/sdk.
        mutate: ["modules/space-navigator/src/tree/**/*.ts", "src/sdk/rowWindow.ts"],
        tests: [
            "<rootDir>/modules/space-navigator/src/tree/*.test.ts",
            "<rootDir>/modules/space-navigator/src/sdkSnapshot.test.ts",
            "<rootDir>/src/sdk/rowWindow.test.ts",
        ],
    },
    // Each module's rules: the pure logic its components show, tested without React.
    {
        path: "modules/policy-badges/src",
        mutate: [
            "modules/policy-badges/src/policy.ts",
            "modules/policy-badges/src/catalogue.ts",
            "modules/policy-badges/src/describe.ts",
            "modules/policy-badges/src/compactParts.ts",
            "modules/policy-badges/src/idleQueue.ts",
        ],
        tests: [
            "<rootDir>/modules/policy-badges/src/{policy,catalogue,describe,compactParts,idleQueue,policyStore}.test.ts",
            "<rootDir>/modules/policy-badges/src/policy.fuzz.test.tsx",
        ],
    },
    {
        path: "modules/archive/src/logic",
        mutate: ["modules/archive/src/logic/**/*.ts"],
        tests: ["<rootDir>/modules/archive/src/logic/*.test.ts"],
    },
    {
        path: "modules/company-directory/src",
        mutate: [
            "modules/company-directory/src/directoryClient.ts",
            "modules/company-directory/src/localTime.ts",
            "modules/company-directory/src/searchCache.ts",
            "modules/company-directory/src/localRoster.ts",
            // The search rule, the search and the roster the sidebar and the service's index share.
            "contract/directorySearch.ts",
            "contract/peopleSearch.ts",
            "contract/directoryRoster.ts",
        ],
        tests: [
            "<rootDir>/modules/company-directory/src/{directoryClient,localTime,searchCache,localRoster}.test.ts",
            "<rootDir>/contract/{directorySearch,peopleSearch,directoryRoster}.test.ts",
            // The search on a handful of people, every path it can take (the 20,000-person check
            // against the rule, peopleIndex.test.ts, is too slow to run for each mutant).
            "<rootDir>/service/src/directory/peopleIndex.units.test.ts",
        ],
    },
];
