// Search as you type over a whole company, the same code in the service (its index answers
// /v1/directory/search) and in the sidebar (which holds the company's roster and answers each
// keystroke in its own frame): people sorted by name, a word index, the people of every short
// prefix, and the department and location lists. A search walks the shortest list of people that a
// typed word or a filter allows, in name order, checks the rest per person, and stops at the page's
// end: 100,000 people stay well under 5 ms. What matches and in which order is the rule of
// directorySearch.ts; this only finds it faster. Browser-safe: no Node APIs.
import {
    compareText as compare,
    departmentKey,
    fold,
    personDepartmentKey,
    personWords,
    queryTokens,
    textMatches,
} from "./directorySearch.ts";
import type { ListedPerson } from "./directoryPerson.ts";

export interface SearchQuery {
    q?: string;
    /** A department path ("Engineering/Platform"): people in it or below it. */
    department?: string | null;
    location?: string | null;
    cursor?: string | null;
    limit?: number;
}

export interface SearchResult<P> {
    people: P[];
    /** Give it back as `cursor` for the next page; null on the last page. */
    next_cursor: string | null;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** Text checks of typed words before they switch to bitmaps (see search). */
const TEXT_CHECKS_BEFORE_BITMAPS = 2_000;

export class CursorError extends Error {}

// Cursors are base64url of the JSON [folded name, id] of a page's last person, the same in Node and
// in browsers (btoa and TextEncoder exist in both), so a page found in the sidebar continues on the service.
function encodeCursor(sortKey: string, id: string): string {
    const bytes = new TextEncoder().encode(JSON.stringify([sortKey, id]));
    let binary = "";
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function decodeCursor(cursor: string): [string, string] {
    try {
        if (!/^[A-Za-z0-9_-]*$/.test(cursor)) throw new Error("not base64url");
        const binary = atob(cursor.replace(/-/g, "+").replace(/_/g, "/"));
        const text = new TextDecoder("utf-8", { fatal: true }).decode(
            Uint8Array.from(binary, (char) => char.charCodeAt(0)),
        );
        const value: unknown = JSON.parse(text);
        if (Array.isArray(value) && value.length === 2 && value.every((part) => typeof part === "string")) {
            return value as [string, string];
        }
    } catch {
        // falls through to the error below
    }
    throw new CursorError("cursor is not one this service gave out");
}

/** The first position in an ascending list holding a value ≥ `value`. */
function lowerBound(list: Int32Array, value: number): number {
    let low = 0;
    let high = list.length;
    while (low < high) {
        const middle = (low + high) >>> 1;
        if (list[middle] < value) low = middle + 1;
        else high = middle;
    }
    return low;
}

function pushTo<K>(lists: Map<K, number[]>, key: K, value: number): void {
    const list = lists.get(key);
    if (list) list.push(value);
    else lists.set(key, [value]);
}

/** What a search reads, made once from the people (see buildParts). */
interface Parts<P> {
    people: P[];
    sortKeys: string[];
    haystacks: string[];
    words: string[];
    wordStart: Int32Array;
    postings: Int32Array;
    departmentKeys: string[];
    inDepartment: Map<string, Int32Array>;
    atLocation: Map<string, Int32Array>;
    prefixPeople: Map<string, Int32Array>;
}

/**
 * Typed words up to this long get their people listed at build time: they begin many words (every
 * "sa…": Sales, Sanchez, Sarah), whose people would otherwise be merged and sorted on each keystroke.
 */
const LISTED_PREFIX = 3;

/** People handled between two pauses of a sliced build: a few milliseconds of work. */
const SLICE = 1_000;

/**
 * Makes a search's parts, yielding after each slice of people so that a page can build a large
 * company's index between frames (PeopleSearch.inSlices) instead of in one long task.
 */
function* buildParts<P extends ListedPerson>(people: readonly P[]): Generator<void, Parts<P>> {
    // The first entry with an id wins; a source listing one person twice must not show them twice.
    const unique = new Map<string, P>();
    for (const person of people) if (!unique.has(person.id)) unique.set(person.id, person);
    // compareResultOrder's order, each name folded once.
    const keyed: Array<{ person: P; key: string }> = [];
    for (const person of unique.values()) {
        if (keyed.push({ person, key: fold(person.name) }) % SLICE === 0) yield;
    }
    keyed.sort((a, b) => compare(a.key, b.key) || compare(a.person.id, b.person.id));
    yield;
    const sorted = keyed.map((item) => item.person);

    // Grouped by word in one pass over the people in order, so each word's people are in order too.
    const byWord = new Map<string, number[]>();
    const departmentLists = new Map<string, number[]>();
    const locationLists = new Map<string, number[]>();
    const byPrefix = new Map<string, number[]>();
    const haystacks: string[] = [];
    const departmentKeys: string[] = [];
    for (let i = 0; i < sorted.length; i++) {
        const person = sorted[i];
        const list = personWords(person);
        for (const word of list) pushTo(byWord, word, i);
        // Each short prefix once per person, however many of their words it begins: people come
        // in order, so one already listed is the list's last.
        for (const word of list) {
            for (let length = 1; length <= Math.min(LISTED_PREFIX, word.length); length++) {
                const prefix = word.slice(0, length);
                const listed = byPrefix.get(prefix);
                if (!listed) byPrefix.set(prefix, [i]);
                else if (listed[listed.length - 1] !== i) listed.push(i);
            }
        }
        haystacks.push(` ${list.join(" ")}`);
        departmentKeys.push(personDepartmentKey(person));
        for (let depth = 1; depth <= person.department.length; depth++) {
            pushTo(departmentLists, `${person.department.slice(0, depth).join("/")}/`, i);
        }
        if (person.location) pushTo(locationLists, person.location, i);
        if ((i + 1) % SLICE === 0) yield;
    }
    const words = [...byWord.keys()].sort(compare);
    const wordStart = new Int32Array(words.length + 1);
    let total = 0;
    words.forEach((word, w) => {
        wordStart[w] = total;
        total += byWord.get(word)!.length;
    });
    wordStart[words.length] = total;
    const postings = new Int32Array(total);
    words.forEach((word, w) => postings.set(byWord.get(word)!, wordStart[w]));
    const toArrays = (lists: Map<string, number[]>): Map<string, Int32Array> =>
        new Map([...lists].map(([key, list]) => [key, Int32Array.from(list)]));
    return {
        people: sorted,
        sortKeys: keyed.map((item) => item.key),
        haystacks,
        words,
        wordStart,
        postings,
        departmentKeys,
        inDepartment: toArrays(departmentLists),
        atLocation: toArrays(locationLists),
        prefixPeople: toArrays(byPrefix),
    };
}

export class PeopleSearch<P extends ListedPerson> {
    /** Sorted by folded name, then id: the order of every result list. */
    readonly people: P[];
    private readonly sortKeys: string[];
    /** Per person, " word word …": a typed word matches when " " + it occurs. */
    private readonly haystacks: string[];
    /** The distinct words, sorted: the words a typed word begins are one contiguous range. */
    private readonly words: string[];
    /** Word w's people are postings[wordStart[w] .. wordStart[w + 1]), in name order. */
    private readonly wordStart: Int32Array;
    private readonly postings: Int32Array;
    private readonly departmentKeys: string[];
    /** Per department path ("Engineering/" and "Engineering/Platform/") and per location: its people, in name order. */
    private readonly inDepartment: Map<string, Int32Array>;
    private readonly atLocation: Map<string, Int32Array>;
    /** Per typed word of up to LISTED_PREFIX characters: the people with a word it begins, in name order. */
    private readonly prefixPeople: Map<string, Int32Array>;
    /** `textChecksBeforeBitmaps`: tests set 0 to send every query down the bitmap path. */
    private readonly textChecksBeforeBitmaps: number;

    constructor(people: readonly P[] | Parts<P>, textChecksBeforeBitmaps = TEXT_CHECKS_BEFORE_BITMAPS) {
        let parts: Parts<P>;
        if (Array.isArray(people)) {
            const steps = buildParts(people as readonly P[]);
            let step = steps.next();
            while (!step.done) step = steps.next();
            parts = step.value;
        } else {
            parts = people as Parts<P>;
        }
        this.people = parts.people;
        this.sortKeys = parts.sortKeys;
        this.haystacks = parts.haystacks;
        this.words = parts.words;
        this.wordStart = parts.wordStart;
        this.postings = parts.postings;
        this.departmentKeys = parts.departmentKeys;
        this.inDepartment = parts.inDepartment;
        this.atLocation = parts.atLocation;
        this.prefixPeople = parts.prefixPeople;
        this.textChecksBeforeBitmaps = textChecksBeforeBitmaps;
    }

    /** The same search, built a slice of people at a time with `pause()` between slices. */
    static async inSlices<P extends ListedPerson>(
        people: readonly P[],
        pause: () => Promise<void>,
    ): Promise<PeopleSearch<P>> {
        const steps = buildParts(people);
        for (let step = steps.next(); ; step = steps.next()) {
            if (step.done) return new PeopleSearch(step.value);
            await pause();
        }
    }

    get size(): number {
        return this.people.length;
    }

    search(query: SearchQuery): SearchResult<P> {
        const tokens = queryTokens(query.q ?? undefined);
        const department = departmentKey(query.department);
        const location = query.location || null;
        const limit = Math.min(Math.max(1, Math.floor(query.limit ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE);
        let start = 0;
        if (query.cursor) {
            const [key, id] = decodeCursor(query.cursor);
            start = this.firstAfter(key, id);
        }

        // Whom to look at, in name order: the shortest of the lists of people each typed word and
        // each filter allows, or everyone; the search stops as soon as the page is full.
        const empty = new Int32Array(0);
        const lists: Array<{ people: Int32Array; token?: string; filter?: "department" | "location" }> = [
            ...tokens.map((token) => ({ people: this.peopleOf(token), token })),
        ];
        if (department !== null)
            lists.push({ people: this.inDepartment.get(department) ?? empty, filter: "department" });
        if (location !== null) lists.push({ people: this.atLocation.get(location) ?? empty, filter: "location" });
        const driver = lists.reduce<(typeof lists)[number] | null>(
            (best, list) => (best === null || list.people.length < best.people.length ? list : best),
            null,
        );
        // The rest is checked per person: the filters directly, the other typed words as text at
        // first; when many people pass but few match (a common word in a department where it is
        // rare), each other word's people become a bitmap.
        const others = tokens.filter((token) => token !== driver?.token);
        const checkDepartment = department !== null && driver?.filter !== "department";
        const checkLocation = location !== null && driver?.filter !== "location";
        let bitmaps: Uint8Array[] | null = null;
        let textChecks = 0;
        const matches = (i: number): boolean => {
            if (checkLocation && this.people[i].location !== location) return false;
            if (checkDepartment && !this.departmentKeys[i].startsWith(department)) return false;
            if (others.length === 0) return true;
            if (bitmaps === null && ++textChecks > this.textChecksBeforeBitmaps) {
                bitmaps = others.map((token) => this.bitmapOf(token));
            }
            if (bitmaps === null) return textMatches(this.haystacks[i], others);
            for (const bitmap of bitmaps) if (bitmap[i] !== 1) return false;
            return true;
        };

        const found: P[] = [];
        if (driver) {
            const people = driver.people;
            for (let p = lowerBound(people, start); p < people.length; p++) {
                const i = people[p];
                if (matches(i) && found.push(this.people[i]) > limit) break;
            }
        } else {
            for (let i = start; i < this.people.length; i++) {
                if (matches(i) && found.push(this.people[i]) > limit) break;
            }
        }
        if (found.length <= limit) return { people: found, next_cursor: null };
        const page = found.slice(0, limit);
        const last = page[page.length - 1];
        return { people: page, next_cursor: encodeCursor(fold(last.name), last.id) };
    }

    /** The people with a word beginning with `token`, each once, in name order. */
    private peopleOf(token: string): Int32Array {
        if (token.length <= LISTED_PREFIX) return this.prefixPeople.get(token) ?? new Int32Array(0);
        const first = this.firstWordAtLeast(token);
        // Every word beginning with `token` sorts before `token` + the highest code unit.
        const end = this.firstWordAtLeast(`${token}\uffff`);
        // One word: its people are in order already. Several (long prefixes begin few): merged.
        if (end - first <= 1) return this.postings.subarray(this.wordStart[first], this.wordStart[end]);
        const merged = this.postings.slice(this.wordStart[first], this.wordStart[end]).sort();
        let kept = 0;
        for (let p = 0; p < merged.length; p++) if (p === 0 || merged[p] !== merged[p - 1]) merged[kept++] = merged[p];
        return merged.subarray(0, kept);
    }

    /** Who has a word beginning with `token`, as one byte per person. */
    private bitmapOf(token: string): Uint8Array {
        const bitmap = new Uint8Array(this.people.length);
        for (const i of this.peopleOf(token)) bitmap[i] = 1;
        return bitmap;
    }

    private firstWordAtLeast(text: string): number {
        let low = 0;
        let high = this.words.length;
        while (low < high) {
            const middle = (low + high) >>> 1;
            if (this.words[middle] < text) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    /** The first position after (key, id) in the sort order. */
    private firstAfter(key: string, id: string): number {
        let low = 0;
        let high = this.people.length;
        while (low < high) {
            const middle = (low + high) >>> 1;
            const order = compare(this.sortKeys[middle], key) || compare(this.people[middle].id, id);
            if (order <= 0) low = middle + 1;
            else high = middle;
        }
        return low;
    }
}
