// The load of `npm run bench:service`: autocannon (in this process) at a fixed number of keep-alive
// connections for a fixed time, each response's status and latency recorded here, and the CPU the
// server and this load generator used meanwhile (from /proc).
import type { EventEmitter } from "node:events";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import { performance } from "node:perf_hooks";

import { descendants } from "./machine.ts";

// autocannon ships no types; this is the part of its API the bench uses.
interface AutocannonOptions {
    url: string;
    connections: number;
    duration: number;
    pipelining: number;
    timeout: number;
    sampleInt: number;
    headers: Record<string, string>;
}

interface AutocannonResult {
    errors: number;
    timeouts: number;
    statusCodeStats: Record<string, { count: number }>;
}

type Autocannon = (
    options: AutocannonOptions,
    done: (error: Error | null, result: AutocannonResult) => void,
) => EventEmitter;

export interface LoadTool {
    name: string;
    version: string;
    run: Autocannon;
}

/** autocannon from node_modules, or a clear message on how to install it. */
export function loadTool(): LoadTool {
    const require = createRequire(import.meta.url);
    try {
        const run = require("autocannon") as Autocannon;
        const { version } = require("autocannon/package.json") as { version: string };
        return { name: "autocannon", version, run };
    } catch {
        throw new Error(
            "bench:service needs autocannon: npm install --no-save --no-audit --no-fund autocannon@9.0.0 " +
                "(or add it to devDependencies)",
        );
    }
}

/** Every response time of a run, in ms (autocannon's hrtime-based figure, kept unrounded). */
class Latencies {
    private values = new Float64Array(1 << 16);
    count = 0;

    add(ms: number): void {
        if (this.count === this.values.length) {
            const bigger = new Float64Array(this.values.length * 2);
            bigger.set(this.values);
            this.values = bigger;
        }
        this.values[this.count++] = ms;
    }

    summary(): LatencySummary {
        const sorted = this.values.slice(0, this.count).sort();
        // Nearest rank: the smallest value with at least p% of the samples at or below it.
        const at = (p: number): number =>
            sorted.length
                ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
                : NaN;
        let sum = 0;
        for (const v of sorted) sum += v;
        return {
            samples: sorted.length,
            mean: sorted.length ? sum / sorted.length : NaN,
            min: sorted.length ? sorted[0] : NaN,
            p50: at(50),
            p90: at(90),
            p99: at(99),
            p999: at(99.9),
            max: sorted.length ? sorted[sorted.length - 1] : NaN,
        };
    }
}

export interface LatencySummary {
    samples: number;
    mean: number;
    min: number;
    p50: number;
    p90: number;
    p99: number;
    p999: number;
    max: number;
}

interface CpuSnapshot {
    /** All CPUs' jiffies, busy or not. */
    total: number;
    /** All CPUs' jiffies not idle nor waiting for I/O. */
    busy: number;
    /** utime + stime of the server's process and its descendants (nginx's worker). */
    server: number;
    /** utime + stime of this process: the load generator. */
    loader: number;
}

export interface CpuUse {
    cores: number;
    /** Average cores the server's processes kept busy during the timed run. */
    serverCores: number;
    /** Average cores this process (autocannon) kept busy. */
    loaderCores: number;
    /** Average cores everything else on the machine kept busy. */
    otherCores: number;
    /** Server CPU time per answered request, µs. */
    serverMicrosPerRequest: number;
}

function processJiffies(pid: number): number {
    try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        return Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
        return 0; // exited
    }
}

function machineJiffies(): { total: number; busy: number } {
    const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal (guest time is inside user)
    const total = cpu.slice(0, 8).reduce((a, b) => a + b, 0);
    return { total, busy: total - cpu[3] - cpu[4] };
}

function cpuSnapshot(serverPid: number): CpuSnapshot {
    const server = [serverPid, ...descendants(serverPid)].reduce((sum, pid) => sum + processJiffies(pid), 0);
    return { ...machineJiffies(), server, loader: processJiffies(process.pid) };
}

/** Average cores the machine kept busy over the next `ms` (before the bench starts anything). */
export async function machineBusyCores(ms: number): Promise<number> {
    const before = machineJiffies();
    await new Promise((resolve) => setTimeout(resolve, ms));
    const after = machineJiffies();
    const total = after.total - before.total;
    return total > 0 ? ((after.busy - before.busy) / total) * os.cpus().length : 0;
}

function cpuUse(before: CpuSnapshot, after: CpuSnapshot, requests: number, seconds: number): CpuUse {
    const cores = os.cpus().length;
    const total = after.total - before.total;
    if (total <= 0) return { cores, serverCores: 0, loaderCores: 0, otherCores: 0, serverMicrosPerRequest: NaN };
    const share = (jiffies: number): number => (jiffies / total) * cores;
    const serverCores = share(after.server - before.server);
    const loaderCores = share(after.loader - before.loader);
    const busyCores = share(after.busy - before.busy);
    return {
        cores,
        serverCores,
        loaderCores,
        otherCores: Math.max(0, busyCores - serverCores - loaderCores),
        serverMicrosPerRequest: requests ? (serverCores * seconds * 1e6) / requests : NaN,
    };
}

