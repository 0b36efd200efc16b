// `npm run bench`: Atrium against stock Element from the same pipeline — login-page JS and CSS,
// cold start to a usable login form, total build output. See bench/README.md for what each figure means.
import { execFileSync } from "node:child_process";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

import type { Browser } from "playwright-core";

import { e2eWebappConfig } from "../e2e/harness/config.ts";
import { repoRoot } from "../e2e/harness/paths.ts";
import { startSynapse, type SynapseHandle } from "../e2e/harness/synapse.ts";
import { hasWebBuild, serveWebapp, type WebappServer } from "../e2e/harness/webapp.ts";
import { fileSize, measureOutputDir, type FileSize, type OutputDirSizes } from "./assets.ts";
import { runBuild, waitForNoOtherBuild, type BuildResult } from "./build.ts";
import { bundleComposition, groupShares, type GroupShare } from "./composition.ts";
import { launchChromium, loadLoginPage, type LoginLoad } from "./loginPage.ts";
import { cpuShare, cpuSnapshot } from "./machine.ts";
import { median } from "./stats.ts";
import { formatDifference, formatInteger, formatRatio, heading, renderTable, type Row } from "./table.ts";

type FlavourId = "stock" | "atrium";

interface Flavour {
    id: FlavourId;
    label: string;
    npmScript: string;
    dir: string;
}

const FLAVOURS: Flavour[] = [
    { id: "stock", label: "stock", npmScript: "build:stock", dir: path.join(repoRoot, "webapp-stock") },
    { id: "atrium", label: "Atrium", npmScript: "build", dir: path.join(repoRoot, "webapp") },
];

const DEFAULT_RUNS = 7;
/** Not the e2e Synapse (18008) nor the demo's (8008). */
const SYNAPSE_PORT = Number(process.env.BENCH_SYNAPSE_PORT ?? 28008);
const SERVER_NAME = "localhost";
/** The discarded warm-up load stays open this long after the form is usable, to list later requests. */
const WARM_UP_SETTLE_MS = 3_000;
const outDir = path.join(repoRoot, ".cache", "bench");

function log(message: string): void {
    console.log(`[bench] ${message}`);
}

function seconds(ms: number): string {
    return `${(ms / 1000).toFixed(1)} s`;
}

interface Options {
    build: boolean;
    runs: number;
}

function parseOptions(argv: string[]): Options {
    const options: Options = { build: true, runs: DEFAULT_RUNS };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === "--no-build") options.build = false;
        else if (arg === "--runs") options.runs = Number(argv[++i]);
        else if (arg.startsWith("--runs=")) options.runs = Number(arg.slice("--runs=".length));
        else if (arg === "--help" || arg === "-h") {
            console.log("usage: npm run bench [-- --no-build] [-- --runs N]   (N >= 5, default 7)");
            process.exit(0);
        } else throw new Error(`unknown argument ${arg} (try --help)`);
    }
    if (!Number.isInteger(options.runs) || options.runs < 5)
        throw new Error("--runs needs a whole number of at least 5");
    return options;
}

// ---------- statistics over loads ----------

interface TimingSummary {
    runs: number;
    medianMs: number;
    minMs: number;
    maxMs: number;
    samplesMs: number[];
}

function summarise(values: number[]): TimingSummary {
    const rounded = values.map((v) => Math.round(v * 10) / 10);
    return {
        runs: values.length,
        medianMs: median(values),
        minMs: Math.min(...values),
        maxMs: Math.max(...values),
        samplesMs: rounded,
    };
}

// ---------- what the login page loaded ----------

interface LoadedFile extends FileSize {
    path: string;
    /** Minified characters per source package, from the file's source map (null without a map). */
    composition: Record<string, number> | null;
}

interface LoadedTotals {
    files: number;
    raw: number;
    gzip: number;
    list: LoadedFile[];
}

interface FlavourResult {
    flavour: FlavourId;
    webappDir: string;
    build: BuildResult | null;
    output: OutputDirSizes;
    loginPage: {
        js: LoadedTotals;
        css: LoadedTotals;
        /** Everything else the load fetched from the build before the form was usable (HTML, i18n, fonts, images). */
        other: LoadedTotals;
        /** Sets of initial JS seen across the measured loads, when they differed (normally empty). */
        jsVariants: { files: string[]; loads: number }[];
        /** JS and CSS first requested after the form was usable (in the warm-up load, kept open a few seconds). */
        laterFiles: string[];
        coldStartMs: TimingSummary;
        domContentLoadedMs: TimingSummary;
        firstContentfulPaintMs: TimingSummary;
        playwrightWallMs: TimingSummary;
        requestsBeforeReady: number;
        /** The first measured load's requests in order: ms after navigation start, type, path or URL. */
        timeline: string[];
        pageErrors: string[];
    };
}

