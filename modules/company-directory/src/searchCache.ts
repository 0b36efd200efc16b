// The service's recent answers, kept so the panel can show a query's results in the frame of the
// keystroke instead of a network round trip later. A query that narrows a remembered one ("ann"
// after "an", a department below the remembered one) is answered by filtering the remembered people
// with the service's own rule (contract/directorySearch.ts): as the service returns people in one
// order and stops at a page's end, the filtered people are exactly the start of the service's
// answer, and all of it when the remembered answer was complete (no next cursor). Bounded in entries
// and in age, so it never holds more than a few thousand people nor answers from an old copy.
import { filterKey, filterMatcher, narrows, searchText, type SearchFilter } from "../../../contract/directorySearch";
import type { DirectoryPerson, SourceStatus } from "./types";

/** Answers kept: the last queries typed (a backspace finds them), the browse page, a few filters. */
export const CACHE_ENTRIES = 48;
/** An answer older than this is asked again: the directory refreshes, the panel stays open. */
export const CACHE_MAX_AGE_MS = 60_000;

export type Prediction =
    /** What the service answers for this query (remembered, or filtered from a complete answer): no need to ask. */
    | { kind: "answer"; people: DirectoryPerson[]; nextCursor: string | null; source: SourceStatus }
    /** The start of the service's answer, in its order; the rest is not known until it answers. */
    | { kind: "start"; people: DirectoryPerson[]; source: SourceStatus };

interface Entry {
    filter: SearchFilter;
    people: DirectoryPerson[];
    nextCursor: string | null;
    source: SourceStatus;
    at: number;
}

export interface AnswerPage {
    people: DirectoryPerson[];
    next_cursor: string | null;
    source: SourceStatus;
}

export class SearchCache {
    /** In the order of use, the most recent last (a Map keeps insertion order). */
    private readonly entries = new Map<string, Entry>();
    private readonly texts = new WeakMap<DirectoryPerson, string>();

    public constructor(
        private readonly maxEntries = CACHE_ENTRIES,
        private readonly maxAgeMs = CACHE_MAX_AGE_MS,
        private readonly now: () => number = Date.now,
    ) {}

    public get size(): number {
        return this.entries.size;
    }

    /** The service's first page for a query. */
    public remember(filter: SearchFilter, page: AnswerPage): void {
        const key = filterKey(filter);
        this.entries.delete(key);
        this.entries.set(key, {
            filter: { q: filter.q ?? "", department: filter.department ?? null, location: filter.location ?? null },
            people: page.people,
            nextCursor: page.next_cursor,
            source: page.source,
            at: this.now(),
        });
        while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    }

    /** A following page, asked with `cursor`: appended when it continues what is remembered. */
    public extend(filter: SearchFilter, cursor: string, page: AnswerPage): void {
        const entry = this.entries.get(filterKey(filter));
        if (!entry || entry.nextCursor !== cursor) return;
        entry.people = [...entry.people, ...page.people];
        entry.nextCursor = page.next_cursor;
        entry.source = page.source;
    }

    public clear(): void {
        this.entries.clear();
    }

    /** What can be shown for a query before the service answers it, or null when nothing can. */
    public predict(filter: SearchFilter): Prediction | null {
        const key = filterKey(filter);
        const oldest = this.now() - this.maxAgeMs;
        for (const [entryKey, entry] of this.entries) if (entry.at < oldest) this.entries.delete(entryKey);

        const exact = this.entries.get(key);
        if (exact) {
            this.entries.delete(key);
            this.entries.set(key, exact);
            return { kind: "answer", people: exact.people, nextCursor: exact.nextCursor, source: exact.source };
        }
        const matches = filterMatcher(filter);
        let best: Prediction | null = null;
        for (const entry of this.entries.values()) {
            if (!narrows(filter, entry.filter)) continue;
            const people = entry.people.filter((person) => matches(person, this.textOf(person)));
            if (entry.nextCursor === null) return { kind: "answer", people, nextCursor: null, source: entry.source };
            if (people.length > 0 && (!best || people.length > best.people.length)) {
                best = { kind: "start", people, source: entry.source };
            }
        }
        return best;
    }

    private textOf(person: DirectoryPerson): string {
        let text = this.texts.get(person);
        if (text === undefined) {
            text = searchText(person);
            this.texts.set(person, text);
        }
        return text;
    }
}
