// How busy the machine was while the bench timed page loads: CPU time of the whole machine
// (/proc/stat) against that of this bench's own process tree (node, Chromium, Synapse).
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";

interface CpuSnapshot {
    /** All CPUs' jiffies, busy or not. */
    total: number;
    /** All CPUs' jiffies not idle nor waiting for I/O. */
    busy: number;
    /** Jiffies of this process and its descendants, including reaped children (cutime, cstime). */
    own: number;
}

export interface CpuShare {
    cores: number;
    /** Average cores kept busy by this bench (its browser, Synapse, the server) over the window. */
    benchCores: number;
    /** Average cores kept busy by everything else on the machine over the window. */
    otherCores: number;
}

function machineJiffies(): { total: number; busy: number } {
    const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal guest guest_nice; guest time is inside user.
    const total = cpu.slice(0, 8).reduce((a, b) => a + b, 0);
    return { total, busy: total - cpu[3] - cpu[4] };
}

export interface ProcessEntry {
    pid: number;
    ppid: number;
    /** utime + stime + cutime + cstime, in clock ticks. */
    jiffies: number;
}

/** Every process in /proc with its parent and CPU time. */
export function processTable(): ProcessEntry[] {
    const table: ProcessEntry[] = [];
    for (const entry of readdirSync("/proc")) {
        if (!/^\d+$/.test(entry)) continue;
        let stat: string;
        try {
            stat = readFileSync(`/proc/${entry}/stat`, "utf8");
        } catch {
            continue; // exited meanwhile
        }
        // Fields after the ")" that closes the command name: state ppid ... utime(14) stime cutime cstime.
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        const jiffies = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
        table.push({ pid: Number(entry), ppid: Number(fields[1]), jiffies });
    }
    return table;
}

/** Pids of `root`'s descendants, e.g. nginx's worker under its master. */
export function descendants(root: number, table: ProcessEntry[] = processTable()): number[] {
    const children = new Map<number, number[]>();
    for (const { pid, ppid } of table) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    const out: number[] = [];
    const queue = [root];
    while (queue.length) {
        for (const child of children.get(queue.shift()!) ?? []) {
            out.push(child);
            queue.push(child);
        }
    }
    return out;
}

function ownJiffies(root: number): number {
    const table = processTable();
    const mine = new Set([root, ...descendants(root, table)]);
    return table.filter((p) => mine.has(p.pid)).reduce((sum, p) => sum + p.jiffies, 0);
}

export function cpuSnapshot(): CpuSnapshot {
    return { ...machineJiffies(), own: ownJiffies(process.pid) };
}

/** Average cores used between two snapshots, by this bench and by everything else. */
export function cpuShare(before: CpuSnapshot, after: CpuSnapshot): CpuShare {
    const cores = os.cpus().length;
    const total = after.total - before.total;
    if (total <= 0) return { cores, benchCores: 0, otherCores: 0 };
    const busy = after.busy - before.busy;
    const own = Math.min(after.own - before.own, busy);
    return { cores, benchCores: (own / total) * cores, otherCores: ((busy - own) / total) * cores };
}
