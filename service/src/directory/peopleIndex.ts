// The directory in memory: people sorted by name, a word index for search as you type (each typed
// word must begin a word of the name, title, department or location), the reporting lines, and the
// department tree with head counts. Built once per refresh and then only read. A search starts from
// the typed word with the fewest people behind it (a binary search in the sorted words), or, when
// every typed word is common, walks the people in name order and stops at the page's end: either
// way 100,000 people stay well under 5 ms. What matches and in which order is the shared rule of
// contract/directorySearch.ts (the sidebar predicts answers with it); the index only finds it faster.
import type { DirectoryPerson } from "../../../contract/directoryPerson.ts";
import {
    compareText as compare,
    departmentKey,
    fold,
    personDepartmentKey,
    personWords,
    queryTokens,
    textMatches,
} from "../../../contract/directorySearch.ts";

export interface DepartmentNode {
    name: string;
    /** The path joined with "/": the `department` filter's value. */
    path: string;
    /** People in this department and every department below it. */
    head_count: number;
    children: DepartmentNode[];
}

export interface SearchQuery {
    q?: string;
    /** A department path ("Engineering/Platform"): people in it or below it. */
    department?: string;
    location?: string;
    cursor?: string;
    limit?: number;
}

export interface SearchPage {
    people: DirectoryPerson[];
    /** Give it back as `cursor` for the next page; null on the last page. */
    next_cursor: string | null;
}

export interface PersonView {
    person: DirectoryPerson;
    /** The manager, their manager, … up to the top. */
    manager_chain: DirectoryPerson[];
    direct_reports: DirectoryPerson[];
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
const MAX_CHAIN = 64;

/** Above this share of the people behind its rarest word, a query walks the people in order instead. */
const WALK_SHARE = 0.2;
/** Text checks of typed words before they switch to bitmaps (see search). */
const TEXT_CHECKS_BEFORE_BITMAPS = 2_000;

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

export class CursorError extends Error {}

function encodeCursor(sortKey: string, id: string): string {
    return Buffer.from(JSON.stringify([sortKey, id]), "utf8").toString("base64url");
}

function decodeCursor(cursor: string): [string, string] {
    try {
        const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
        if (Array.isArray(value) && value.length === 2 && value.every((part) => typeof part === "string")) {
            return value as [string, string];
        }
    } catch {
        // falls through to the error below
    }
    throw new CursorError("cursor is not one this service gave out");
}

export class PeopleIndex {
    /** Sorted by folded name, then id: the order of every result list. */
    private readonly people: DirectoryPerson[];
    private readonly sortKeys: string[];
    /** Per person, " word word …": a typed word matches when " " + it occurs. */
    private readonly haystacks: string[];
    /** Every (word, person) pair, sorted by word: a typed word's people are one contiguous range. */
    private readonly indexWords: string[];
    private readonly indexPeople: Int32Array;
    private readonly departmentKeys: string[];
    private readonly byId = new Map<string, number>();
    private readonly byMatrixId = new Map<string, number>();
    private readonly reports = new Map<string, number[]>();
    /** Per department path ("Engineering/" and "Engineering/Platform/") and per location: its people, in name order. */
    private readonly inDepartment = new Map<string, Int32Array>();
    private readonly atLocation = new Map<string, Int32Array>();
    readonly departments: DepartmentNode[];
    readonly locations: Array<{ name: string; head_count: number }>;

