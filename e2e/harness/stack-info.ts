import { readFile } from "node:fs/promises";
import path from "node:path";

import { e2ePorts } from "./config.ts";
import { e2eStateDir } from "./paths.ts";

/** What globalSetup started, as the test workers (other processes) need to know it. */
export interface E2eStackInfo {
    /** The Playwright runner that owns the stack; a later run cleans up only once it is gone. */
    runnerPid: number;
    synapse: {
        baseUrl: string;
        serverName: string;
        registrationSharedSecret: string;
        dataDir: string;
        logFile: string;
    };
    /** Null when E2E_NO_WEBAPP=1 and there was no build to serve. */
    webapp: { url: string } | null;
}

// One file per web-app port, so runs on other ports (E2E_WEBAPP_PORT) can go side by side.
const webappPort = e2ePorts().webapp;
export const stackInfoFile = path.join(
    e2eStateDir,
    webappPort === 18080 ? "e2e-stack.json" : `e2e-stack-${webappPort}.json`,
);

export async function readStackInfo(): Promise<E2eStackInfo> {
    try {
        return JSON.parse(await readFile(stackInfoFile, "utf8"));
    } catch (e) {
        throw new Error(`No e2e stack info at ${stackInfoFile} (is globalSetup configured?): ${(e as Error).message}`);
    }
}
