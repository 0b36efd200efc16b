// What a sync would change: pure, so the dry run prints exactly what the real run does.
import type { HomeserverUser } from "./homeserver.ts";
import type { SourceAccount } from "./source.ts";

export type SyncMode = "lock" | "deactivate";

export type Why = "disabled at the source" | "not in the source";

export interface Change {
    userId: string;
    action: SyncMode;
    why: Why;
}

export type Skip = "the sync's own admin" | "excluded by the config" | "not a person (bot or support user)";

export interface Plan {
    mode: SyncMode;
    changes: Change[];
    /** Users who would have changed, and why they are left alone. */
    skipped: Array<{ userId: string; why: Skip }>;
    /** Users already locked (lock mode) whom the source still disables or lacks: nothing to do. */
    alreadyDone: string[];
    /** Users locked on the homeserver whom the source enables again: for a person to decide. */
    lockedButEnabled: string[];
}

export interface PlanInput {
    source: readonly SourceAccount[];
    users: readonly HomeserverUser[];
    mode: SyncMode;
    /** The user whose token the sync uses: never touched. */
    adminUserId: string;
    /** Full user ids or bare localparts (service accounts, bots, break-glass admins). */
    exclude: readonly string[];
}

export function planSync({ source, users, mode, adminUserId, exclude }: PlanInput): Plan {
    const bySource = new Map(source.map((account) => [account.localpart.toLowerCase(), account]));
    const excluded = new Set(exclude.map((entry) => entry.trim().toLowerCase()));
    const plan: Plan = { mode, changes: [], skipped: [], alreadyDone: [], lockedButEnabled: [] };
    for (const user of [...users].sort((a, b) => a.userId.localeCompare(b.userId))) {
        if (user.deactivated || user.guest) continue;
        const account = bySource.get(user.localpart);
        if (account?.enabled) {
            if (user.locked) plan.lockedButEnabled.push(user.userId);
            continue;
        }
        const why: Why = account ? "disabled at the source" : "not in the source";
        const skip = skipReason(user, adminUserId, excluded);
        if (skip) plan.skipped.push({ userId: user.userId, why: skip });
        else if (mode === "lock" && user.locked) plan.alreadyDone.push(user.userId);
        else plan.changes.push({ userId: user.userId, action: mode, why });
    }
    return plan;
}

function skipReason(user: HomeserverUser, adminUserId: string, excluded: Set<string>): Skip | null {
    if (user.userId === adminUserId) return "the sync's own admin";
    if (excluded.has(user.userId.toLowerCase()) || excluded.has(user.localpart)) return "excluded by the config";
    if (user.userType) return "not a person (bot or support user)";
    return null;
}
