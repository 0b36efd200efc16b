// `npm run bench:service` (`tsx bench/configService.ts [--seconds 10] [--warmup 3] [--connections 32] [--idle 500]`):
// throughput and latency of the config service's GET /v1/config (200, and 304 with If-None-Match)
// beside Debian's nginx serving the same JSON as a static file, on loopback, in one run; and the
// service's 200 path again while `--idle` connections are held open that never finish a request.
// See bench/configService.md for what is measured and how to read it.
import { spawnSync } from "node:child_process";
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

import { repoRoot } from "../e2e/harness/paths.ts";
import { loadTool, machineBusyCores, measure, type LoadResult, type LoadTool } from "./configServiceLoad.ts";
import { holdIdleConnections, type IdleHolder } from "./idleConnections.ts";
import { NGINX_PATH, nginxAvailable, startNginx, startService, type RunningServer } from "./configServiceServers.ts";

const outFile = path.join(repoRoot, ".cache", "bench", "config-service.json");
const exampleTenants = path.join(repoRoot, "service", "tenants.example");
/** Other processes using more than this (in cores) during a row earn a warning. */
const BUSY_WARNING_CORES = 0.25;
/** With the idle connections held, p99 may grow by at most this much (issue 12's bound). */
const IDLE_P99_BUDGET_MS = 5;

interface Options {
    seconds: number;
    warmupSeconds: number;
    connections: number;
    idle: number;
}

const USAGE =
    "usage: tsx bench/configService.ts [--seconds 1-60] [--warmup 0-30] [--connections 1-1000] [--idle 0-1500]";

function parseOptions(argv: string[]): Options {
    const options: Options = { seconds: 10, warmupSeconds: 3, connections: 32, idle: 500 };
    const bounded = (flag: string, value: string | undefined, min: number, max: number): number => {
        const n = Number(value);
        if (!Number.isInteger(n) || n < min || n > max)
            throw new Error(`${flag} takes a whole number from ${min} to ${max}\n${USAGE}`);
        return n;
    };
    for (let i = 0; i < argv.length; i++) {
        const flag = argv[i];
        if (flag === "--seconds") options.seconds = bounded(flag, argv[++i], 1, 60);
        else if (flag === "--warmup") options.warmupSeconds = bounded(flag, argv[++i], 0, 30);
        else if (flag === "--connections") options.connections = bounded(flag, argv[++i], 1, 1000);
        else if (flag === "--idle") options.idle = bounded(flag, argv[++i], 0, 1500);
        else throw new Error(`unknown argument ${flag}\n${USAGE}`);
    }
    return options;
}

function log(message: string): void {
    console.log(`[bench:service] ${message}`);
}

interface Target {
    label: string;
    server: RunningServer;
    expectedStatus: number;
    headers: Record<string, string>;
    /** Connections to hold open (never finishing a request) during this row. */
    idle?: number;
}

interface IdleReport {
    held: number;
    heldAtEnd: number;
    closedByServer: number;
    failed: number;
}

interface Row {
    label: string;
    url: string;
    expectedStatus: number;
    ifNoneMatch: string | null;
    idle: IdleReport | null;
    result: LoadResult;
}

/** The served body and ETag, fetched once; checks the 304 path answers as it should. */
async function probe(server: RunningServer): Promise<{ body: Buffer; etag: string; contentType: string }> {
    const url = `${server.origin}${server.path}`;
    const response = await fetch(url);
    const body = Buffer.from(await response.arrayBuffer());
    const etag = response.headers.get("etag");
    if (response.status !== 200 || !etag)
        throw new Error(`${server.name}: GET ${url} gave ${response.status}, ETag ${etag ?? "none"}`);
    const revalidated = await fetch(url, { headers: { "If-None-Match": etag } });
    await revalidated.arrayBuffer();
    if (revalidated.status !== 304)
        throw new Error(`${server.name}: If-None-Match ${etag} gave ${revalidated.status}, not 304`);
    return { body, etag, contentType: response.headers.get("content-type") ?? "" };
}

function fixed(n: number, digits: number): string {
    return Number.isFinite(n) ? n.toFixed(digits) : "–";
}

function integer(n: number): string {
    return Math.round(n).toLocaleString("en-US");
}

function renderTable(header: string[], rows: string[][]): string {
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]): string =>
        cells
            .map((c, i) => (i === 0 ? c.padEnd(widths[0]) : c.padStart(widths[i])))
            .join("   ")
            .trimEnd();
    return [line(header), widths.map((w) => "-".repeat(w)).join("   "), ...rows.map(line)].join("\n");
}

function machine(): Record<string, unknown> {
    const cpus = os.cpus();
    // `nginx -v` prints "nginx version: nginx/1.22.1" on stderr.
    const nginxVersion = nginxAvailable()
        ? spawnSync(NGINX_PATH, ["-v"], { encoding: "utf8" })
              .stderr.trim()
              .replace(/^nginx version: /, "") || null
        : null;
    return {
        cores: cpus.length,
        cpuModel: cpus[0]?.model ?? "unknown",
        memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
        kernel: `${os.type()} ${os.release()}`,
        node: process.version,
        nginx: nginxVersion,
        loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
    };
}

