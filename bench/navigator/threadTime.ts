// Main-thread time of the bench page's timed parts, from a Chromium trace: thread time (the CPU the
// renderer's main thread really got) between the page's marks, so a figure holds on a loaded machine
// where wall-clock time also counts waits for a core, frame boundaries and other threads' work.
// Used by bench/navigator.ts (the badges' CPU rows) and bench/navigator/trace.ts (the breakdown).
import type { Browser } from "playwright-core";

import type { BenchCase } from "./result.ts";

export interface TraceEvent {
    name: string;
    ph: string;
    ts: number;
    dur?: number;
    tdur?: number;
    pid: number;
    tid: number;
    args?: { name?: string; data?: unknown };
}

export interface ThreadTime {
    /** Self thread time (ms) per trace event name. */
    self: Map<string, number>;
    /** Self wall-clock time (ms) per trace event name. */
    selfWall: Map<string, number>;
    wallMs: number;
    cpuMs: number;
}

/** Self thread time per event name on the main thread between the two marks, and the wall time between them. */
export function breakdown(events: TraceEvent[], [startMark, endMark]: [string, string]): ThreadTime {
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

/**
 * One load of the page (served at `base`) for the case, traced from the render call: the main-thread
 * time of its first render and of its collapse and expand.
 */
export async function tracedLoad(
    browser: Browser,
    base: string,
    benchCase: BenchCase,
): Promise<{ render: ThreadTime; toggles: ThreadTime }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    try {
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
        const { traceEvents } = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
        return {
            render: breakdown(traceEvents, ["bench-render-start", "bench-render-end"]),
            toggles: breakdown(traceEvents, ["bench-toggles-start", "bench-toggles-end"]),
        };
    } finally {
        await context.close();
    }
}
