// `npx tsx bench/session.ts [--runs N]`: the large account (npm run seed:large: 1,000 rooms in 50
// spaces) in stock Element and in Atrium, from the existing webapp-stock/ and webapp/ builds:
//   - session to ready: an injected session (a fresh login, its own device) to the first animation
//     frame in which the left panel lists the two most recent rooms; and of that, the initial /sync;
//   - room switch: a click on a room in the left panel to the frame that shows its latest message;
//   - JS heap after a forced garbage collection, at ready (DevTools protocol).
// Medians of N runs per flavour (alternating), after one discarded warm-up run each. Nothing asserted.
import path from "node:path";

import type { Browser, Page } from "playwright-core";

import { e2eWebappConfig } from "../e2e/harness/config.ts";
import { elementSessionEntries, login, type MatrixSession } from "../e2e/harness/matrix-client.ts";
import { repoRoot } from "../e2e/harness/paths.ts";
import { hasWebBuild, serveWebapp, type WebappServer } from "../e2e/harness/webapp.ts";
import { launchChromium } from "./loginPage.ts";
import { startLargeSynapse } from "./seed/largeSynapse.ts";
import type { SeedRecord } from "./seed/seedLargeAccount.ts";
import { formatRatio, heading, renderTable, type Row } from "./table.ts";

type FlavourId = "stock" | "atrium";
const FLAVOURS: { id: FlavourId; dir: string; port: number }[] = [
    { id: "stock", dir: path.join(repoRoot, "webapp-stock"), port: 48180 },
    { id: "atrium", dir: path.join(repoRoot, "webapp"), port: 48181 },
];
const SWITCHES_PER_RUN = 4;
const READY_TIMEOUT_MS = 120_000;

interface RunResult {
    readyMs: number;
    initialSyncMs: number | null;
    switchMs: number[];
    heapBytes: number;
}

const log = (message: string): void => console.log(`[session] ${message}`);

function runsFromArgs(argv: string[]): number {
    const at = argv.indexOf("--runs");
    const runs = at >= 0 ? Number(argv[at + 1]) : 5;
    if (!Number.isInteger(runs) || runs < 5) throw new Error("--runs needs a whole number of at least 5");
    return runs;
}

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Element's localStorage keys for a signed-in session, written before any page script runs. */
async function injectSession(page: Page, session: MatrixSession): Promise<void> {
    await page.addInitScript((entries: [string, string][]) => {
        for (const [key, value] of entries) localStorage.setItem(key, value);
    }, elementSessionEntries(session));
}

/** ms since navigation start of the first animation frame in which the left panel lists every name. */
function frameWhenListed(page: Page, names: string[], timeoutMs: number): Promise<number> {
    return page.evaluate(
        ({ names, timeoutMs }) =>
            new Promise<number>((resolve, reject) => {
                const deadline = performance.now() + timeoutMs;
                const check = (): void => {
                    const panel = document.querySelector(".mx_LeftPanel");
                    const text = panel?.textContent ?? "";
                    if (names.every((n) => text.includes(n))) return resolve(performance.now());
                    if (performance.now() > deadline) return reject(new Error(`not listed: ${names.join(", ")}`));
                    requestAnimationFrame(check);
                };
                check();
            }),
        { names, timeoutMs },
    );
}

/** The initial /sync (no `since`) as the page saw it: request start to response end, ms. */
function initialSyncMs(page: Page): Promise<number | null> {
    return page.evaluate(() => {
        const entry = performance
            .getEntriesByType("resource")
            .find((e) => e.name.includes("/_matrix/client/v3/sync") && !e.name.includes("since=")) as PerformanceResourceTiming | undefined;
        return entry ? entry.responseEnd - entry.requestStart : null;
    });
}

/** Clicks the room's entry in the left panel; ms to the frame in which its latest message shows. */
async function switchTo(page: Page, room: { name: string; lastMessage: string }): Promise<number> {
    return page.evaluate(
        ({ name, lastMessage }) =>
            new Promise<number>((resolve, reject) => {
                // The innermost entry naming the room (a room tile, not a section around it).
                const entry = Array.from(document.querySelectorAll<HTMLElement>(".mx_LeftPanel [role=treeitem]"))
                    .filter((el) => el.textContent?.includes(name))
                    .find((el) => !el.querySelector("[role=treeitem]"));
                if (!entry) return reject(new Error(`no entry for ${name}`));
                const started = performance.now();
                entry.click();
                const check = (): void => {
                    const header = document.querySelector(".mx_RoomHeader")?.textContent ?? "";
                    const timeline = document.querySelector(".mx_RoomView_MessageList")?.textContent ?? "";
                    if (header.includes(name) && timeline.includes(lastMessage)) return resolve(performance.now() - started);
                    if (performance.now() - started > 30_000) return reject(new Error(`room ${name} did not show`));
                    requestAnimationFrame(check);
                };
                requestAnimationFrame(check);
            }),
        room,
    );
}