const isJs = (pathname: string): boolean => /\.m?js$/.test(pathname);
const isCss = (pathname: string): boolean => pathname.endsWith(".css");
/** The rest from the build: index.html, i18n, fonts, images. config.json is the harness's, not a build file. */
const isOtherBuildFile = (pathname: string): boolean =>
    !isJs(pathname) && !isCss(pathname) && !/^\/config(\.[^/]+)?\.json$/.test(pathname);

/** Same-origin, successful requests of the web app that started before the form was usable. */
function initialFiles(load: LoginLoad, match: (pathname: string) => boolean): string[] {
    const paths = load.responses
        .filter((r) => r.sameOrigin && r.status >= 200 && r.status < 300 && r.beforeReady && match(r.pathname))
        .map((r) => r.pathname);
    return [...new Set(paths)].sort();
}

/** Files fetched before the form was usable in at least half of the loads (fonts and images can race the form). */
function typicalFiles(loads: LoginLoad[], match: (pathname: string) => boolean): string[] {
    const counts = new Map<string, number>();
    for (const load of loads) for (const p of initialFiles(load, match)) counts.set(p, (counts.get(p) ?? 0) + 1);
    return [...counts]
        .filter(([, n]) => n * 2 >= loads.length)
        .map(([p]) => p)
        .sort();
}

