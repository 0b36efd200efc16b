import { defineConfig } from "@playwright/test";

import { e2ePorts } from "./harness/config.ts";

// Debian's Chromium: Playwright's own browser downloads cannot work on these machines.
const chromiumArgs = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];

export default defineConfig({
    testDir: "./tests",
    outputDir: "../test-results/e2e", // Playwright empties it on every run
    // One Synapse and one browser at a time fits the 2-core machines.
    workers: 1,
    fullyParallel: false,
    retries: 0,
    timeout: 60_000,
    reporter: "list",
    globalSetup: "./global-setup.ts",
    globalTeardown: "./global-teardown.ts",
    use: {
        browserName: "chromium",
        baseURL: `http://127.0.0.1:${e2ePorts().webapp}`,
        launchOptions: {
            executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
            args: chromiumArgs,
        },
        screenshot: "only-on-failure",
        trace: "off",
    },
});