    /** `textChecksBeforeBitmaps`: tests set 0 to send every query down the bitmap path. */
    constructor(
        people: readonly DirectoryPerson[],
        private readonly textChecksBeforeBitmaps = TEXT_CHECKS_BEFORE_BITMAPS,
    ) {
        // The first entry with an id wins; a source listing one person twice must not show them twice.
        const unique = new Map<string, DirectoryPerson>();
        for (const person of people) if (!unique.has(person.id)) unique.set(person.id, person);
        // compareResultOrder's order, each name folded once.
        const keyed = [...unique.values()].map((person) => ({ person, key: fold(person.name) }));
        keyed.sort((a, b) => compare(a.key, b.key) || compare(a.person.id, b.person.id));
        this.people = keyed.map((item) => item.person);
        this.sortKeys = keyed.map((item) => item.key);
        const wordLists = this.people.map(personWords);
        this.haystacks = wordLists.map((list) => ` ${list.join(" ")}`);
        const pairs: Array<[string, number]> = [];
        wordLists.forEach((list, i) => list.forEach((word) => pairs.push([word, i])));
        pairs.sort((a, b) => compare(a[0], b[0]) || a[1] - b[1]);
        this.indexWords = pairs.map((pair) => pair[0]);
        this.indexPeople = Int32Array.from(pairs, (pair) => pair[1]);
        this.departmentKeys = this.people.map(personDepartmentKey);
        const departmentLists = new Map<string, number[]>();
        const locationLists = new Map<string, number[]>();
        this.people.forEach((person, i) => {
            for (let depth = 1; depth <= person.department.length; depth++) {
                const key = `${person.department.slice(0, depth).join("/")}/`;
                (departmentLists.get(key) ?? departmentLists.set(key, []).get(key)!).push(i);
            }
            if (person.location)
                (
                    locationLists.get(person.location) ?? locationLists.set(person.location, []).get(person.location)!
                ).push(i);
        });
        for (const [key, list] of departmentLists) this.inDepartment.set(key, Int32Array.from(list));
        for (const [key, list] of locationLists) this.atLocation.set(key, Int32Array.from(list));
        this.people.forEach((person, i) => {
            this.byId.set(person.id, i);
            if (person.matrix_id && !this.byMatrixId.has(person.matrix_id)) this.byMatrixId.set(person.matrix_id, i);
        });
        this.people.forEach((person, i) => {
            if (person.manager_id === null || !this.byId.has(person.manager_id) || person.manager_id === person.id) {
                return;
            }
            const list = this.reports.get(person.manager_id) ?? [];
            list.push(i);
            this.reports.set(person.manager_id, list);
        });
        this.departments = this.buildDepartments();
        this.locations = this.countLocations();
    }

    get size(): number {
        return this.people.length;
    }

