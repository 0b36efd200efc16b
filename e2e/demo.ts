// The demo stack behind `npm start`: a persistent Synapse holding the demo company (provisioned from
// admin/provision/demo-company.yaml, with some history), the company directory's export, and the
// config service serving the built app. Provisioned once per data dir; later starts reuse it.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { directoryExportJson, directoryLdif, writeAtomically } from "../admin/provision/directoryExport.ts";
import { formatProblem, readOrgFile, type Organisation } from "../admin/provision/orgFile.ts";
import { provision } from "../admin/provision/provision.ts";
import { demoPassword, seedDemoHistory } from "./demoHistory.ts";
import { E2E_SERVER_NAME } from "./harness/config.ts";
import { startConfigService, type RunningConfigService } from "./harness/configService.ts";
import { defaultWebappDir, e2eStateDir, repoRoot } from "./harness/paths.ts";
import { startSynapse, stopLeftoverSynapse, type SynapseHandle } from "./harness/synapse.ts";
import { hasWebBuild, MissingWebBuildError } from "./harness/webapp.ts";

export const DEMO_ORG_FILE = path.join(repoRoot, "admin/provision/demo-company.yaml");
/** Bump when the demo changes in a way an existing data dir cannot follow: it is then made afresh. */
const DEMO_VERSION = 2;
const ADMIN = { localpart: "atrium-admin", password: "atrium-demo-admin", displayName: "Northwind IT" };

/** Whom `npm start` suggests logging in as. */
export const DEMO_LOGINS = [
    { username: "ada", who: "Chief Executive Officer, admin of Management" },
    { username: "erin", who: "Platform Lead, in Engineering, Project Apollo and Project Atlas" },
    { username: "grace", who: "Sales Lead EMEA, admin of Project Atlas" },
].map((login) => ({ ...login, password: demoPassword(login.username) }));

const TIME_ZONES: Record<string, string> = {
    Berlin: "Europe/Berlin",
    Paris: "Europe/Paris",
    London: "Europe/London",
    Moscow: "Europe/Moscow",
    Singapore: "Asia/Singapore",
    Tokyo: "Asia/Tokyo",
    "New York": "America/New_York",
};

export interface DemoStackOptions {
    synapsePort?: number;
    webPort?: number;
    /** Kept between runs: Synapse's database, media, the directory export, the tenant file, the marker. */
    dataDir?: string;
    webappDir?: string;
    /** Start from nothing: the data dir is deleted first. */
    reset?: boolean;
}

export interface DemoStack {
    synapse: SynapseHandle;
    webapp: RunningConfigService;
    stop(): Promise<void>;
}

interface DemoMarker {
    version: number;
    /** The org file's hash when it was last provisioned: another hash means provision again. */
    orgHash: string;
    historySeeded: boolean;
}

const log = (message: string): void => console.log(`[demo] ${message}`);

async function readMarker(file: string): Promise<DemoMarker | null> {
    if (!existsSync(file)) return null;
    try {
        const marker = JSON.parse(await readFile(file, "utf8")) as DemoMarker;
        return marker.version === DEMO_VERSION ? marker : null;
    } catch {
        return null;
    }
}

async function readDemoOrg(): Promise<{ org: Organisation; hash: string }> {
    const text = await readFile(DEMO_ORG_FILE, "utf8");
    const reading = readOrgFile(text);
    if (!reading.ok) {
        throw new Error(reading.problems.map((problem) => formatProblem(DEMO_ORG_FILE, problem)).join("\n"));
    }
    return { org: reading.org, hash: createHash("sha256").update(text).digest("hex") };
}

/** The organisation with no room archived yet: history is written first, the archive comes after. */
function withoutArchives(org: Organisation): Organisation {
    const copy = structuredClone(org);
    const strip = (rooms: Array<{ archived?: unknown }> | undefined): void =>
        rooms?.forEach((room) => delete room.archived);
    const walk = (departments: Organisation["departments"]): void =>
        departments?.forEach((department) => {
            strip(department.rooms);
            walk(department.departments);
        });
    walk(copy.departments);
    copy.projects?.forEach((project) => strip(project.rooms));
    return copy;
}