export interface LoadSpec {
    /** Full URL on loopback. */
    url: string;
    headers: Record<string, string>;
    /** The status every response should have: 200, or 304 with If-None-Match. */
    expectedStatus: number;
    connections: number;
    warmupSeconds: number;
    seconds: number;
    /** The server's pid, for its CPU use. */
    serverPid: number;
}

export interface LoadResult {
    /** Wall time of the timed run, s (from starting the connections to stopping them). */
    seconds: number;
    /** Responses received in the timed run, any status. */
    responses: number;
    requestsPerSecond: number;
    latencyMs: LatencySummary;
    statusCounts: Record<string, number>;
    /** Responses with the expected status. */
    expected: number;
    /** 2xx/3xx responses with another status than the expected one (e.g. 200 where 304 was due). */
    unexpected: number;
    /** Responses outside 2xx/3xx, connection errors and timeouts. */
    errors: number;
    connectionErrors: number;
    timeouts: number;
    /** Bytes received per response, headers included. */
    bytesPerResponse: number;
    cpu: CpuUse;
    warmup: { seconds: number; responses: number; statusCounts: Record<string, number>; errors: number };
}

interface RawRun {
    seconds: number;
    latencies: Latencies;
    statusCounts: Record<string, number>;
    bytes: number;
    result: AutocannonResult;
}

function runOnce(tool: LoadTool, spec: LoadSpec, seconds: number, recordLatency: boolean): Promise<RawRun> {
    return new Promise((resolve, reject) => {
        const latencies = new Latencies();
        const statusCounts: Record<string, number> = {};
        let bytes = 0;
        const start = performance.now();
        const instance = tool.run(
            {
                url: spec.url,
                connections: spec.connections,
                duration: seconds,
                pipelining: 1,
                timeout: 10,
                // autocannon stops at its first sampling tick after `duration`: every 100 ms, a run
                // lasts 10.0-10.1 s rather than 10 or 11 s (req/s divides by the wall time anyway).
                sampleInt: 100,
                headers: spec.headers,
            },
            (error, result) => {
                if (error) return reject(error);
                resolve({ seconds: (performance.now() - start) / 1000, latencies, statusCounts, bytes, result });
            },
        );
        // autocannon's own latency histogram keeps whole milliseconds and 2xx only (a 304 would not
        // count), so every response's time is kept here, unrounded, whatever its status.
        instance.on("response", (_client: unknown, status: number, responseBytes: number, ms: number) => {
            statusCounts[status] = (statusCounts[status] ?? 0) + 1;
            bytes += responseBytes;
            if (recordLatency) latencies.add(ms);
        });
    });
}

function countErrors(run: RawRun): number {
    let bad = run.result.errors + run.result.timeouts;
    for (const [status, count] of Object.entries(run.statusCounts)) {
        const code = Number(status);
        if (code < 200 || code >= 400) bad += count;
    }
    return bad;
}

/** A warm-up, then the timed run, at `spec.connections` keep-alive connections. */
export async function measure(tool: LoadTool, spec: LoadSpec): Promise<LoadResult> {
    let warmup: LoadResult["warmup"] = { seconds: 0, responses: 0, statusCounts: {}, errors: 0 };
    if (spec.warmupSeconds > 0) {
        const run = await runOnce(tool, spec, spec.warmupSeconds, false);
        const responses = Object.values(run.statusCounts).reduce((a, b) => a + b, 0);
        warmup = { seconds: run.seconds, responses, statusCounts: run.statusCounts, errors: countErrors(run) };
    }

    const before = cpuSnapshot(spec.serverPid);
    const run = await runOnce(tool, spec, spec.seconds, true);
    const after = cpuSnapshot(spec.serverPid);

    const responses = Object.values(run.statusCounts).reduce((a, b) => a + b, 0);
    const expected = run.statusCounts[spec.expectedStatus] ?? 0;
    let unexpected = 0;
    for (const [status, count] of Object.entries(run.statusCounts)) {
        const code = Number(status);
        if (code !== spec.expectedStatus && code >= 200 && code < 400) unexpected += count;
    }
    return {
        seconds: run.seconds,
        responses,
        requestsPerSecond: responses / run.seconds,
        latencyMs: run.latencies.summary(),
        statusCounts: run.statusCounts,
        expected,
        unexpected,
        errors: countErrors(run),
        connectionErrors: run.result.errors,
        timeouts: run.result.timeouts,
        bytesPerResponse: responses ? run.bytes / responses : 0,
        cpu: cpuUse(before, after, responses, run.seconds),
        warmup,
    };
}
