// `npm run seed:large [-- --reseed]`: makes (or checks) the bench's large account and stops again.
// `npm run bench` does the same on its own; this is for seeding ahead of time or starting over.
import path from "node:path";

import { repoRoot } from "../../e2e/harness/paths.ts";
import { LARGE_SYNAPSE_DIR, startLargeSynapse } from "./largeSynapse.ts";

const log = (message: string): void => console.log(`[seed] ${message}`);
const reseed = process.argv.includes("--reseed");

const { synapse, seed } = await startLargeSynapse(log, { reseed });
try {
    log(`${seed.user.userId} / ${seed.user.password} at ${synapse.baseUrl}: ${JSON.stringify(seed.counts)}`);
    log(`data dir ${path.relative(repoRoot, LARGE_SYNAPSE_DIR)}/ (delete it, or pass --reseed, to seed afresh)`);
} finally {
    await synapse.stop();
}
