// `npx tsx bench/navigator.ts [--no-build] [--runs N] [--json FILE]`: first render and collapse/expand times of
// the same 10,000 rooms in 500 spaces, Element's classic room list against Atrium's space navigator,
// in one run. Builds a bench-only page (bench/navigator/, Atrium's webpack config with the page as
// entry), serves it locally, loads it in headless Chromium `runs` times per view (alternating, a
// fresh browser context each time) and prints medians. The timings are taken inside the page
// (performance.now(), from the render call to the first frame painted with rows); see page.tsx.
import { spawnSync } from "node:child_process";
import { createReadStream, existsSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { chromium } from "playwright-core";

import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../e2e/harness/chromium.ts";
import { FLAVOURS, type BenchResult, type Flavour } from "./navigator/result.ts";
import { renderTable, type Row } from "./table.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pageDir = path.join(root, ".cache/bench-navigator/page");
const args = process.argv.slice(2);
const runsArg = args.indexOf("--runs");
const runs = Math.max(5, runsArg >= 0 ? Number(args[runsArg + 1]) : 7);
const jsonArg = args.indexOf("--json");
const jsonFile = jsonArg >= 0 ? args[jsonArg + 1] : undefined;

function build(): void {
    console.log("navigator bench: building the bench page (Atrium's webpack config, unminified production)…");
    const result = spawnSync(
        process.execPath,
        [
            "--max-old-space-size=6144",
            path.join(root, "node_modules/webpack/bin/webpack.js"),
            "--config",
            path.join(root, "bench/navigator/webpack.config.cjs"),
        ],
        { cwd: root, stdio: "inherit", env: { ...process.env, NAV_BENCH_OUTPUT_DIR: pageDir } },
    );
    if (result.status !== 0) throw new Error("navigator bench: the page build failed");
}

const TYPES: Record<string, string> = {
    ".html": "text/html",
    ".js": "text/javascript",
    ".css": "text/css",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".woff2": "font/woff2",
    ".png": "image/png",
};

/** A small static server for the page (no caching games: every context starts cold anyway). */
function serve(dir: string): Promise<http.Server> {
    const server = http.createServer((req, res) => {
        const url = new URL(req.url ?? "/", "http://localhost");
        const file = path.join(dir, path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, ""));
        const target = file.endsWith(path.sep) || url.pathname === "/" ? path.join(dir, "index.html") : file;
        if (!target.startsWith(dir) || !existsSync(target) || !statSync(target).isFile()) {
            res.writeHead(404).end();
            return;
        }
        res.writeHead(200, { "Content-Type": TYPES[path.extname(target)] ?? "application/octet-stream" });
        createReadStream(target).pipe(res);
    });
    return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const median = (values: number[]): number => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function main(): Promise<void> {
    if (!args.includes("--no-build") || !existsSync(path.join(pageDir, "index.html"))) build();
    const server = await serve(pageDir);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    const results: Record<Flavour, BenchResult[]> = {
        classic: [],
        "classic+badges": [],
        navigator: [],
        "navigator+badges": [],
    };
    try {
        for (let run = 1; run <= runs; run++) {
            // Alternate which view goes first, so neither always meets a warmer machine.
            const order: Flavour[] = run % 2 ? [...FLAVOURS] : [...FLAVOURS].reverse();
            for (const flavour of order) {
                const view = flavour.startsWith("classic") ? "classic" : "navigator";
                const badges = flavour.endsWith("+badges");
                const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
                const page = await context.newPage();
                const pageErrors: string[] = [];
                page.on("pageerror", (e) => pageErrors.push(String(e)));
                await page.goto(`${base}?view=${view}${badges ? "&badges=on" : ""}`);
                await page.waitForFunction(() => window.atriumBench !== undefined);
                const result = (await page.evaluate(() => window.atriumBench)) as BenchResult;
                result.errors.push(...pageErrors);
                results[flavour].push(result);
                process.stdout.write(
                    `  run ${run} ${flavour.padEnd(16)} render ${result.firstRenderMs.toFixed(0)} ms, collapse ${result.collapseMs.toFixed(0)} ms, expand ${result.expandMs.toFixed(0)} ms, ${result.renderedRows} rows in the DOM\n`,
                );
                await context.close();
            }
        }
    } finally {
        await browser.close();
        server.close();
    }

    const [first] = results.navigator;
    const cells = (pick: (r: BenchResult) => number): string[] =>
        (["classic", "navigator"] as const).map((v) => median(results[v].map(pick)).toFixed(1));
    // Badges on against off, per view: the ratio the module's budget (1.05×) is about.
    const badgeCells = (pick: (r: BenchResult) => number): string[] =>
        (["classic", "navigator"] as const).flatMap((v) => {
            const off = median(results[v].map(pick));
            const on = median(results[`${v}+badges`].map(pick));
            return [off.toFixed(1), on.toFixed(1), `${(on / off).toFixed(2)}×`];
        });
    const rows: Row[] = [
        { label: "stores ready (same for both; not part of render)", cells: cells((r) => r.setupMs) },
        { label: "first render, to first painted frame", cells: cells((r) => r.firstRenderMs) },
        {
            label: "navigator's snapshot of all rooms, built alone",
            cells: ["–", median(results.navigator.map((r) => r.snapshotMs)).toFixed(1)],
        },
        { label: "collapse a branch, to painted frame", cells: cells((r) => r.collapseMs) },
        { label: "expand it again, to painted frame", cells: cells((r) => r.expandMs) },
        { label: "rows in the DOM after first render", cells: cells((r) => r.renderedRows) },
    ];
    console.log("");
    console.log(
        `Space navigator vs classic room list: ${first.rooms.toLocaleString("en-US")} rooms in ${first.spaces} spaces, median of ${runs} runs (ms)`,
    );
    console.log(renderTable(["", "classic", "navigator"], rows));
    console.log(
        "Branch: the classic list's \"Rooms\" section (all rooms, Home with all rooms shown); the navigator's first department (9 teams, 20 rooms).",
    );
    console.log("");
    console.log(`Policy badges off vs on (modules/policy-badges on every tile and node), median of ${runs} runs (ms)`);
    console.log(
        renderTable(
            ["", "classic", "classic+badges", "ratio", "navigator", "navigator+badges", "ratio"],
            [
                { label: "first render, to first painted frame", cells: badgeCells((r) => r.firstRenderMs) },
                { label: "collapse a branch, to painted frame", cells: badgeCells((r) => r.collapseMs) },
                { label: "expand it again, to painted frame", cells: badgeCells((r) => r.expandMs) },
            ],
        ),
    );
    if (jsonFile) {
        const medians = (view: Flavour) => ({
            firstRenderMs: median(results[view].map((r) => r.firstRenderMs)),
            collapseMs: median(results[view].map((r) => r.collapseMs)),
            expandMs: median(results[view].map((r) => r.expandMs)),
            setupMs: median(results[view].map((r) => r.setupMs)),
            renderedRows: median(results[view].map((r) => r.renderedRows)),
        });
        const summary = {
            rooms: first.rooms,
            spaces: first.spaces,
            runs,
            classic: medians("classic"),
            navigator: medians("navigator"),
            classicWithBadges: medians("classic+badges"),
            navigatorWithBadges: medians("navigator+badges"),
            raw: results,
        };
        writeFileSync(jsonFile, JSON.stringify(summary, null, 2));
        console.log(`(medians and every run written to ${jsonFile})`);
    }
    // The SDK's start-up TDZ error (element-web#27606, see the README) is known noise; anything else is shown.
    const errors = FLAVOURS.flatMap((flavour) => results[flavour])
        .flatMap((r) => r.errors.map((e) => `${r.view}${r.badges ? "+badges" : ""}: ${e}`))
        .filter((e) => !/Cannot access '[\w$]+' before initialization/.test(e));
    if (errors.length) console.log(`Page errors:\n  ${[...new Set(errors)].join("\n  ")}`);
}

declare global {
    interface Window {
        atriumBench?: Promise<BenchResult>;
    }
}

main().catch((e) => {
    console.error(e);
    process.exit(1);
});
