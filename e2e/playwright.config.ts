import { defineConfig } from "@playwright/test";

import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./harness/chromium.ts";
import { e2ePorts } from "./harness/config.ts";

// Playwright empties its output directory on every run: a run on other ports gets its own.
const webappPort = e2ePorts().webapp;
const outputDir = webappPort === 18080 ? "../test-results/e2e" : `../test-results/e2e-${webappPort}`;

export default defineConfig({
    testDir: "./tests",
    outputDir,
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
            executablePath: CHROMIUM_PATH,
            args: CHROMIUM_ARGS,
        },
        screenshot: "only-on-failure",
        trace: "off",
    },
});
