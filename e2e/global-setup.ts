import { startE2eStack } from "./harness/e2e-stack.ts";

/** Playwright globalSetup: one fresh Synapse (and the web app) for the whole run. */
export default async function globalSetup(): Promise<void> {
    await startE2eStack();
}