/** Makes the homeserver hold the demo company (once per org file), and writes the directory's files. */
async function provisionDemo(synapse: SynapseHandle, dataDir: string): Promise<void> {
    const markerFile = path.join(dataDir, "demo.json");
    const { org, hash } = await readDemoOrg();
    const marker = await readMarker(markerFile);
    if (marker?.orgHash === hash && marker.historySeeded) {
        log("reusing the demo company (provisioned before; `npm run demo:reset` starts over)");
        return;
    }
    const started = Date.now();
    const admin = await synapse.registerUser(ADMIN.localpart, ADMIN.password, {
        admin: true,
        displayName: ADMIN.displayName,
    });
    const common = {
        homeserverUrl: synapse.baseUrl,
        accessToken: admin.accessToken,
        initialPassword: demoPassword,
        log: (line: string) => {
            // One line per tenth of the work is progress enough for a start-up.
            const step = /^\[provision\]\s+(\d+)\/(\d+) /.exec(line);
            if (
                !step ||
                Number(step[1]) === Number(step[2]) ||
                Number(step[1]) % Math.ceil(Number(step[2]) / 10) === 0
            ) {
                console.log(line);
            }
        },
    };
    let historySeeded = marker?.historySeeded ?? false;
    if (!historySeeded) {
        log("provisioning the demo company (once; about a minute) ...");
        const first = await provision(withoutArchives(org), common);
        await seedDemoHistory({
            baseUrl: synapse.baseUrl,
            serverName: first.serverName,
            roomIds: first.roomIds,
            log: (message) => log(message),
        });
        historySeeded = true;
    }
    await provision(org, common);
    const directoryDir = path.join(dataDir, "directory");
    await writeAtomically(path.join(directoryDir, "people.json"), directoryExportJson(org));
    await writeAtomically(path.join(directoryDir, "people.ldif"), directoryLdif(org));
    await writeFile(
        markerFile,
        JSON.stringify({ version: DEMO_VERSION, orgHash: hash, historySeeded }, null, 2) + "\n",
    );
    log(`the demo company is ready (${org.people.length} people) in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/** The demo's tenant file: written once, then the admin's to edit (`npm run demo:reset` writes it again). */
async function ensureDemoTenant(tenantsDir: string, synapseUrl: string, webPort: number): Promise<void> {
    const file = path.join(tenantsDir, "atrium.yaml");
    if (existsSync(file)) return;
    await mkdir(tenantsDir, { recursive: true });
    await writeFile(
        path.join(tenantsDir, "_defaults.yaml"),
        await readFile(path.join(repoRoot, "service/tenants.example/_defaults.yaml"), "utf8"),
    );
    const zones = Object.entries(TIME_ZONES)
        .map(([city, zone]) => `      "${city}": ${zone}`)
        .join("\n");
    await writeFile(
        file,
        `# The demo tenant, written by \`npm start\` (edits are kept; \`npm run demo:reset\` writes it again).
hosts:
  - 127.0.0.1
  - localhost
web_origins:
  - http://127.0.0.1:${webPort}
  - http://localhost:${webPort}
config:
  default_server_config:
    m.homeserver:
      base_url: ${synapseUrl}
      server_name: ${E2E_SERVER_NAME}
  brand: Atrium
  atrium:
    brand:
      logo_url: img/atrium-logo.svg
      colors:
        primary: "#0b6e69"
        on_primary: "#ffffff"
        sidebar: "#123c3f"
  room_directory:
    servers:
      - ${E2E_SERVER_NAME}
server:
  # The company directory reads the export that provisioning writes from admin/provision/demo-company.yaml.
  directory:
    source:
      type: file
      path: ../directory/people.json
    matrix_id_template: "@{id}:${E2E_SERVER_NAME}"
    time_zones:
${zones}
`,
    );
}

/** Starts (or restarts on the same data) the demo Synapse and serves the built app pointed at it. */
export async function startDemoStack(options: DemoStackOptions = {}): Promise<DemoStack> {
    const started = Date.now();
    const {
        synapsePort = 8008,
        webPort = 8080,
        dataDir = path.join(e2eStateDir, "demo"),
        webappDir = defaultWebappDir,
    } = options;
    if (!hasWebBuild(webappDir)) throw new MissingWebBuildError(webappDir);
    const synapseDir = path.join(dataDir, "synapse");
    const marker = path.join(dataDir, "demo.json");
    if (
        options.reset ||
        (existsSync(dataDir) && !(await readMarker(marker)) && existsSync(path.join(dataDir, "seeded.json")))
    ) {
        log(
            options.reset ? `starting over: deleting ${dataDir}` : `${dataDir} holds an older demo: starting it afresh`,
        );
        await stopLeftoverSynapse(synapseDir);
        await rm(dataDir, { recursive: true, force: true });
    }
    await mkdir(dataDir, { recursive: true });

    const synapse = await startSynapse({ dataDir: synapseDir, port: synapsePort, serverName: E2E_SERVER_NAME });
    let webapp: RunningConfigService;
    const tenantsDir = path.join(dataDir, "tenants");
    try {
        await provisionDemo(synapse, dataDir);
        await ensureDemoTenant(tenantsDir, synapse.baseUrl, webPort);
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
    console.log(
        "  the company Northwind Labs: 60 people, 5 departments, 2 projects (admin/provision/demo-company.yaml)",
    );
    for (const login of DEMO_LOGINS) console.log(`  log in as ${login.username} / ${login.password} (${login.who})`);
    console.log("  everyone else: their username (see the Company directory) / atrium-demo-<username>");
    console.log(`  homeserver ${synapse.baseUrl} (data in ${dataDir}); Ctrl-C stops`);
    console.log(`  settings: edit ${path.join(tenantsDir, "atrium.yaml")} (the open app follows within a minute)`);
    console.log(`[demo] ready in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    return {
        synapse,
        webapp,
        async stop() {
            await webapp.stop();
            await synapse.stop();
        },
    };
}

// Run directly (`tsx e2e/demo.ts [--reset]`): start, then stop cleanly on Ctrl-C or SIGTERM.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
    startDemoStack({
        synapsePort: process.env.DEMO_SYNAPSE_PORT ? Number(process.env.DEMO_SYNAPSE_PORT) : undefined,
        webPort: process.env.DEMO_WEB_PORT ? Number(process.env.DEMO_WEB_PORT) : undefined,
        dataDir: process.env.DEMO_DATA_DIR,
        webappDir: process.env.DEMO_WEBAPP_DIR,
        reset: process.argv.includes("--reset"),
    }).then(
        (stack) => {
            let stopping = false;
            // A signal may come twice (the terminal's and one passed on by scripts/start.mjs): stop once.
            const shutdown = (): void => {
                if (stopping) return;
                stopping = true;
                console.log("\n[demo] stopping");
                stack.stop().then(() => {
                    console.log("[demo] stopped");
                    process.exit(0);
                });
            };
            process.on("SIGINT", shutdown);
            process.on("SIGTERM", shutdown);
        },
        (error: Error) => {
            console.error(`[demo] ${error.message}`);
            process.exit(1);
        },
    );
}
