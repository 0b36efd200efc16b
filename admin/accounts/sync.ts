// One sync run: read the source and the homeserver, plan, apply (unless a dry run), report.
import type { Homeserver } from "./homeserver.ts";
import { planSync, type Change, type Plan, type SyncMode } from "./plan.ts";
import type { ReadSource } from "./source.ts";

export interface SyncOptions {
    sourceName: string;
    readSource: ReadSource;
    homeserver: Homeserver;
    mode: SyncMode;
    dryRun: boolean;
    exclude: readonly string[];
    /** More changes than this in one run means a broken source, not a wave of departures: stop. */
    maxChanges: number;
}

export interface ChangeResult extends Change {
    done: boolean;
    error?: string;
}

export interface SyncReport extends Omit<Plan, "changes"> {
    source: string;
    homeserver: string;
    dryRun: boolean;
    sourceCount: number;
    sourceDisabled: number;
    userCount: number;
    changes: ChangeResult[];
}

export class SyncRefused extends Error {}

export async function runSync(options: SyncOptions): Promise<SyncReport> {
    const { homeserver, mode, dryRun } = options;
    const [source, adminUserId, users] = await Promise.all([
        options.readSource(),
        homeserver.whoami(),
        homeserver.listUsers(),
    ]);
    // An empty answer is a wrong filter or base DN far more often than a company where everyone left.
    if (source.length === 0) {
        throw new SyncRefused(
            `the ${options.sourceName} source listed nobody: check its settings; nothing was changed`,
        );
    }
    const plan = planSync({ source, users, mode, adminUserId, exclude: options.exclude });
    if (plan.changes.length > options.maxChanges) {
        throw new SyncRefused(
            `${plan.changes.length} accounts would be ${mode === "lock" ? "locked" : "deactivated"}, more than ` +
                `--max-changes ${options.maxChanges}: check the source, or raise the limit; nothing was changed`,
        );
    }
    const changes: ChangeResult[] = [];
    for (const change of plan.changes) {
        if (dryRun) {
            changes.push({ ...change, done: false });
            continue;
        }
        try {
            if (change.action === "lock") await homeserver.lock(change.userId);
            else await homeserver.deactivate(change.userId);
            changes.push({ ...change, done: true });
        } catch (error) {
            changes.push({ ...change, done: false, error: (error as Error).message });
        }
    }
    return {
        ...plan,
        changes,
        source: options.sourceName,
        homeserver: homeserver.baseUrl,
        dryRun,
        sourceCount: source.length,
        sourceDisabled: source.filter((account) => !account.enabled).length,
        userCount: users.filter((user) => !user.guest).length,
    };
}

const PAST: Record<SyncMode, string> = { lock: "locked", deactivate: "deactivated" };

/** The report for a person reading the nightly job's mail. */
export function formatReport(report: SyncReport): string {
    const lines = [
        `accounts sync: ${report.source} → ${report.homeserver}, mode ${report.mode}${report.dryRun ? ", dry run (nothing changed)" : ""}`,
        `  source: ${report.sourceCount} people (${report.sourceDisabled} disabled); homeserver: ${report.userCount} users`,
    ];
    for (const change of report.changes) {
        const verb = report.dryRun
            ? `would ${change.action}`
            : change.done
              ? PAST[change.action]
              : `FAILED to ${change.action}`;
        lines.push(`  ${verb} ${change.userId} (${change.why})${change.error ? `: ${change.error}` : ""}`);
    }
    for (const skip of report.skipped) lines.push(`  left alone ${skip.userId} (${skip.why})`);
    if (report.alreadyDone.length) lines.push(`  already locked: ${report.alreadyDone.length}`);
    for (const userId of report.lockedButEnabled) {
        lines.push(`  note: ${userId} is locked here but enabled at the source (unlock by hand if they are back)`);
    }
    const failed = report.changes.filter((c) => c.error).length;
    const done = report.changes.filter((c) => c.done).length;
    lines.push(
        report.dryRun
            ? `  ${report.changes.length} change(s) planned`
            : `  ${done} ${PAST[report.mode]}, ${failed} failed${report.changes.length === 0 ? " (nothing to change)" : ""}`,
    );
    return lines.join("\n");
}
