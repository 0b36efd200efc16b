// The directory in memory: the search as you type of contract/peopleSearch.ts (the sidebar runs the
// same search on its copy of the roster), the reporting lines, the department tree with head counts,
// and the people in result order (what the roster route encodes). Built once per refresh and then only read.
import type { DirectoryPerson } from "../../../contract/directoryPerson.ts";
import { compareText as compare, fold } from "../../../contract/directorySearch.ts";
import { PeopleSearch, type SearchQuery, type SearchResult } from "../../../contract/peopleSearch.ts";

export { CursorError } from "../../../contract/peopleSearch.ts";

export interface DepartmentNode {
    name: string;
    /** The path joined with "/": the `department` filter's value. */
    path: string;
    /** People in this department and every department below it. */
    head_count: number;
    children: DepartmentNode[];
}

export type { SearchQuery };
export type SearchPage = SearchResult<DirectoryPerson>;

export interface PersonView {
    person: DirectoryPerson;
    /** The manager, their manager, … up to the top. */
    manager_chain: DirectoryPerson[];
    direct_reports: DirectoryPerson[];
}

const MAX_CHAIN = 64;

export class PeopleIndex {
    /** Sorted by folded name, then id: the order of every result list (and of the roster). */
    readonly people: readonly DirectoryPerson[];
    private readonly finder: PeopleSearch<DirectoryPerson>;
    private readonly byId = new Map<string, number>();
    private readonly byMatrixId = new Map<string, number>();
    private readonly reports = new Map<string, number[]>();
    readonly departments: DepartmentNode[];
    readonly locations: Array<{ name: string; head_count: number }>;

    /** `textChecksBeforeBitmaps`: tests set 0 to send every query down the bitmap path. */
    constructor(people: readonly DirectoryPerson[], textChecksBeforeBitmaps?: number) {
        this.finder = new PeopleSearch(people, textChecksBeforeBitmaps);
        this.people = this.finder.people;
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
        return this.finder.search(query);
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

    private buildDepartments(): DepartmentNode[] {
        const top: DepartmentNode[] = [];
        const nodes = new Map<string, DepartmentNode>();
        for (const person of this.people) {
            let siblings = top;
            for (let depth = 0; depth < person.department.length; depth++) {
                const path = person.department.slice(0, depth + 1).join("/");
                let node = nodes.get(path);
                if (!node) {
                    node = { name: person.department[depth], path, head_count: 0, children: [] };
                    nodes.set(path, node);
                    siblings.push(node);
                }
                node.head_count++;
                siblings = node.children;
            }
        }
        const sortTree = (list: DepartmentNode[]): void => {
            list.sort((a, b) => compare(fold(a.name), fold(b.name)));
            for (const node of list) sortTree(node.children);
        };
        sortTree(top);
        return top;
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
