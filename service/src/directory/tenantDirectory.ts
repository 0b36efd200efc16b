// One tenant's directory: reads its source, builds the index, and refreshes it on a schedule and on
// demand. When a refresh fails the last good index keeps serving, and `status()` says how old it is.
// With a snapshot file (the service's data folder), that copy outlives a restart: a service started
// while its source is down serves the copy saved by the last good read.
import { readExportFile } from "./fileSource.ts";
import { readLdap } from "./ldapSource.ts";
import { PeopleIndex } from "./peopleIndex.ts";
import type { DirectoryPerson } from "../../../contract/directoryPerson.ts";
import { toPerson, type RawEntry } from "./person.ts";
import type { DirectorySettings } from "./settings.ts";
import { readSnapshot, settingsFingerprint, writeSnapshot } from "./snapshot.ts";

export interface DirectoryLog {
    info(object: object, message: string): void;
    warn(object: object, message: string): void;
}

/** ok: the index is from the last read; stale: the last read failed, an older index serves; unavailable: nothing to serve. */
export type SourceState = "ok" | "stale" | "unavailable" | "loading";

export interface SourceStatus {
    state: SourceState;
    /** When the index that serves was read from the source (ISO 8601), or null. */
    refreshed_at: string | null;
    /** Its age in whole seconds, or null. */
    age_seconds: number | null;
    /** Why the last read failed, while it is failing. */
    error: string | null;
    people: number;
}

/** Asks again at most this often on demand, so a refresh button cannot hammer the LDAP server. */
export const MIN_DEMAND_INTERVAL_MS = 10_000;

export async function readSource(settings: DirectorySettings): Promise<DirectoryPerson[]> {
    const entries: RawEntry[] =
        settings.source.type === "ldap"
            ? await readLdap(settings.source, settings)
            : await readExportFile(settings.source);
    return entries.map((entry) => toPerson(entry, settings)).filter((person) => person !== null);
}

export class TenantDirectory {
    private index: PeopleIndex | null = null;
    private refreshedAt: number | null = null;
    private lastError: string | null = null;
    private running: Promise<void> | null = null;
    private lastAttempt = 0;
    private timer: NodeJS.Timeout | null = null;
    private closed = false;
    private restored: Promise<void> | null = null;

    constructor(
        readonly tenant: string,
        readonly settings: DirectorySettings,
        private readonly log: DirectoryLog,
        private readonly now: () => number = Date.now,
        /** Where the last good copy is kept across restarts; null keeps it in memory only. */
        private readonly snapshotFile: string | null = null,
    ) {}

    /** Starts the first read and the schedule. */
    start(): void {
        void this.refresh();
        this.timer = setInterval(() => void this.refresh(), this.settings.refreshSeconds * 1000);
        this.timer.unref();
    }

    close(): void {
        this.closed = true;
        if (this.timer) clearInterval(this.timer);
    }

    /** The index to answer from, after the first read has finished (whatever its outcome). */
    async current(): Promise<PeopleIndex | null> {
        // A saved copy serves at once, without waiting for a source that may be down.
        if (!this.index) await this.restore();
        if (!this.index && this.running) await this.running;
        return this.index;
    }

    /** Reads the source again; a read already under way is joined rather than doubled. */
    refresh(): Promise<void> {
        if (this.running) return this.running;
        this.lastAttempt = this.now();
        this.running = this.restore()
            .then(() => this.readOnce())
            .finally(() => {
                this.running = null;
            });
        return this.running;
    }

    /** A refresh asked for by an operator; false when the last one was too recent. */
    refreshOnDemand(): Promise<void> | false {
        if (this.running) return this.running;
        if (this.now() - this.lastAttempt < MIN_DEMAND_INTERVAL_MS) return false;
        return this.refresh();
    }

    status(): SourceStatus {
        const age = this.refreshedAt === null ? null : Math.max(0, Math.floor((this.now() - this.refreshedAt) / 1000));
        const state: SourceState = this.index
            ? this.lastError
                ? "stale"
                : "ok"
            : this.lastError
              ? "unavailable"
              : "loading";
        return {
            state,
            refreshed_at: this.refreshedAt === null ? null : new Date(this.refreshedAt).toISOString(),
            age_seconds: age,
            error: this.lastError,
            people: this.index?.size ?? 0,
        };
    }

    /** Loads the saved copy, once, unless a read from the source has come first. */
    private restore(): Promise<void> {
        this.restored ??= this.readSaved();
        return this.restored;
    }

    private async readSaved(): Promise<void> {
        if (!this.snapshotFile) return;
        try {
            const saved = await readSnapshot(this.snapshotFile, settingsFingerprint(this.settings));
            if (!saved || this.index || this.closed) return;
            this.index = new PeopleIndex(saved.people);
            this.refreshedAt = saved.refreshedAt;
            this.log.info(
                { event: "directory_restored", tenant: this.tenant, people: saved.people.length },
                `Directory of ${this.tenant}: ${saved.people.length} people from the copy saved at ${new Date(saved.refreshedAt).toISOString()}`,
            );
        } catch (error) {
            this.log.warn(
                { event: "directory_snapshot_unusable", tenant: this.tenant, error: describeSourceError(error) },
                `Directory of ${this.tenant}: the saved copy is not used: ${describeSourceError(error)}`,
            );
        }
    }

    private async save(people: DirectoryPerson[], refreshedAt: number): Promise<void> {
        if (!this.snapshotFile) return;
        try {
            await writeSnapshot(this.snapshotFile, settingsFingerprint(this.settings), { refreshedAt, people });
        } catch (error) {
            // The copy in memory still serves; only a restart would miss it.
            this.log.warn(
                { event: "directory_snapshot_failed", tenant: this.tenant, error: describeSourceError(error) },
                `Directory of ${this.tenant}: saving the last good copy failed: ${describeSourceError(error)}`,
            );
        }
    }

    private async readOnce(): Promise<void> {
        const started = this.now();
        try {
            const people = await readSource(this.settings);
            if (this.closed) return;
            this.index = new PeopleIndex(people);
            this.refreshedAt = this.now();
            this.lastError = null;
            await this.save(people, this.refreshedAt);
            this.log.info(
                { event: "directory_refreshed", tenant: this.tenant, people: people.length, ms: this.now() - started },
                `Directory of ${this.tenant}: ${people.length} people read from its ${this.settings.source.type} source`,
            );
        } catch (error) {
            this.lastError = describeSourceError(error);
            this.log.warn(
                { event: "directory_refresh_failed", tenant: this.tenant, error: this.lastError },
                `Directory of ${this.tenant}: reading its source failed (${this.index ? "the last good copy keeps serving" : "nothing to serve yet"}): ${this.lastError}`,
            );
        }
    }
}

/** A one-line reason, without the bind password or anything else from the settings. */
function describeSourceError(error: unknown): string {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    const message = error instanceof Error ? error.message : String(error);
    return (code && !message.includes(code) ? `${code}: ${message}` : message).split("\n")[0].slice(0, 300);
}