async function main(): Promise<void> {
    const started = performance.now();
    const options = parseOptions(process.argv.slice(2));
    const tool: LoadTool = loadTool();
    const machineInfo = machine();
    // Both servers and the load share this machine's cores: anything else running skews every row.
    const busyBefore = await machineBusyCores(1_000);
    machineInfo.busyCoresBeforeStart = Math.round(busyBefore * 100) / 100;
    if (busyBefore > BUSY_WARNING_CORES) {
        log(
            `other processes keep ${fixed(busyBefore, 2)} of ${String(machineInfo.cores)} cores busy: the figures will be low, compare runs made on a quiet machine`,
        );
    }

    const tmp = await mkdtemp(path.join(os.tmpdir(), "atrium-bench-service-"));
    const servers: RunningServer[] = [];
    let cleaned = false;
    const cleanup = async (): Promise<void> => {
        if (cleaned) return;
        cleaned = true;
        for (const server of [...servers].reverse()) await server.stop().catch(() => server.killNow());
        await rm(tmp, { recursive: true, force: true });
    };
    // Ctrl-C or a kill while measuring: stop both servers and remove the temp dir, then exit.
    const onSignal = (signal: NodeJS.Signals): void => {
        log(`${signal}: stopping the servers`);
        void cleanup().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
    };
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
    // Last resort if this process dies some other way: no server outlives it.
    const onExit = (): void => servers.forEach((s) => s.killNow());
    process.once("exit", onExit);

    try {
        const tenantsDir = path.join(tmp, "tenants");
        await cp(exampleTenants, tenantsDir, { recursive: true });
        const service = await startService(tenantsDir, (s) => servers.push(s));
        const served = await probe(service);
        log(
            `service on ${service.origin}${service.path} (pid ${service.pid}): ${served.body.length} bytes, ETag ${served.etag}`,
        );

        let nginx: RunningServer | null = null;
        let nginxEtag: string | null = null;
        let nginxSkipped: string | null = null;
        if (!nginxAvailable()) {
            nginxSkipped = `${NGINX_PATH} not found: install Debian's nginx with \`apt-get install nginx-light\` for the nginx rows`;
        } else {
            try {
                nginx = await startNginx(path.join(tmp, "nginx"), served.body, (s) => servers.push(s));
                const statik = await probe(nginx);
                if (!statik.body.equals(served.body)) throw new Error("nginx serves other bytes than the service");
                nginxEtag = statik.etag;
                log(
                    `nginx on ${nginx.origin}${nginx.path} (master pid ${nginx.pid}): same ${statik.body.length} bytes, ETag ${statik.etag}`,
                );
            } catch (error) {
                nginxSkipped = `nginx could not serve the file: ${error instanceof Error ? error.message : String(error)}`;
                if (nginx) await nginx.stop();
                nginx = null;
            }
        }
        if (nginxSkipped) log(`nginx rows skipped: ${nginxSkipped}`);

        const idleLabel = `service 200 + ${options.idle} idle`;
        const targets: Target[] = [
            { label: "service 200", server: service, expectedStatus: 200, headers: {} },
            { label: "service 304", server: service, expectedStatus: 304, headers: { "If-None-Match": served.etag } },
        ];
        if (options.idle > 0) {
            targets.push({ label: idleLabel, server: service, expectedStatus: 200, headers: {}, idle: options.idle });
        }
        if (nginx && nginxEtag) {
            targets.push(
                { label: "nginx 200", server: nginx, expectedStatus: 200, headers: {} },
                { label: "nginx 304", server: nginx, expectedStatus: 304, headers: { "If-None-Match": nginxEtag } },
            );
        }

        const rows: Row[] = [];
        for (const target of targets) {
            const url = `${target.server.origin}${target.server.path}`;
            log(
                `${target.label}: ${options.warmupSeconds} s warm-up, then ${options.seconds} s at ${options.connections} connections`,
            );
            let holder: IdleHolder | null = null;
            if (target.idle) {
                holder = await holdIdleConnections(Number(new URL(target.server.origin).port), target.idle);
                log(`${holder.open()} idle connections held open (${holder.failed()} could not be opened)`);
            }
            let result: LoadResult;
            let idle: IdleReport | null = null;
            try {
                result = await measure(tool, {
                    url,
                    headers: target.headers,
                    expectedStatus: target.expectedStatus,
                    connections: options.connections,
                    warmupSeconds: options.warmupSeconds,
                    seconds: options.seconds,
                    serverPid: target.server.pid,
                });
            } finally {
                if (holder) {
                    idle = {
                        held: target.idle ?? 0,
                        heldAtEnd: holder.open(),
                        closedByServer: holder.closedByServer(),
                        failed: holder.failed(),
                    };
                    await holder.stop();
                }
            }
            rows.push({
                label: target.label,
                url,
                expectedStatus: target.expectedStatus,
                ifNoneMatch: target.headers["If-None-Match"] ?? null,
                idle,
                result,
            });
        }

        // Everything is measured: stop the servers before printing.
        await cleanup();

        const byLabel = new Map(rows.map((r) => [r.label, r.result]));
        const ratio = (path: "200" | "304"): number | null => {
            const s = byLabel.get(`service ${path}`);
            const n = byLabel.get(`nginx ${path}`);
            return s && n && n.requestsPerSecond > 0 ? s.requestsPerSecond / n.requestsPerSecond : null;
        };
        const ratios = { "200": ratio("200"), "304": ratio("304") };

        console.log("");
        console.log(
            `GET config on 127.0.0.1, ${options.connections} keep-alive connections, ${options.seconds} s each after ${options.warmupSeconds} s warm-up ` +
                `(${tool.name} ${tool.version}, ${String(machineInfo.cores)} cores shared by load and server)`,
        );
        console.log(
            renderTable(
                [
                    "",
                    "req/s",
                    "p50 ms",
                    "p99 ms",
                    "errors",
                    "wrong status",
                    "server cores",
                    "load cores",
                    "server µs/req",
                ],
                rows.map(({ label, result }) => [
                    label,
                    integer(result.requestsPerSecond),
                    fixed(result.latencyMs.p50, 2),
                    fixed(result.latencyMs.p99, 2),
                    integer(result.errors),
                    integer(result.unexpected),
                    fixed(result.cpu.serverCores, 2),
                    fixed(result.cpu.loaderCores, 2),
                    fixed(result.cpu.serverMicrosPerRequest, 0),
                ]),
            ),
        );
        if (nginxSkipped) {
            console.log(`nginx rows skipped: ${nginxSkipped}`);
        } else {
            console.log(
                `service/nginx req/s: 200 path ${fixed(ratios["200"] ?? NaN, 2)}, 304 path ${fixed(ratios["304"] ?? NaN, 2)}`,
            );
        }
        for (const { label, result } of rows) {
            if (result.unexpected || result.errors) {
                console.log(
                    `${label}: statuses ${JSON.stringify(result.statusCounts)}, connection errors ${result.connectionErrors}, timeouts ${result.timeouts}`,
                );
            }
            if (result.cpu.otherCores > BUSY_WARNING_CORES) {
                console.log(
                    `${label}: other processes kept ${fixed(result.cpu.otherCores, 2)} cores busy meanwhile — compare on a quiet machine`,
                );
            }
        }
        const plain = byLabel.get("service 200");
        const loaded = byLabel.get(idleLabel);
        const idleRow = rows.find((r) => r.label === idleLabel);
        let idleVerdict: Record<string, unknown> | null = null;
        if (plain && loaded && idleRow?.idle) {
            const p99Growth = loaded.latencyMs.p99 - plain.latencyMs.p99;
            const failures = loaded.errors + loaded.unexpected + idleRow.idle.failed;
            const within = p99Growth <= IDLE_P99_BUDGET_MS && failures === 0;
            idleVerdict = { p99GrowthMs: p99Growth, budgetMs: IDLE_P99_BUDGET_MS, failures, within };
            console.log(
                `with ${idleRow.idle.held} idle connections held (${idleRow.idle.heldAtEnd} open at the end, ${idleRow.idle.closedByServer} closed by the service's timeouts and replaced): ` +
                    `req/s ${integer(loaded.requestsPerSecond)} vs ${integer(plain.requestsPerSecond)}, p99 ${fixed(loaded.latencyMs.p99, 2)} vs ${fixed(plain.latencyMs.p99, 2)} ms ` +
                    `(${p99Growth >= 0 ? "+" : ""}${fixed(p99Growth, 2)} ms; budget ${IDLE_P99_BUDGET_MS} ms), ${failures} failed: ${within ? "within budget" : "OVER BUDGET"}`,
            );
        }
        const elapsed = (performance.now() - started) / 1000;
        console.log(`run time ${elapsed.toFixed(1)} s; JSON: ${path.relative(repoRoot, outFile)}`);

        await mkdir(path.dirname(outFile), { recursive: true });
        await writeFile(
            outFile,
            `${JSON.stringify(
                {
                    date: new Date().toISOString(),
                    options,
                    loadTool: {
                        name: tool.name,
                        version: tool.version,
                        pipelining: 1,
                        keepAlive: true,
                        inProcess: true,
                    },
                    machine: machineInfo,
                    body: {
                        bytes: served.body.length,
                        contentType: served.contentType,
                        serviceEtag: served.etag,
                        nginxEtag,
                    },
                    nginxSkipped,
                    rows,
                    ratiosServiceOverNginx: { requestsPerSecond: ratios },
                    idleConnections: idleVerdict,
                    runSeconds: Math.round(elapsed * 10) / 10,
                },
                null,
                2,
            )}\n`,
        );
    } finally {
        await cleanup();
        process.off("exit", onExit);
        process.off("SIGINT", onSignal);
        process.off("SIGTERM", onSignal);
    }
}

main().catch((error: unknown) => {
    console.error(`[bench:service] failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
});
