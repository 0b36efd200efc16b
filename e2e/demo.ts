// The demo stack behind `npm start`: a persistent Synapse with seeded users and the built app.
import { existsSync } from "node:fs";
import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { E2E_SERVER_NAME } from "./harness/config.ts";
import { startConfigService, type RunningConfigService } from "./harness/configService.ts";
import { defaultWebappDir, e2eStateDir, repoRoot } from "./harness/paths.ts";
import {
    createRoom,
    joinRoom,
    joinedRooms,
    roomName,
    sendMessage,
    startSynapse,
    type MatrixSession,
    type SynapseHandle,
} from "./harness/synapse.ts";
import { hasWebBuild, MissingWebBuildError } from "./harness/webapp.ts";

export interface DemoStackOptions {
    synapsePort?: number;
    webPort?: number;
    /** Kept between runs: Synapse's database, media and the seeding marker. */
    dataDir?: string;
    webappDir?: string;
}

export interface DemoStack {
    synapse: SynapseHandle;
    webapp: RunningConfigService;
    stop(): Promise<void>;
}

export const DEMO_USERS = [
    { localpart: "alice", displayName: "Alice", password: "atrium-demo-alice" },
    { localpart: "bob", displayName: "Bob", password: "atrium-demo-bob" },
] as const;
const WELCOME_ROOM = "Atrium Welcome";
const SEED_VERSION = 1; // bump when the seed changes, to seed an existing demo dir again

/** Finds the welcome room among the user's rooms, so a seed interrupted half way is not repeated. */
async function findRoomByName(session: MatrixSession, name: string): Promise<string | undefined> {
    for (const roomId of await joinedRooms(session)) {
        if ((await roomName(session, roomId)) === name) return roomId;
    }
    return undefined;
}

/** Creates the demo users and the welcome room once per data dir. */
async function seedDemo(synapse: SynapseHandle, dataDir: string): Promise<void> {
    const marker = path.join(dataDir, "seeded.json");
    if (existsSync(marker) && JSON.parse(await readFile(marker, "utf8")).version === SEED_VERSION) return;

    const [alice, bob] = await Promise.all(
        DEMO_USERS.map((u) => synapse.registerUser(u.localpart, u.password, { displayName: u.displayName })),
    );
    let roomId = await findRoomByName(alice, WELCOME_ROOM);
    if (!roomId) {
        roomId = await createRoom(alice, {
            name: WELCOME_ROOM,
            topic: "Say hello: this room comes with the Atrium demo.",
            preset: "private_chat",
            invite: [bob.userId],
        });
        await sendMessage(alice, roomId, "Welcome to Atrium! Bob, this is where we start.");
    }
    await joinRoom(bob, roomId);
    await writeFile(marker, JSON.stringify({ version: SEED_VERSION, roomId }, null, 2));
    console.log(`[demo] seeded users ${DEMO_USERS.map((u) => u.localpart).join(", ")} and "${WELCOME_ROOM}"`);
}

/** The demo's tenant files, copied once from service/tenants.example; an admin's edits are kept. */
async function ensureDemoTenants(tenantsDir: string): Promise<void> {
    if (existsSync(tenantsDir)) return;
    await cp(path.join(repoRoot, "service/tenants.example"), tenantsDir, { recursive: true });
}

/** Starts (or restarts on the same data) the demo Synapse and serves the built app pointed at it. */
export async function startDemoStack(options: DemoStackOptions = {}): Promise<DemoStack> {
    const {
        synapsePort = 8008,
        webPort = 8080,
        dataDir = path.join(e2eStateDir, "demo"),
        webappDir = defaultWebappDir,
    } = options;
    if (!hasWebBuild(webappDir)) throw new MissingWebBuildError(webappDir);
    await mkdir(dataDir, { recursive: true });

    const synapse = await startSynapse({
        dataDir: path.join(dataDir, "synapse"),
        port: synapsePort,
        serverName: E2E_SERVER_NAME,
    });
    let webapp: RunningConfigService;
    const tenantsDir = path.join(dataDir, "tenants");
    try {
        await seedDemo(synapse, dataDir);
        await ensureDemoTenants(tenantsDir);
        // One process, as in a small deployment: the config service also serves the web app.
        webapp = await startConfigService({
            tenantsDir,
            port: webPort,
            webappDir,
            dataDir: path.join(dataDir, "service-data"),
        });
    } catch (e) {
        await synapse.stop();
        throw e;
    }

    console.log(`\nAtrium demo: open ${webapp.url}`);
    for (const u of DEMO_USERS) console.log(`  log in as ${u.localpart} / ${u.password}`);
    console.log(`  homeserver ${synapse.baseUrl} (data in ${dataDir}); Ctrl-C stops`);
    console.log(`  settings: edit ${path.join(tenantsDir, "atrium.yaml")} (the open app follows within a minute)\n`);
    return {
        synapse,
        webapp,
        async stop() {
            await webapp.stop();
            await synapse.stop();
        },
    };
}

// Run directly (`tsx e2e/demo.ts`): start, then stop cleanly on Ctrl-C or SIGTERM.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
    startDemoStack({
        synapsePort: process.env.DEMO_SYNAPSE_PORT ? Number(process.env.DEMO_SYNAPSE_PORT) : undefined,
        webPort: process.env.DEMO_WEB_PORT ? Number(process.env.DEMO_WEB_PORT) : undefined,
        dataDir: process.env.DEMO_DATA_DIR,
        webappDir: process.env.DEMO_WEBAPP_DIR,
    }).then(
        (stack) => {
            const shutdown = (): void => {
                console.log("\n[demo] stopping");
                stack.stop().then(() => process.exit(0));
            };
            process.once("SIGINT", shutdown);
            process.once("SIGTERM", shutdown);
        },
        (error: Error) => {
            console.error(`[demo] ${error.message}`);
            process.exit(1);
        },
    );
}
