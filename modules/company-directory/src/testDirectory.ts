// Test support: a directory service in memory (what the panel's tests talk to instead of HTTP) and
// a recording Matrix side. The real service is tested against real slapd in service/src/directory.
import { decodeRoster, encodeRoster } from "../../../contract/directoryRoster";
import { compareResultOrder, matchesFilter } from "../../../contract/directorySearch";
import { directoryPerson } from "../../../contract/testPeople";
import type {
    DepartmentNode,
    DirectoryApi,
    DirectoryPerson,
    PeopleApi,
    Roster,
    SearchParams,
    SourceStatus,
} from "./types";

export const OK_SOURCE: SourceStatus = {
    state: "ok",
    refreshed_at: "2026-01-01T00:00:00Z",
    age_seconds: 5,
    error: null,
    people: 0,
};

/** A person with a Matrix account (`@id:example.com`) unless the test says otherwise. */
export function person(id: string, name: string, extra: Partial<DirectoryPerson> = {}): DirectoryPerson {
    return directoryPerson(id, name, { matrix_id: `@${id}:example.com`, ...extra });
}

/** A small company: a CEO, a VP, a lead and engineers in two cities. */
export function smallCompany(): DirectoryPerson[] {
    return [
        person("ada", "Ada Lindqvist", {
            title: "Chief Executive Officer",
            department: ["Management"],
            location: "Berlin",
            time_zone: "Europe/Berlin",
        }),
        person("boris", "Boris Okafor", {
            title: "VP Engineering",
            department: ["Engineering"],
            location: "Berlin",
            manager_id: "ada",
        }),
        person("erin", "Erin Walsh", {
            title: "Platform Lead",
            department: ["Engineering", "Platform"],
            location: "London",
            manager_id: "boris",
            email: "erin@example.com",
            phone: "+44 20 5550 1004",
            time_zone: "Europe/London",
        }),
        person("ines", "Inès Dubois", {
            title: "Site Reliability Engineer",
            department: ["Engineering", "Platform"],
            location: "London",
            manager_id: "erin",
        }),
        person("farid", "Farid Haddad", {
            title: "Apps Lead",
            department: ["Engineering", "Apps"],
            location: "Berlin",
            manager_id: "boris",
        }),
        person("grace", "Grace Tan", {
            title: "Sales Lead EMEA",
            department: ["Sales", "EMEA"],
            location: "Paris",
            manager_id: "ada",
        }),
    ];
}

export class MemoryDirectory implements DirectoryApi {
    readonly searches: SearchParams[] = [];
    source: SourceStatus = OK_SOURCE;
    /** Set to make every call fail with it. */
    failure: Error | null = null;
    /** Whether it serves the roster (as the service does); off, the panel asks for every query. */
    servesRoster = false;
    readonly rosterRequests: number[] = [];

    constructor(readonly people: DirectoryPerson[]) {}

    async search(
        params: SearchParams,
    ): Promise<{ people: DirectoryPerson[]; next_cursor: string | null; source: SourceStatus }> {
        this.searches.push(params);
        if (this.failure) throw this.failure;
        // As the service: its matching rule and its order (contract/directorySearch.ts).
        const found = this.people.filter((p) => matchesFilter(p, params)).sort(compareResultOrder);
        const start = params.cursor ? Number(params.cursor) : 0;
        const limit = params.limit ?? 50;
        const page = found.slice(start, start + limit);
        const next = start + limit < found.length ? String(start + limit) : null;
        return { people: page, next_cursor: next, source: this.source };
    }

    async person(id: string) {
        if (this.failure) throw this.failure;
        const found = this.people.find((p) => p.id === id || p.matrix_id === id);
        if (!found) throw new Error("not found");
        const chain: DirectoryPerson[] = [];
        for (let m = found.manager_id; m;) {
            const manager = this.people.find((p) => p.id === m);
            if (!manager) break;
            chain.push(manager);
            m = manager.manager_id;
        }
        return {
            person: found,
            manager_chain: chain,
            direct_reports: this.people.filter((p) => p.manager_id === found.id),
            source: this.source,
        };
    }

    async roster(): Promise<Roster> {
        this.rosterRequests.push(this.rosterRequests.length + 1);
        if (this.failure) throw this.failure;
        if (!this.servesRoster) throw new Error("this directory serves no roster");
        // Through the wire format, as the service sends it.
        return decodeRoster(JSON.parse(JSON.stringify(encodeRoster(this.people, this.source.refreshed_at))));
    }

    async departments() {
        if (this.failure) throw this.failure;
        const root: DepartmentNode[] = [];
        for (const p of this.people) {
            let level = root;
            p.department.forEach((name, depth) => {
                const path = p.department.slice(0, depth + 1).join("/");
                let node = level.find((n) => n.path === path);
                if (!node) level.push((node = { name, path, head_count: 0, children: [] }));
                node.head_count++;
                level = node.children;
            });
        }
        root.sort((a, b) => a.name.localeCompare(b.name));
        const locations = [...new Set(this.people.map((p) => p.location).filter((l): l is string => !!l))].sort();
        return {
            departments: root,
            locations: locations.map((name) => ({
                name,
                head_count: this.people.filter((p) => p.location === name).length,
            })),
            head_count: this.people.length,
            source: this.source,
        };
    }
}

export function recordingPeople(overrides: Partial<PeopleApi> = {}): jest.Mocked<PeopleApi> {
    return {
        searchUserDirectory: jest.fn(async () => ({ users: [], limited: false })),
        openDirectMessage: jest.fn(async () => "!dm:example.com"),
        presence: jest.fn(async () => "online" as const),
        avatarUrl: jest.fn(async () => null),
        showProfile: jest.fn(),
        copyToClipboard: jest.fn(async () => true),
        ...overrides,
    } as jest.Mocked<PeopleApi>;
}

const GIVEN = ["Anna", "Ben", "Chloé", "Sven", "Zoe"];
const SURNAMES = ["Berg", "Costa", "Schmidt"];

/** 1,000 people (more than one page), few names and two titles and places, so queries match many. */
export function pageSizedCompany(): DirectoryPerson[] {
    return Array.from({ length: 1_000 }, (_, i) =>
        person(`p${String(i).padStart(4, "0")}`, `${GIVEN[i % GIVEN.length]} ${SURNAMES[(i >> 3) % SURNAMES.length]}`, {
            title: i % 2 ? "Site Reliability Engineer" : "Account Executive",
            location: i % 3 ? "Berlin" : "Paris",
        }),
    );
}
