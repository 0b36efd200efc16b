// `npx tsx bench/session.ts [--runs N]`: the large account (npm run seed:large: 1,000 rooms in 50
// spaces) in stock Element and in Atrium, from the existing webapp-stock/ and webapp/ builds:
//   - session to ready: an injected session (a fresh login, its own device) to the first animation
//     frame in which the left panel lists the two most recent rooms; and of that, the initial /sync;
//   - room switch: a click on a room in the left panel to the frame that shows its latest message;
//   - JS heap after a forced garbage collection, at ready (DevTools protocol);
//   - long tasks (over 50 ms) on the main thread until ready: their count and total blocking time.
// Atrium runs twice: with the space navigator (its default) and with Element's classic room list.
// Medians of N runs per flavour (in turn), after one discarded warm-up run each. Nothing asserted.
// With --profile, one more run per flavour records a CPU profile until ready and prints where the
// main thread's time went, by source (through the builds' source maps).
import path from "node:path";
import { performance } from "node:perf_hooks";

import type { Browser, Page } from "playwright-core";

import { e2eWebappConfig } from "../e2e/harness/config.ts";
import { elementSessionEntries, login, type MatrixSession } from "../e2e/harness/matrix-client.ts";
import { repoRoot } from "../e2e/harness/paths.ts";
import { hasWebBuild, serveWebapp, type WebappServer } from "../e2e/harness/webapp.ts";
import { launchChromium } from "./loginPage.ts";
import { startLargeSynapse } from "./seed/largeSynapse.ts";
import type { SeedRecord } from "./seed/seedLargeAccount.ts";
import { attributeProfile, startCpuProfile } from "./profile.ts";
import { median } from "./stats.ts";
import { formatRatio, heading, renderTable, type Row } from "./table.ts";

export type FlavourId = "stock" | "atrium" | "classic";
interface Flavour {
    id: FlavourId;
    label: string;
    dir: string;
    port: number;
    /** Changes to the test config (the same for every flavour otherwise). */
    atriumConfig?: Record<string, unknown>;
}
export const FLAVOURS: Flavour[] = [
    { id: "stock", label: "stock", dir: path.join(repoRoot, "webapp-stock"), port: 48180 },
    { id: "atrium", label: "Atrium (navigator)", dir: path.join(repoRoot, "webapp"), port: 48181 },
    {
        id: "classic",
        label: "Atrium (classic list)",
        dir: path.join(repoRoot, "webapp"),
        port: 48182,
        atriumConfig: { modules: { "space-navigator": { enabled: false } } },
    },
];
const SWITCHES_PER_RUN = 4;
export const READY_TIMEOUT_MS = 120_000;

interface RunResult {
    readyMs: number;
    /** The initial /sync: request start to response end, ms (null if the page saw none). */
    initialSyncMs: number | null;
    /** Navigation start to the initial /sync's request: loading the app and starting the client. */
    beforeSyncMs: number | null;
    /** The initial /sync's response end to ready: processing it and rendering the left panel. */
    afterSyncMs: number | null;
    switchMs: number[];
    heapBytes: number;
    longTasks: { count: number; blockingMs: number };
}

/** Runs before the app's scripts: notes every long task of the page's main thread. */
const WATCH_LONG_TASKS = `(() => {
    window.__atriumLongTasks = [];
    new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__atriumLongTasks.push([entry.startTime, entry.duration]);
    }).observe({ type: "longtask" });
})();`;

/** Long tasks that started before `untilMs`: how many, and the time beyond 50 ms each (blocking time). */
function longTasksUntil(page: Page, untilMs: number): Promise<{ count: number; blockingMs: number }> {
    return page.evaluate((untilMs) => {
        const tasks = (
            (window as unknown as { __atriumLongTasks?: [number, number][] }).__atriumLongTasks ?? []
        ).filter(([start]) => start <= untilMs);
        return {
            count: tasks.length,
            blockingMs: tasks.reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0),
        };
    }, untilMs);
}

const log = (message: string): void => console.log(`[session] ${message}`);

function profileFromArgs(argv: string[]): boolean {
    return argv.includes("--profile");
}

