// `npx tsx bench/navigator/trace.ts [--loads N] [case…]`: where the first render's main-thread time
// goes, by kind of work (script, style, layout, paint, GC…), for the bench page's cases, from a
// Chromium trace of each load between the page's marks `bench-render-start` and `bench-render-end`.
// Thread time (the CPU the page's main thread really got), so the figures hold on a loaded machine,
// where wall-clock time also counts the waits for a core. A diagnostic beside bench/navigator.ts
// (run that first: it builds the page); cases are the ids of bench/navigator/result.ts. `--page DIR`
// reads another build of the page (for comparing two versions of the code on the same machine).
import { createReadStream, existsSync, statSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { chromium } from "playwright-core";

import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../e2e/harness/chromium.ts";
import { CASES, type BenchCase, type BenchResult } from "./result.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const args = process.argv.slice(2);
const pageArg = args.indexOf("--page");
const pageDir = pageArg >= 0 ? path.resolve(args[pageArg + 1]) : path.join(root, ".cache/bench-navigator/page");
const loadsArg = args.indexOf("--loads");
const loads = loadsArg >= 0 ? Number(args[loadsArg + 1]) : 5;
const wanted = args.filter((a, i) => !a.startsWith("--") && !["--loads", "--page"].includes(args[i - 1]));
/** A case of result.ts by id, or any view at any size: `navigator+badges@d5` (5 departments: 1,000 rooms). */
function caseOf(id: string): BenchCase {
    const known = CASES.find((c) => c.id === id);
    if (known) return known;
    const match = /^(classic|navigator)(\+badges)?@d(\d+)$/.exec(id);
    if (!match) throw new Error(`unknown case ${id}`);
    return { id, view: match[1] as BenchCase["view"], badges: Boolean(match[2]), departments: Number(match[3]) };
}
const cases = wanted.length ? wanted.map(caseOf) : CASES;

interface TraceEvent {
    name: string;
    ph: string;
    ts: number;
    dur?: number;
    tdur?: number;
    pid: number;
    tid: number;
    args?: { name?: string; data?: unknown };
}

function serve(dir: string): Promise<http.Server> {
    const server = http.createServer((req, res) => {
        const url = new URL(req.url ?? "/", "http://localhost");
        const rel = path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, "");
        const file = url.pathname === "/" ? path.join(dir, "index.html") : path.join(dir, rel);
        if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
            res.writeHead(404).end();
            return;
        }
        const type = file.endsWith(".js") ? "text/javascript" : file.endsWith(".css") ? "text/css" : "text/html";
        res.writeHead(200, { "Content-Type": type });
        createReadStream(file).pipe(res);
    });
    return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** Self thread time (ms) per event name on the main thread between the two marks, and the wall time between them. */
function breakdown(
    events: TraceEvent[],
    [startMark, endMark]: [string, string],
): {
    self: Map<string, number>;
    selfWall: Map<string, number>;
    wallMs: number;
    cpuMs: number;
} {
    const threadName = new Map<string, string>();
    for (const e of events)
        if (e.ph === "M" && e.name === "thread_name") threadName.set(`${e.pid}:${e.tid}`, e.args?.name ?? "");
    const start = events.find((e) => e.name === startMark)!;
    const end = events.find((e) => e.name === endMark)!;
    const main = events
        .filter(
            (e) =>
                e.ph === "X" &&
                e.pid === start.pid &&
                threadName.get(`${e.pid}:${e.tid}`) === "CrRendererMain" &&
                // The task that marks the start also renders: events overlapping the window count.
                e.ts + (e.dur ?? 0) > start.ts &&
                e.ts < end.ts &&
                e.tdur !== undefined,
        )
        .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const self = new Map<string, number>();
    const selfWall = new Map<string, number>();
    // Nesting by wall-clock intervals; self thread time = own tdur minus the children's tdur.
    const stack: { event: TraceEvent; childCpu: number; childWall: number }[] = [];
    const close = (): void => {
        const { event, childCpu, childWall } = stack.pop()!;
        self.set(event.name, (self.get(event.name) ?? 0) + (event.tdur! - childCpu) / 1000);
        selfWall.set(event.name, (selfWall.get(event.name) ?? 0) + (event.dur! - childWall) / 1000);
        if (stack.length) {
            stack[stack.length - 1].childCpu += event.tdur!;
            stack[stack.length - 1].childWall += event.dur!;
        }
    };
    let cpu = 0;
    for (const event of main) {
        while (stack.length && stack[stack.length - 1].event.ts + stack[stack.length - 1].event.dur! <= event.ts)
            close();
        if (!stack.length) cpu += event.tdur!;
        stack.push({ event, childCpu: 0, childWall: 0 });
    }
    while (stack.length) close();
    return { self, selfWall, wallMs: (end.ts - start.ts) / 1000, cpuMs: cpu / 1000 };
}

