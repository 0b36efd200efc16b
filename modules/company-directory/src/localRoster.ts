// The company's roster held in the page, so that each keystroke is answered in the frame it was
// typed in, by the service's own search (contract/peopleSearch.ts) over the service's own copy of the
// people: the same people in the same order, with cursors the service understands. Loaded when the
// panel first opens and built a slice at a time between frames; until it is ready, and whenever it
// may be out of date, queries go to the service as before. One roster per directory service, kept
// while the app runs (closing the panel does not drop it).
import { PeopleSearch } from "../../../contract/peopleSearch";
import type { DirectoryApi, ListedPerson, SourceStatus } from "./types";

/** A roster older than this is loaded again: the service reads its source on a schedule too. */
export const ROSTER_MAX_AGE_MS = 5 * 60_000;
/** After a failed load (an older service without the roster, an outage), the next try waits this long. */
export const ROSTER_RETRY_MS = 60_000;

export const ROSTER_READY_MARK = "atrium.directory.roster_ready";

/** A performance mark, where the runtime has them (a failing mark must not cost the roster). */
function markReady(): void {
    try {
        performance.mark(ROSTER_READY_MARK);
    } catch {
        // no performance timeline here
    }
}

/** Lets the page paint between two slices of the build. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export class LocalRoster {
    private search: PeopleSearch<ListedPerson> | null = null;
    private refreshedAt: string | null = null;
    private loadedAt = 0;
    private loading: Promise<void> | null = null;
    private failedAt: number | null = null;
    /** The newest status the service gave of its copy, shown with answers from the roster. */
    private source: SourceStatus | null = null;
    private readonly listeners = new Set<() => void>();

    constructor(
        private readonly api: DirectoryApi,
        private readonly now: () => number = Date.now,
        private readonly pause: () => Promise<void> = nextTask,
    ) {}

    /** The search to answer from now, or null: none loaded yet, too old, or replaced on the service. */
    current(): PeopleSearch<ListedPerson> | null {
        if (this.search && this.now() - this.loadedAt > ROSTER_MAX_AGE_MS) this.search = null;
        return this.search;
    }

    /** The source status to show with the roster's answers. */
    status(): SourceStatus {
        if (this.source) return this.source;
        const read = this.refreshedAt === null ? NaN : Date.parse(this.refreshedAt);
        return {
            state: "ok",
            refreshed_at: this.refreshedAt,
            age_seconds: Number.isNaN(read) ? null : Math.max(0, Math.round((this.now() - read) / 1000)),
            error: null,
            people: this.search?.size ?? 0,
        };
    }

    /** Loads the roster when there is none current, none on its way, and no recent failure. */
    ensure(): void {
        if (!this.api.roster || this.current() || this.loading) return;
        if (this.failedAt !== null && this.now() - this.failedAt < ROSTER_RETRY_MS) return;
        this.loading = this.load(this.api.roster.bind(this.api)).finally(() => (this.loading = null));
    }

    /**
     * What the service said of its copy in another answer: a copy other than the roster's (the
     * service has read its source again) drops the roster and loads the new one.
     */
    noteSource(source: SourceStatus): void {
        this.source = source;
        if (this.search && source.refreshed_at !== this.refreshedAt) {
            this.search = null;
            this.notify();
            this.ensure();
        }
    }

    subscribe(listener: () => void): () => void {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }

    private async load(fetchRoster: NonNullable<DirectoryApi["roster"]>): Promise<void> {
        try {
            const roster = await fetchRoster();
            const search = await PeopleSearch.inSlices(roster.people, this.pause);
            this.search = search;
            this.refreshedAt = roster.refreshedAt;
            this.loadedAt = this.now();
            this.failedAt = null;
            // A status about another copy than this one says nothing of it.
            if (this.source && this.source.refreshed_at !== roster.refreshedAt) this.source = null;
            // For the bench and the browser's performance tools: when typing stops asking the service.
            markReady();
            this.notify();
        } catch {
            // The service answers every query itself meanwhile; the panel shows its errors, not this one.
            this.failedAt = this.now();
        }
    }

    private notify(): void {
        for (const listener of this.listeners) listener();
    }
}

const rosters = new WeakMap<DirectoryApi, LocalRoster>();

/** The roster of one directory service, made on first use. */
export function localRosterOf(api: DirectoryApi): LocalRoster {
    let roster = rosters.get(api);
    if (!roster) {
        roster = new LocalRoster(api);
        rosters.set(api, roster);
    }
    return roster;
}