function runsFromArgs(argv: string[]): number {
    const at = argv.indexOf("--runs");
    const runs = at >= 0 ? Number(argv[at + 1]) : 5;
    if (!Number.isInteger(runs) || runs < 5) throw new Error("--runs needs a whole number of at least 5");
    return runs;
}

/** Element's localStorage keys for a signed-in session, written before any page script runs. */
async function injectSession(page: Page, session: MatrixSession): Promise<void> {
    await page.addInitScript((entries: [string, string][]) => {
        for (const [key, value] of entries) localStorage.setItem(key, value);
    }, elementSessionEntries(session));
}

/** ms since navigation start of the first animation frame in which the left panel lists every name. */
export function frameWhenListed(page: Page, names: string[], timeoutMs: number): Promise<number> {
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

interface InitialSync {
    /** ms since navigation start: when the request was made (the entry's startTime) */
    startTime: number;
    responseEnd: number;
}

/**
 * The initial /sync (no `since`) as the page saw it. The homeserver is another origin without
 * Timing-Allow-Origin, so the detailed marks (requestStart, responseStart) read 0: only the entry's
 * startTime and responseEnd are real.
 */
function initialSync(page: Page): Promise<InitialSync | null> {
    return page.evaluate(() => {
        const entry = performance
            .getEntriesByType("resource")
            .find((e) => e.name.includes("/_matrix/client/v3/sync") && !e.name.includes("since=")) as
            PerformanceResourceTiming | undefined;
        return entry ? { startTime: entry.startTime, responseEnd: entry.responseEnd } : null;
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
                    if (header.includes(name) && timeline.includes(lastMessage))
                        return resolve(performance.now() - started);
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

/** A fresh login (its own device) and a new browser context whose page starts with it; `measure` opens the app. */
export async function withFreshSession<T>(
    browser: Browser,
    app: WebappServer,
    seed: SeedRecord,
    synapseUrl: string,
    measure: (page: Page) => Promise<T>,
): Promise<T> {
    const session = await login(synapseUrl, seed.user.localpart, seed.user.password);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
        const page = await context.newPage();
        // tsx compiles the functions passed to page.evaluate with esbuild's keepNames, which wraps
        // named functions in a __name(...) helper that only exists in Node: give the page a no-op one.
        await page.addInitScript("window.__name = (fn) => fn;");
        await page.addInitScript({ content: WATCH_LONG_TASKS });
        await injectSession(page, session);
        return await measure(page);
    } finally {
        await context.close();
    }
}

function oneRun(browser: Browser, app: WebappServer, seed: SeedRecord, synapseUrl: string): Promise<RunResult> {
    return withFreshSession(browser, app, seed, synapseUrl, async (page) => {
        await page.goto(`${app.url}/#/home`);
        const [first, second] = seed.switchRooms;
        const readyMs = await frameWhenListed(page, [first.name, second.name], READY_TIMEOUT_MS);
        const sync = await initialSync(page);
        const longTasks = await longTasksUntil(page, readyMs);
        const heapBytes = await heapAfterGc(page);
        const switchMs: number[] = [];
        for (let i = 0; i < SWITCHES_PER_RUN; i++) switchMs.push(await switchTo(page, i % 2 ? second : first));
        return {
            readyMs,
            initialSyncMs: sync ? sync.responseEnd - sync.startTime : null,
            beforeSyncMs: sync ? sync.startTime : null,
            afterSyncMs: sync ? readyMs - sync.responseEnd : null,
            switchMs,
            heapBytes,
            longTasks,
        };
    });
}

interface PhaseProfiles {
    /** Navigation start to the initial /sync's request: loading the app, starting the client. */
    beforeSync: Map<string, number>;
    /** The initial /sync's response end to ready: processing it, rendering the left panel. */
    afterSync: Map<string, number>;
}

/**
 * One run under the CPU profiler, split at the initial /sync: ms of main-thread time per source
 * group in each phase. The page's clock and the profile's are lined up through the wall clock
 * (performance.timeOrigin in the page, the moment the profiler started in Node), to about a ms.
 */
function profiledRun(
    browser: Browser,
    app: WebappServer,
    flavour: Flavour,
    seed: SeedRecord,
    synapseUrl: string,
): Promise<PhaseProfiles> {
    return withFreshSession(browser, app, seed, synapseUrl, async (page) => {
        const stop = await startCpuProfile(page);
        const profileStartedAt = performance.timeOrigin + performance.now();
        await page.goto(`${app.url}/#/home`);
        const [first, second] = seed.switchRooms;
        const readyMs = await frameWhenListed(page, [first.name, second.name], READY_TIMEOUT_MS);
        const profile = await stop();
        const sync = await initialSync(page);
        if (!sync) throw new Error("the page made no initial /sync");
        const pageOrigin = await page.evaluate(() => performance.timeOrigin);
        const inProfile = (pageMs: number): number => pageOrigin + pageMs - profileStartedAt;
        return {
            beforeSync: await attributeProfile(profile, flavour.dir, app.url, {
                fromMs: 0,
                toMs: inProfile(sync.startTime),
            }),
            afterSync: await attributeProfile(profile, flavour.dir, app.url, {
                fromMs: inProfile(sync.responseEnd),
                toMs: inProfile(readyMs),
            }),
        };
    });
}

export interface SessionResults {
    runs: Record<FlavourId, RunResult[]>;
    /** ms of main-thread time per source group, one profiled run per flavour (with --profile). */
    profiles?: Record<FlavourId, PhaseProfiles>;
}

export async function measureSessions(runs: number, profile = false): Promise<SessionResults> {
    for (const flavour of FLAVOURS) {
        if (!hasWebBuild(flavour.dir))
            throw new Error(`no build in ${flavour.dir}: run npm run bench (or build and build:stock) first`);
    }
    const { synapse, seed } = await startLargeSynapse(log);
    const apps = await Promise.all(
        FLAVOURS.map((f) => serveWebapp({ webappDir: f.dir, port: f.port, config: flavourConfig(f, synapse.baseUrl) })),
    );
    const browser = await launchChromium();
    const results: Record<FlavourId, RunResult[]> = { stock: [], atrium: [], classic: [] };
    let profiles: SessionResults["profiles"];
    try {
        // Warm-up, discarded: the first /sync after Synapse starts is about twice as slow.
        for (const [i, flavour] of FLAVOURS.entries()) {
            log(`warm-up ${flavour.id}`);
            await oneRun(browser, apps[i], seed, synapse.baseUrl);
        }
        for (let run = 1; run <= runs; run++) {
            // Each flavour goes first, middle and last in turn.
            const order = FLAVOURS.map((_, i) => (i + run) % FLAVOURS.length);
            for (const i of order) {
                const result = await oneRun(browser, apps[i], seed, synapse.baseUrl);
                results[FLAVOURS[i].id].push(result);
                log(
                    `run ${run} ${FLAVOURS[i].id.padEnd(6)} ready ${result.readyMs.toFixed(0)} ms (initial /sync ${result.initialSyncMs?.toFixed(0) ?? "?"} ms), ` +
                        `switch ${result.switchMs.map((m) => m.toFixed(0)).join("/")} ms, heap ${(result.heapBytes / 1e6).toFixed(1)} MB, ` +
                        `long tasks ${result.longTasks.count} (${result.longTasks.blockingMs.toFixed(0)} ms blocking)`,
                );
            }
        }
        if (profile) {
            const found = {} as Record<FlavourId, PhaseProfiles>;
            for (const [i, flavour] of FLAVOURS.entries()) {
                log(`profiling ${flavour.id}`);
                found[flavour.id] = await profiledRun(browser, apps[i], flavour, seed, synapse.baseUrl);
            }
            profiles = found;
        }
    } finally {
        await browser.close();
        await Promise.all(apps.map((a) => a.stop()));
        await synapse.stop();
    }
    return { runs: results, profiles };
}

export function flavourConfig(flavour: Flavour, synapseUrl: string): Record<string, unknown> {
    const config = e2eWebappConfig(synapseUrl);
    if (!flavour.atriumConfig) return config;
    return { ...config, atrium: { ...(config.atrium as Record<string, unknown>), ...flavour.atriumConfig } };
}

function budgetCell(ratio: string, budget: number): string {
    if (ratio === "–") return "–";
    return Number(ratio) <= budget ? `≤ ${budget.toFixed(2)} ok` : `≤ ${budget.toFixed(2)} OVER`;
}

/** Columns: stock, then per Atrium flavour its figure and its ratio to stock, then the budget. */
export const SESSION_COLUMNS = ["", "stock", "Atrium", "Atrium/stock", "classic list", "classic/stock", "budget"];

export function sessionRows(results: Record<FlavourId, RunResult[]>): Row[] {
    const pick = (id: FlavourId, f: (r: RunResult) => number | null): number =>
        median(results[id].map(f).filter((v): v is number => v !== null));
    const row = (label: string, f: (r: RunResult) => number | null, budget: number | null, unit = 1): Row => {
        const shown = (v: number): string => (v / unit).toFixed(unit === 1 ? 0 : 1);
        const stock = pick("stock", f);
        const atrium = pick("atrium", f);
        const classic = pick("classic", f);
        const ratio = formatRatio(atrium, stock);
        return {
            label,
            cells: [
                shown(stock),
                shown(atrium),
                ratio,
                shown(classic),
                formatRatio(classic, stock),
                budget === null ? "" : budgetCell(ratio, budget),
            ],
        };
    };
    const clientPart = (r: RunResult): number | null => (r.initialSyncMs === null ? null : r.readyMs - r.initialSyncMs);
    return [
        heading("1,000 rooms in 50 spaces (npm run seed:large), medians; budgets apply to Atrium with its navigator"),
        row("session to ready, ms", (r) => r.readyMs, 1.05),
        row("  of which the initial /sync, ms", (r) => r.initialSyncMs, null),
        row("  the client's own part (ready − /sync), ms", clientPart, 0.8),
        row("    before the /sync: load the app, start the client", (r) => r.beforeSyncMs, null),
        row("    after it: process the /sync, render the left panel", (r) => r.afterSyncMs, null),
        row("long tasks until ready, count", (r) => r.longTasks.count, null),
        row("  total blocking time (beyond 50 ms each), ms", (r) => r.longTasks.blockingMs, null),
        row("room switch, ms", (r) => median(r.switchMs), 1.0),
        row("JS heap after GC at ready, MB", (r) => r.heapBytes, 1.1, 1e6),
    ];
}

/** The profiled runs side by side: main-thread ms per source group, largest first. */
export function profileRows(title: string, profiles: Record<FlavourId, Map<string, number>>, top = 25): Row[] {
    const groups = new Set(FLAVOURS.flatMap((f) => [...profiles[f.id].keys()]));
    const ms = (id: FlavourId, group: string): number => profiles[id].get(group) ?? 0;
    const total = (id: FlavourId): number => [...profiles[id].values()].reduce((a, b) => a + b, 0);
    const rows = [...groups]
        .sort((x, y) => Math.max(ms("stock", y), ms("atrium", y)) - Math.max(ms("stock", x), ms("atrium", x)))
        .slice(0, top)
        .map((group): Row => ({ label: `  ${group}`, cells: FLAVOURS.map((f) => ms(f.id, group).toFixed(0)) }));
    return [heading(title), { label: "  all", cells: FLAVOURS.map((f) => total(f.id).toFixed(0)) }, ...rows];
}

if (import.meta.url === `file://${process.argv[1]}`) {
    const argv = process.argv.slice(2);
    const results = await measureSessions(runsFromArgs(argv), profileFromArgs(argv));
    console.log("");
    console.log(renderTable(SESSION_COLUMNS, sessionRows(results.runs)));
    if (results.profiles) {
        console.log("");
        const phase = (key: keyof PhaseProfiles): Record<FlavourId, Map<string, number>> =>
            Object.fromEntries(FLAVOURS.map((f) => [f.id, results.profiles![f.id][key]])) as Record<
                FlavourId,
                Map<string, number>
            >;
        const columns = ["", ...FLAVOURS.map((f) => f.label)];
        console.log(
            renderTable(
                columns,
                profileRows(
                    "Main thread before the initial /sync, one profiled run each, ms by source (self time)",
                    phase("beforeSync"),
                ),
            ),
        );
        console.log("");
        console.log(
            renderTable(
                columns,
                profileRows(
                    "Main thread from the initial /sync's response to ready, ms by source (self time)",
                    phase("afterSync"),
                ),
            ),
        );
    }
}