async function heapAfterGc(page: Page): Promise<number> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("HeapProfiler.collectGarbage");
    const usage = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number };
    await cdp.detach();
    return usage.usedSize;
}

async function oneRun(browser: Browser, app: WebappServer, seed: SeedRecord, synapseUrl: string): Promise<RunResult> {
    const session = await login(synapseUrl, seed.user.localpart, seed.user.password);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
        const page = await context.newPage();
        // tsx compiles the functions passed to page.evaluate with esbuild's keepNames, which wraps
        // named functions in a __name(...) helper that only exists in Node: give the page a no-op one.
        await page.addInitScript("window.__name = (fn) => fn;");
        await injectSession(page, session);
        await page.goto(`${app.url}/#/home`);
        const [first, second] = seed.switchRooms;
        const readyMs = await frameWhenListed(page, [first.name, second.name], READY_TIMEOUT_MS);
        const syncMs = await initialSyncMs(page);
        const heapBytes = await heapAfterGc(page);
        const switchMs: number[] = [];
        for (let i = 0; i < SWITCHES_PER_RUN; i++) switchMs.push(await switchTo(page, i % 2 ? second : first));
        return { readyMs, initialSyncMs: syncMs, switchMs, heapBytes };
    } finally {
        await context.close();
    }
}

export async function measureSessions(runs: number): Promise<Record<FlavourId, RunResult[]>> {
    for (const flavour of FLAVOURS) {
        if (!hasWebBuild(flavour.dir)) throw new Error(`no build in ${flavour.dir}: run npm run bench (or build and build:stock) first`);
    }
    const { synapse, seed } = await startLargeSynapse(log);
    const apps = await Promise.all(
        FLAVOURS.map((f) => serveWebapp({ webappDir: f.dir, port: f.port, config: e2eWebappConfig(synapse.baseUrl) })),
    );
    const browser = await launchChromium();
    const results: Record<FlavourId, RunResult[]> = { stock: [], atrium: [] };
    try {
        // Warm-up, discarded: the first /sync after Synapse starts is about twice as slow.
        for (const [i, flavour] of FLAVOURS.entries()) {
            log(`warm-up ${flavour.id}`);
            await oneRun(browser, apps[i], seed, synapse.baseUrl);
        }
        for (let run = 1; run <= runs; run++) {
            const order = run % 2 ? [0, 1] : [1, 0];
            for (const i of order) {
                const result = await oneRun(browser, apps[i], seed, synapse.baseUrl);
                results[FLAVOURS[i].id].push(result);
                log(
                    `run ${run} ${FLAVOURS[i].id.padEnd(6)} ready ${result.readyMs.toFixed(0)} ms (initial /sync ${result.initialSyncMs?.toFixed(0) ?? "?"} ms), ` +
                        `switch ${result.switchMs.map((m) => m.toFixed(0)).join("/")} ms, heap ${(result.heapBytes / 1e6).toFixed(1)} MB`,
                );
            }
        }
    } finally {
        await browser.close();
        await Promise.all(apps.map((a) => a.stop()));
        await synapse.stop();
    }
    return results;
}

function budgetCell(ratio: string, budget: number): string {
    if (ratio === "–") return "–";
    return Number(ratio) <= budget ? `≤ ${budget.toFixed(2)} ok` : `≤ ${budget.toFixed(2)} OVER`;
}

export function sessionRows(results: Record<FlavourId, RunResult[]>): Row[] {
    const pick = (id: FlavourId, f: (r: RunResult) => number | null): number =>
        median(results[id].map(f).filter((v): v is number => v !== null));
    const row = (label: string, f: (r: RunResult) => number | null, budget: number | null, unit = 1): Row => {
        const stock = pick("stock", f);
        const atrium = pick("atrium", f);
        const ratio = formatRatio(atrium, stock);
        return { label, cells: [(stock / unit).toFixed(unit === 1 ? 0 : 1), (atrium / unit).toFixed(unit === 1 ? 0 : 1), ratio, budget === null ? "" : budgetCell(ratio, budget)] };
    };
    return [
        heading("1,000 rooms in 50 spaces (npm run seed:large), medians"),
        row("session to ready, ms", (r) => r.readyMs, 1.05),
        row("  of which the initial /sync, ms", (r) => r.initialSyncMs, null),
        row("  the client's own part (ready − /sync), ms", (r) => (r.initialSyncMs === null ? null : r.readyMs - r.initialSyncMs), null),
        row("room switch, ms", (r) => median(r.switchMs), 1.0),
        row("JS heap after GC at ready, MB", (r) => r.heapBytes, 1.1, 1e6),
    ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
    const runs = runsFromArgs(process.argv.slice(2));
    const results = await measureSessions(runs);
    console.log("");
    console.log(renderTable(["", "stock", "Atrium", "Atrium/stock", "budget"], sessionRows(results)));
}