async function sizeFiles(webappDir: string, pathnames: string[], withComposition: boolean): Promise<LoadedTotals> {
    const totals: LoadedTotals = { files: 0, raw: 0, gzip: 0, list: [] };
    for (const pathname of pathnames) {
        const file = path.join(webappDir, pathname.endsWith("/") ? `${pathname}index.html` : pathname);
        if (!file.startsWith(webappDir + path.sep)) throw new Error(`response path ${pathname} leaves ${webappDir}`);
        const size = await fileSize(file);
        const composition = withComposition ? await bundleComposition(file) : null;
        totals.files += 1;
        totals.raw += size.raw;
        totals.gzip += size.gzip;
        totals.list.push({ path: pathname.replace(/^\//, ""), ...size, composition });
    }
    totals.list.sort((a, b) => b.gzip - a.gzip);
    return totals;
}

function variants(sets: string[][]): { files: string[]; loads: number }[] {
    const counts = new Map<string, number>();
    for (const set of sets) counts.set(JSON.stringify(set), (counts.get(JSON.stringify(set)) ?? 0) + 1);
    if (counts.size <= 1) return [];
    return [...counts].map(([key, loads]) => ({ files: JSON.parse(key) as string[], loads }));
}

// ---------- output ----------

function printTable(results: Record<FlavourId, FlavourResult>, runs: number): void {
    const s = results.stock;
    const a = results.atrium;
    const row = (label: string, pick: (r: FlavourResult) => number, ratio = true): Row => ({
        label,
        cells: [pick(s), pick(a), ratio ? formatRatio(pick(a), pick(s)) : ""],
    });
    const ms = (label: string, pick: (r: FlavourResult) => TimingSummary): Row[] => [
        {
            label,
            cells: [
                pick(s).medianMs.toFixed(0),
                pick(a).medianMs.toFixed(0),
                formatRatio(pick(a).medianMs, pick(s).medianMs),
            ],
        },
        {
            label: "    min – max",
            cells: [
                `${pick(s).minMs.toFixed(0)} – ${pick(s).maxMs.toFixed(0)}`,
                `${pick(a).minMs.toFixed(0)} – ${pick(a).maxMs.toFixed(0)}`,
                "",
            ],
        },
    ];
    const rows: Row[] = [
        heading("1. Login page (#/login), files requested before the form was usable"),
        row("  JS files", (r) => r.loginPage.js.files),
        row("  JS raw bytes", (r) => r.loginPage.js.raw),
        row("  JS gzip bytes (gzip -9)", (r) => r.loginPage.js.gzip),
        row("  CSS files", (r) => r.loginPage.css.files),
        row("  CSS raw bytes", (r) => r.loginPage.css.raw),
        row("  CSS gzip bytes (gzip -9)", (r) => r.loginPage.css.gzip),
        row("  other files (HTML, i18n, fonts, images)", (r) => r.loginPage.other.files),
        row("  other files, gzip bytes", (r) => r.loginPage.other.gzip),
        heading(`2. Cold start to usable login form, ms (median of ${runs} fresh contexts)`),
        ...ms("  navigation start -> form usable", (r) => r.loginPage.coldStartMs),
        ...ms("  (DOMContentLoaded)", (r) => r.loginPage.domContentLoadedMs),
        heading("3. Build output, all files except source maps"),
        row("  files", (r) => r.output.assets.files),
        row("  raw bytes", (r) => r.output.assets.raw),
        row("  gzip bytes (gzip -9, per file)", (r) => r.output.assets.gzip),
        row("  of which JS, raw bytes", (r) => r.output.byKind.js?.raw ?? 0),
        row("  of which JS, gzip bytes", (r) => r.output.byKind.js?.gzip ?? 0),
        row("  source maps (apart), files", (r) => r.output.maps.files),
        row("  source maps, raw bytes", (r) => r.output.maps.raw),
    ];
    console.log(renderTable(["", "stock", "Atrium", "Atrium/stock"], rows));
}

function topGroups(composition: Record<string, number> | null, total: number, count: number): string {
    if (!composition) return "(no source map)";
    return Object.entries(composition)
        .sort((x, y) => y[1] - x[1])
        .slice(0, count)
        .map(([group, chars]) => `${group} ${Math.round((chars / total) * 100)}%`)
        .join(", ");
}

function printLoginFiles(results: Record<FlavourId, FlavourResult>): void {
    console.log(
        "\nLogin page files, largest first (raw / gzip bytes; JS: biggest sources by minified size; others only from 10 kB):",
    );
    for (const flavour of FLAVOURS) {
        const page = results[flavour.id].loginPage;
        console.log(`  ${flavour.label}:`);
        const bigOthers = page.other.list.filter((f) => f.raw >= 10_000);
        for (const file of [...page.js.list, ...page.css.list, ...bigOthers]) {
            const sizes = `${formatInteger(file.raw).padStart(10)} / ${formatInteger(file.gzip).padStart(9)}`;
            const parts = file.path.endsWith(".js") ? `  ${topGroups(file.composition, file.raw, 4)}` : "";
            console.log(`    ${file.path.padEnd(40)} ${sizes}${parts}`);
        }
        if (page.laterFiles.length) console.log(`    later, after the form was usable: ${page.laterFiles.join(", ")}`);
        for (const v of page.jsVariants) console.log(`    note: ${v.loads} load(s) fetched JS ${v.files.join(", ")}`);
    }
}

function sumCompositions(files: LoadedFile[]): Record<string, number> {
    const sum: Record<string, number> = {};
    for (const file of files)
        for (const [group, chars] of Object.entries(file.composition ?? {})) sum[group] = (sum[group] ?? 0) + chars;
    return sum;
}

function printCompositionDiff(results: Record<FlavourId, FlavourResult>): void {
    const stock = sumCompositions(results.stock.loginPage.js.list);
    const atrium = sumCompositions(results.atrium.loginPage.js.list);
    const groups = [...new Set([...Object.keys(stock), ...Object.keys(atrium)])];
    const rows = groups
        .map((group) => ({ group, s: stock[group] ?? 0, a: atrium[group] ?? 0 }))
        .sort((x, y) => Math.abs(y.a - y.s) - Math.abs(x.a - x.s) || y.a - x.a)
        .slice(0, 12)
        .map(({ group, s, a }): Row => ({ label: `  ${group}`, cells: [s, a, formatDifference(a, s)] }));
    console.log("\nLogin page JS by source, minified characters (from source maps), largest differences:");
    console.log(renderTable(["", "stock", "Atrium", "Atrium-stock"], rows));
}

/**
 * Atrium's own code on the login page, part by part (its src/ folders and modules/), JS only. The
 * stock build has some of it too (the start-up, config and platform code of our pipeline).
 */
async function printAtriumParts(results: Record<FlavourId, FlavourResult>): Promise<void> {
    const sharesOf = (result: FlavourResult) =>
        groupShares(
            result.loginPage.js.list.map((f) => path.join(result.webappDir, f.path)),
            (group) => group.startsWith("atrium "),
        );
    const [stock, atrium] = await Promise.all([sharesOf(results.stock), sharesOf(results.atrium)]);
    const gzip = (shares: Record<string, GroupShare>, group: string): number => shares[group]?.gzip ?? 0;
    const groups = [...new Set([...Object.keys(stock), ...Object.keys(atrium)])];
    const rows = groups
        .map((group) => ({ group, s: gzip(stock, group), a: gzip(atrium, group) }))
        .sort((x, y) => y.a - y.s - (x.a - x.s))
        .map(({ group, s, a }): Row => ({
            label: `  ${group.replace(/^atrium /, "")}`,
            cells: [s, a, formatDifference(a, s)],
        }));
    const sum = (shares: Record<string, GroupShare>): number =>
        Object.values(shares).reduce((total, share) => total + share.gzip, 0);
    const [s, a] = [sum(stock), sum(atrium)];
    rows.push({ label: "  all of it", cells: [s, a, formatDifference(a, s)] });
    console.log(
        "\nWhat each part of Atrium's own code adds to the login page's first load (JS, gzip bytes of the part's code alone, an estimate):",
    );
    console.log(renderTable(["", "stock", "Atrium", "Atrium-stock"], rows));
}

function gitDescription(): { commit: string; dirty: boolean } | null {
    try {
        const commit = execFileSync("git", ["rev-parse", "HEAD"], { cwd: repoRoot, encoding: "utf8" }).trim();
        const status = execFileSync("git", ["status", "--porcelain"], { cwd: repoRoot, encoding: "utf8" });
        return { commit, dirty: status.trim().length > 0 };
    } catch {
        return null;
    }
}

// ---------- the run ----------

const cleanups: (() => Promise<unknown>)[] = [];

async function cleanUp(): Promise<void> {
    while (cleanups.length) {
        const step = cleanups.pop()!;
        await step().catch((e: unknown) => log(`clean-up step failed: ${(e as Error).message}`));
    }
}

async function main(): Promise<void> {
    const options = parseOptions(process.argv.slice(2));
    const benchStarted = performance.now();

    // Builds first, one at a time, so the measurements below never share the CPU with webpack.
    const builds: Partial<Record<FlavourId, BuildResult>> = {};
    if (options.build) {
        for (const flavour of FLAVOURS) {
            await waitForNoOtherBuild(log);
            log(`building ${flavour.label} (npm run ${flavour.npmScript}) ...`);
            const logFile = path.join(outDir, `build-${flavour.id}.log`);
            builds[flavour.id] = await runBuild(flavour.npmScript, repoRoot, logFile);
            log(
                `built ${flavour.label} into ${path.relative(repoRoot, flavour.dir)}/ in ${seconds(builds[flavour.id]!.wallMs)}`,
            );
        }
    } else {
        const missing = FLAVOURS.filter((f) => !hasWebBuild(f.dir));
        if (missing.length) {
            throw new Error(
                `--no-build needs both builds; missing ${missing.map((f) => `${path.relative(repoRoot, f.dir)}/ (npm run ${f.npmScript})`).join(" and ")}`,
            );
        }
        log("--no-build: measuring the existing webapp-stock/ and webapp/");
    }

    // Synapse starts (mostly Python start-up) while the output dirs are measured.
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "atrium-bench-synapse-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const synapseStarting = startSynapse({ dataDir, port: SYNAPSE_PORT, serverName: SERVER_NAME });
    synapseStarting.then((s) => cleanups.push(() => s.stop())).catch(() => undefined);

    const outputs = {} as Record<FlavourId, OutputDirSizes>;
    const measureStarted = performance.now();
    for (const flavour of FLAVOURS) outputs[flavour.id] = await measureOutputDir(flavour.dir);
    log(`measured both output dirs in ${seconds(performance.now() - measureStarted)}`);

    const synapse: SynapseHandle = await synapseStarting;
    const config = e2eWebappConfig(synapse.baseUrl, SERVER_NAME);
    const servers = {} as Record<FlavourId, WebappServer>;
    for (const flavour of FLAVOURS) {
        servers[flavour.id] = await serveWebapp({ webappDir: flavour.dir, port: 0, config });
        cleanups.push(() => servers[flavour.id].stop());
    }

    const browser: Browser = await launchChromium();
    cleanups.push(() => browser.close());
    log(`Chromium ${browser.version()}; 1 warm-up + ${options.runs} measured loads per flavour, alternating`);

    const warmUps = {} as Record<FlavourId, LoginLoad>;
    for (const flavour of FLAVOURS) {
        warmUps[flavour.id] = await loadLoginPage(browser, servers[flavour.id].url, { settleMs: WARM_UP_SETTLE_MS });
        log(`warm-up ${flavour.label}: ${warmUps[flavour.id].readyMs.toFixed(0)} ms (discarded)`);
    }
    const cpuBefore = cpuSnapshot();
    const loads: Record<FlavourId, LoginLoad[]> = { stock: [], atrium: [] };
    for (let i = 0; i < options.runs; i++) {
        // Alternate which flavour goes first, so drift on the machine hits both alike.
        const order = i % 2 === 0 ? FLAVOURS : [...FLAVOURS].reverse();
        for (const flavour of order) loads[flavour.id].push(await loadLoginPage(browser, servers[flavour.id].url));
        log(
            `run ${i + 1}/${options.runs}: ${FLAVOURS.map((f) => `${f.label} ${loads[f.id][i].readyMs.toFixed(0)} ms`).join(", ")}`,
        );
    }

    const cpu = cpuShare(cpuBefore, cpuSnapshot());

    const results = {} as Record<FlavourId, FlavourResult>;
    for (const flavour of FLAVOURS) {
        const measured = loads[flavour.id];
        const jsSets = measured.map((load) => initialFiles(load, isJs));
        const warmUp = warmUps[flavour.id];
        const laterFiles = warmUp.responses
            .filter((r) => r.sameOrigin && !r.beforeReady && (isJs(r.pathname) || isCss(r.pathname)))
            .map((r) => r.pathname.replace(/^\//, ""));
        results[flavour.id] = {
            flavour: flavour.id,
            webappDir: path.relative(repoRoot, flavour.dir),
            build: builds[flavour.id] ?? null,
            output: outputs[flavour.id],
            loginPage: {
                js: await sizeFiles(flavour.dir, typicalFiles(measured, isJs), true),
                css: await sizeFiles(flavour.dir, typicalFiles(measured, isCss), false),
                other: await sizeFiles(flavour.dir, typicalFiles(measured, isOtherBuildFile), false),
                jsVariants: variants(jsSets),
                laterFiles: [...new Set(laterFiles)],
                coldStartMs: summarise(measured.map((l) => l.readyMs)),
                domContentLoadedMs: summarise(measured.map((l) => l.navigation.domContentLoaded)),
                firstContentfulPaintMs: summarise(measured.map((l) => l.navigation.firstContentfulPaint)),
                playwrightWallMs: summarise(measured.map((l) => l.playwrightWallMs)),
                requestsBeforeReady: measured[0].responses.filter((r) => r.beforeReady).length,
                timeline: [
                    ...measured[0].responses.map(
                        (r) =>
                            `${r.startMs.toFixed(0).padStart(5)} ms ${r.status} ${r.resourceType} ${r.sameOrigin ? r.pathname : r.url}`,
                    ),
                    `${measured[0].readyMs.toFixed(0).padStart(5)} ms login form usable`,
                ].sort((x, y) => parseFloat(x) - parseFloat(y)),
                pageErrors: [...new Set(measured.flatMap((l) => l.pageErrors))],
            },
        };
    }

    const totalMs = performance.now() - benchStarted;
    console.log("");
    printTable(results, options.runs);
    printLoginFiles(results);
    printCompositionDiff(results);
    await printAtriumParts(results);
    const buildNote = options.build
        ? `builds: stock ${seconds(builds.stock!.wallMs)}, Atrium ${seconds(builds.atrium!.wallMs)}`
        : "builds: skipped (--no-build)";
    console.log(`\n${buildNote}; whole bench ${seconds(totalMs)}`);
    console.log(
        `CPU during the timed loads: this bench ${cpu.benchCores.toFixed(2)} cores, other processes ` +
            `${cpu.otherCores.toFixed(2)} cores (of ${cpu.cores})` +
            (cpu.otherCores > 0.25 ? " — the machine was not quiet; the ms figures are noisy" : ""),
    );

    await mkdir(outDir, { recursive: true });
    const jsonFile = path.join(outDir, "latest.json");
    const report = {
        date: new Date().toISOString(),
        git: gitDescription(),
        node: process.version,
        chromium: browser.version(),
        cpus: os.cpus().length,
        runs: options.runs,
        benchWallMs: Math.round(totalMs),
        cpuDuringTimedLoads: cpu,
        ratioAtriumOverStock: {
            loginJsGzip: results.atrium.loginPage.js.gzip / results.stock.loginPage.js.gzip,
            loginCssGzip: results.atrium.loginPage.css.gzip / results.stock.loginPage.css.gzip,
            coldStartMedian:
                results.atrium.loginPage.coldStartMs.medianMs / results.stock.loginPage.coldStartMs.medianMs,
            assetsGzip: results.atrium.output.assets.gzip / results.stock.output.assets.gzip,
        },
        results,
    };
    await writeFile(jsonFile, JSON.stringify(report, null, 2) + "\n");
    console.log(`results: ${path.relative(repoRoot, jsonFile)}`);
}

let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
        if (interrupted) return;
        interrupted = true;
        log(`${signal}: stopping`);
        void cleanUp().finally(() => process.exit(130));
    });
}

try {
    await main();
} catch (e) {
    console.error(`[bench] failed: ${(e as Error).stack ?? e}`);
    process.exitCode = 1;
} finally {
    await cleanUp();
}