    search(query: SearchQuery): SearchPage {
        const tokens = queryTokens(query.q);
        const department = departmentKey(query.department);
        const location = query.location || null;
        const limit = Math.min(Math.max(1, Math.floor(query.limit ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE);
        let start = 0;
        if (query.cursor) {
            const [key, id] = decodeCursor(query.cursor);
            start = this.firstAfter(key, id);
        }
        // The typed words are checked as text at first; when many people pass the filters but few
        // match (a common word in a department where it is rare), each word's people become a bitmap.
        let bitmaps: Uint8Array[] | null = null;
        let textChecks = 0;
        const wordsMatch = (i: number): boolean => {
            if (bitmaps) return bitmaps.every((bitmap) => bitmap[i] === 1);
            if (tokens.length > 0 && ++textChecks > this.textChecksBeforeBitmaps) {
                bitmaps = tokens.map((token) => this.bitmapOf(token));
                return wordsMatch(i);
            }
            return textMatches(this.haystacks[i], tokens);
        };
        const matches = (i: number): boolean =>
            (location === null || this.people[i].location === location) &&
            (department === null || this.departmentKeys[i].startsWith(department)) &&
            wordsMatch(i);

        // Whom to look at, in name order: the people behind the rarest typed word, or those of the
        // smaller filter, or everyone; the search stops as soon as the page is full.
        const empty = new Int32Array(0);
        const filterLists = [
            department === null ? null : (this.inDepartment.get(department) ?? empty),
            location === null ? null : (this.atLocation.get(location) ?? empty),
        ].filter((list): list is Int32Array => list !== null);
        let driver: Int32Array | null = filterLists.sort((a, b) => a.length - b.length)[0] ?? null;
        const rarest = this.rarestTokenRange(tokens);
        if (
            rarest &&
            rarest.end - rarest.start < Math.min(driver?.length ?? Infinity, this.people.length * WALK_SHARE)
        ) {
            driver = this.indexPeople.slice(rarest.start, rarest.end).sort();
        }
        const found: DirectoryPerson[] = [];
        if (driver) {
            let previous = -1;
            for (let p = lowerBound(driver, start); p < driver.length; p++) {
                const i = driver[p];
                if (i === previous) continue;
                previous = i;
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

    /** Who has a word beginning with `token`, as one byte per person. */
    private bitmapOf(token: string): Uint8Array {
        const bitmap = new Uint8Array(this.people.length);
        const end = this.firstWordAtLeast(`${token}\uffff`);
        for (let p = this.firstWordAtLeast(token); p < end; p++) bitmap[this.indexPeople[p]] = 1;
        return bitmap;
    }

    /** The range of index pairs whose word begins with the typed word that has the fewest. */
    private rarestTokenRange(tokens: string[]): { start: number; end: number } | null {
        let best: { start: number; end: number } | null = null;
        for (const token of tokens) {
            const start = this.firstWordAtLeast(token);
            // Every word beginning with `token` sorts before `token` + the highest code unit.
            const end = this.firstWordAtLeast(`${token}\uffff`);
            if (!best || end - start < best.end - best.start) best = { start, end };
        }
        return best;
    }

    private firstWordAtLeast(text: string): number {
        let low = 0;
        let high = this.indexWords.length;
        while (low < high) {
            const middle = (low + high) >>> 1;
            if (this.indexWords[middle] < text) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    /** One person by id or by Matrix user ID, with their manager chain and direct reports. */
    person(idOrMatrixId: string): PersonView | null {
        const index = this.byId.get(idOrMatrixId) ?? this.byMatrixId.get(idOrMatrixId);
        if (index === undefined) return null;
        const person = this.people[index];
        const chain: DirectoryPerson[] = [];
        const seen = new Set([person.id]);
        let managerId = person.manager_id;
        // A source may hold a loop (A manages B manages A): stop where the chain comes back.
        while (managerId !== null && !seen.has(managerId) && chain.length < MAX_CHAIN) {
            const managerIndex = this.byId.get(managerId);
            if (managerIndex === undefined) break;
            const manager = this.people[managerIndex];
            chain.push(manager);
            seen.add(manager.id);
            managerId = manager.manager_id;
        }
        const reports = (this.reports.get(person.id) ?? []).map((i) => this.people[i]);
        return { person, manager_chain: chain, direct_reports: reports };
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

    private buildDepartments(): DepartmentNode[] {
        const root: DepartmentNode = { name: "", path: "", head_count: 0, children: [] };
        const nodes = new Map<string, DepartmentNode>([["", root]]);
        for (const person of this.people) {
            let parent = root;
            root.head_count++;
            for (let depth = 0; depth < person.department.length; depth++) {
                const path = person.department.slice(0, depth + 1).join("/");
                let node = nodes.get(path);
                if (!node) {
                    node = { name: person.department[depth], path, head_count: 0, children: [] };
                    nodes.set(path, node);
                    parent.children.push(node);
                }
                node.head_count++;
                parent = node;
            }
        }
        const sortTree = (list: DepartmentNode[]): void => {
            list.sort((a, b) => compare(fold(a.name), fold(b.name)));
            for (const node of list) sortTree(node.children);
        };
        sortTree(root.children);
        return root.children;
    }

    private countLocations(): Array<{ name: string; head_count: number }> {
        const counts = new Map<string, number>();
        for (const person of this.people) {
            if (person.location) counts.set(person.location, (counts.get(person.location) ?? 0) + 1);
        }
        return [...counts]
            .map(([name, head_count]) => ({ name, head_count }))
            .sort((a, b) => compare(fold(a.name), fold(b.name)));
    }
}
