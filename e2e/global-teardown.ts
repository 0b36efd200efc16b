import { stopE2eStack } from "./harness/e2e-stack.ts";

/** Playwright globalTeardown: stops what globalSetup started. */
export default async function globalTeardown(): Promise<void> {
    await stopE2eStack();
}
