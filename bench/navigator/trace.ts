// `npx tsx bench/navigator/trace.ts [--loads N] [case…]`: where the first render's main-thread time
// goes, by kind of work (script, style, layout, paint, GC…), for the bench page's cases, from a
// Chromium trace of each load between the page's marks `bench-render-start` and `bench-render-end`.
// Thread time (the CPU the page's main thread really got), so the figures hold on a loaded machine,
// where wall-clock time also counts the waits for a core. A diagnostic beside bench/navigator.ts
// (run that first: it builds the page); cases are the ids of bench/navigator/result.ts. `--page DIR`
// reads another build of the page (for comparing two versions of the code on the same machine).
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { chromium } from "playwright-core";

import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../e2e/harness/chromium.ts";
import { CASES, type BenchCase, type BenchResult } from "./result.ts";
import { servePage } from "./pageServer.ts";
import { tracedLoad, type ThreadTime } from "./threadTime.ts";
import { median } from "../stats.ts";

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

function report(what: string, perLoad: ThreadTime[], detailed: boolean): void {
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

const server = await servePage(pageDir);
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
try {
    for (const benchCase of cases) {
        const renders: ThreadTime[] = [];
        const toggles: ThreadTime[] = [];
        for (let i = 0; i < loads; i++) {
            const { render, toggles: toggle } = await tracedLoad(browser, base, benchCase);
            renders.push(render);
            toggles.push(toggle);
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