const median = (values: number[]): number => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function report(what: string, perLoad: ReturnType<typeof breakdown>[], detailed: boolean): void {
    console.log(
        `\n${what}, median of ${loads} loads: wall ${median(perLoad.map((b) => b.wallMs)).toFixed(1)} ms, main-thread CPU ${median(perLoad.map((b) => b.cpuMs)).toFixed(1)} ms (each load's CPU: ${perLoad.map((b) => b.cpuMs.toFixed(0)).join(", ")})`,
    );
    if (!detailed) return;
    const names = new Set(perLoad.flatMap((b) => [...b.self.keys()]));
    const rows = [...names]
        .map(
            (name) =>
                [
                    name,
                    median(perLoad.map((b) => b.self.get(name) ?? 0)),
                    median(perLoad.map((b) => b.selfWall.get(name) ?? 0)),
                ] as const,
        )
        .filter(([, cpu, wall]) => cpu >= 0.5 || wall >= 0.5)
        .sort((a, b) => b[1] - a[1]);
    console.log("  self CPU   self wall  (ms)");
    for (const [name, cpu, wall] of rows)
        console.log(`  ${cpu.toFixed(1).padStart(8)}  ${wall.toFixed(1).padStart(9)}  ${name}`);
}

const server = await serve(pageDir);
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
try {
    for (const benchCase of cases) {
        const renders: ReturnType<typeof breakdown>[] = [];
        const toggles: ReturnType<typeof breakdown>[] = [];
        for (let i = 0; i < loads; i++) {
            const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
            const page = await context.newPage();
            const query = `?view=${benchCase.view}${benchCase.badges ? "&badges=on" : ""}&departments=${benchCase.departments}&profile=1`;
            await page.goto(base + query);
            await page.waitForFunction(() => window.atriumBenchReadyToRender === true, undefined, { timeout: 120_000 });
            await browser.startTracing(page, {
                categories: ["devtools.timeline", "blink.user_timing", "v8", "disabled-by-default-devtools.timeline"],
            });
            await page.evaluate(() => window.atriumBenchGo!());
            await page.waitForFunction(() => window.atriumBench !== undefined);
            await page.evaluate(() => window.atriumBench);
            const { traceEvents } = JSON.parse((await browser.stopTracing()).toString()) as {
                traceEvents: TraceEvent[];
            };
            renders.push(breakdown(traceEvents, ["bench-render-start", "bench-render-end"]));
            toggles.push(breakdown(traceEvents, ["bench-toggles-start", "bench-toggles-end"]));
            await context.close();
        }
        report(`${benchCase.id}: first render`, renders, true);
        report(`${benchCase.id}: collapse and expand`, toggles, false);
    }
} finally {
    await browser.close();
    server.close();
}

declare global {
    interface Window {
        atriumBench?: Promise<BenchResult>;
        atriumBenchReadyToRender?: boolean;
        atriumBenchGo?: () => void;
    }
}
