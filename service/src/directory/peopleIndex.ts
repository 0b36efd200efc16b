// The directory in memory: people sorted by name, a folded text per person for search as you type,
// the reporting lines, and the department tree with head counts. Built once per refresh and then
// only read, so a search is a scan over plain arrays (100,000 people well under 5 ms).
import type { DirectoryPerson } from "./person.ts";

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

/** Lower case without diacritics, so "chloe" finds "Chloé". */
export function fold(text: string): string {
    return text
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase();
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

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export class PeopleIndex {
    /** Sorted by folded name, then id: the order of every result list. */
    private readonly people: DirectoryPerson[];
    private readonly sortKeys: string[];
    private readonly haystacks: string[];
    private readonly departmentKeys: string[];
    private readonly byId = new Map<string, number>();
    private readonly byMatrixId = new Map<string, number>();
    private readonly reports = new Map<string, number[]>();
    readonly departments: DepartmentNode[];
    readonly locations: Array<{ name: string; head_count: number }>;

    constructor(people: readonly DirectoryPerson[]) {
        // The first entry with an id wins; a source listing one person twice must not show them twice.
        const unique = new Map<string, DirectoryPerson>();
        for (const person of people) if (!unique.has(person.id)) unique.set(person.id, person);
        const keyed = [...unique.values()].map((person) => ({ person, key: fold(person.name) }));
        keyed.sort((a, b) => compare(a.key, b.key) || compare(a.person.id, b.person.id));
        this.people = keyed.map((item) => item.person);
        this.sortKeys = keyed.map((item) => item.key);
        this.haystacks = this.people.map((person) =>
            fold([person.name, person.title, person.department.join(" "), person.location].filter(Boolean).join("\n")),
        );
        this.departmentKeys = this.people.map((person) => `${person.department.join("/")}/`);
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
        const tokens = fold(query.q ?? "")
            .split(/\s+/)
            .filter(Boolean);
        const department = query.department
            ? `${query.department
                  .split("/")
                  .map((p) => p.trim())
                  .filter(Boolean)
                  .join("/")}/`
            : null;
        const location = query.location || null;
        const limit = Math.min(Math.max(1, Math.floor(query.limit ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE);
        let start = 0;
        if (query.cursor) {
            const [key, id] = decodeCursor(query.cursor);
            start = this.firstAfter(key, id);
        }
        const found: DirectoryPerson[] = [];
        let i = start;
        for (; i < this.people.length && found.length <= limit; i++) {
            if (location !== null && this.people[i].location !== location) continue;
            if (department !== null && !this.departmentKeys[i].startsWith(department)) continue;
            const haystack = this.haystacks[i];
            let matches = true;
            for (const token of tokens) {
                if (!haystack.includes(token)) {
                    matches = false;
                    break;
                }
            }
            if (matches) found.push(this.people[i]);
        }
        if (found.length <= limit) return { people: found, next_cursor: null };
        const page = found.slice(0, limit);
        const last = page[page.length - 1];
        return { people: page, next_cursor: encodeCursor(fold(last.name), last.id) };
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
