// The bench's Synapse, holding the large account: its data dir stays between runs, and a marker
// file records what was seeded, so seeding (over a minute) happens once.
import { existsSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

import { repoRoot } from "../../e2e/harness/paths.ts";
import { startSynapse, type SynapseHandle } from "../../e2e/harness/synapse.ts";
import { largeAccountPlan } from "./plan.ts";
import { seedLargeAccount, type SeedRecord } from "./seedLargeAccount.ts";

export const LARGE_SYNAPSE_DIR = path.join(repoRoot, ".cache", "bench", "synapse-large");
/** Not 8008 (demo), 18008 (e2e), 28008 or 38008 (others' benches). */
export const LARGE_SYNAPSE_PORT = Number(process.env.BENCH_SYNAPSE_PORT ?? 48008);
const SERVER_NAME = "localhost";
const MARKER = "atrium-seed.json";

export interface LargeSynapse {
    synapse: SynapseHandle;
    seed: SeedRecord;
    /** True when this call seeded (the server's caches saw the writes, not a cold read). */
    seededNow: boolean;
}

async function readMarker(dataDir: string): Promise<SeedRecord | null> {
    const file = path.join(dataDir, MARKER);
    if (!existsSync(file)) return null;
    const record = JSON.parse(await readFile(file, "utf8")) as SeedRecord;
    return record.version === largeAccountPlan().version ? record : null;
}

/** Starts the bench Synapse; seeds the large account first when the data dir has no matching marker. */
export async function startLargeSynapse(
    log: (message: string) => void,
    options: { reseed?: boolean } = {},
): Promise<LargeSynapse> {
    const dataDir = LARGE_SYNAPSE_DIR;
    let seed = options.reseed ? null : await readMarker(dataDir);
    if (!seed && existsSync(dataDir)) {
        // A half-seeded or outdated dir: start over rather than guess what it holds.
        log(`discarding ${path.relative(repoRoot, dataDir)} (no seed marker of version ${largeAccountPlan().version})`);
        await rm(dataDir, { recursive: true, force: true });
    }
    const synapse = await startSynapse({ dataDir, port: LARGE_SYNAPSE_PORT, serverName: SERVER_NAME });
    if (seed) {
        log(
            `reusing the seeded account ${seed.user.userId} (${seed.counts.rooms} rooms, ${seed.counts.spaces} spaces; seeded ${seed.seededAt})`,
        );
        return { synapse, seed, seededNow: false };
    }
    try {
        log("seeding the large account (once; the data dir is kept for later runs) ...");
        seed = await seedLargeAccount(synapse, largeAccountPlan(), (m) => log(`  ${m}`));
        await writeFile(path.join(dataDir, MARKER), JSON.stringify(seed, null, 2) + "\n");
        log(`seeded ${seed.counts.rooms} rooms in ${seed.counts.spaces} spaces in ${seed.seedSeconds} s`);
        return { synapse, seed, seededNow: true };
    } catch (e) {
        await synapse.stop();
        throw e;
    }
}
