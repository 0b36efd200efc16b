/** @jest-environment node */
// The index's other answers on a handful of people: one person with their manager chain and
// reports, the department tree and locations with head counts, paging and its cursor, the page
// size's bounds, duplicates. (peopleIndex.test.ts checks search against the shared rule at scale.)
import type { DirectoryPerson } from "../../../contract/directoryPerson.ts";
import { directoryPerson } from "../../../contract/testPeople.ts";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../../../contract/peopleSearch.ts";
import { CursorError, PeopleIndex } from "./peopleIndex.ts";

/** A person with a Matrix account on acme.test unless the test says otherwise. */
function person(id: string, name: string, more: Partial<DirectoryPerson> = {}): DirectoryPerson {
    return directoryPerson(id, name, { matrix_id: `@${id}:acme.test`, ...more });
}

const ceo = person("ceo", "Zoë Adler", { title: "CEO" });
const cto = person("cto", "Ben Okafor", { manager_id: "ceo", department: ["Engineering"], location: "Berlin" });
const erin = person("erin", "Erin Weber", {
    manager_id: "cto",
    department: ["Engineering", "Platform"],
    location: "London",
});
const ada = person("ada", "ada Lovelace", {
    manager_id: "cto",
    department: ["Engineering", "Apps"],
    location: "London",
});
const sam = person("sam", "Sam Öz", { manager_id: "ceo", department: ["sales"], location: "berlin" });
const PEOPLE = [ceo, cto, erin, ada, sam];
const ids = (list: DirectoryPerson[]): string[] => list.map((p) => p.id);

// Each case builds its index (not the file as it loads), so a mutation run sees which case reaches
// the index's building and runs it for the mutants there.
describe("one person", () => {
    let index: PeopleIndex;
    beforeEach(() => (index = new PeopleIndex(PEOPLE)));

    it("is found by id or Matrix ID, with the chain to the top and the direct reports in name order", () => {
        // Strict: an empty list must be empty, not hold an `undefined` that toEqual would overlook.
        expect(index.person("erin")).toStrictEqual({ person: erin, manager_chain: [cto, ceo], direct_reports: [] });
        expect(index.person("@cto:acme.test")).toStrictEqual({
            person: cto,
            manager_chain: [ceo],
            direct_reports: [ada, erin],
        });
        expect(index.person("ceo")).toStrictEqual({ person: ceo, manager_chain: [], direct_reports: [cto, sam] });
        expect(index.person("nobody")).toBeNull();
        expect(index.size).toBe(5);
    });

    it("stops a chain at a loop, an unknown manager, or after 64 managers", () => {
        const loop = new PeopleIndex([
            person("a", "A", { manager_id: "b" }),
            person("b", "B", { manager_id: "c" }),
            person("c", "C", { manager_id: "a" }),
            person("d", "D", { manager_id: "gone" }),
            person("e", "E", { manager_id: "e" }),
        ]);
        expect(ids(loop.person("a")!.manager_chain)).toEqual(["b", "c"]);
        expect(loop.person("d")!.manager_chain).toEqual([]);
        expect(loop.person("e")).toMatchObject({ manager_chain: [], direct_reports: [] });
        expect(ids(loop.person("a")!.direct_reports)).toEqual(["c"]);

        const ladder = Array.from({ length: 80 }, (_, i) =>
            person(`p${i}`, `P${i}`, { manager_id: i === 79 ? null : `p${i + 1}` }),
        );
        expect(new PeopleIndex(ladder).person("p0")!.manager_chain).toHaveLength(64);
    });

    it("keeps the first entry of an id listed twice, and the first holder of a Matrix ID", () => {
        const twice = new PeopleIndex([
            person("x", "First"),
            person("x", "Second"),
            person("y", "Other", { matrix_id: "@x:acme.test" }),
        ]);
        expect(twice.size).toBe(2);
        expect(twice.person("x")!.person.name).toBe("First");
        expect(twice.person("@x:acme.test")!.person.name).toBe("First");
        const shared = new PeopleIndex([
            person("b", "Bea", { matrix_id: "@same:acme.test" }),
            person("a", "Abe", { matrix_id: "@same:acme.test" }),
        ]);
        expect(shared.person("@same:acme.test")!.person.name).toBe("Abe");
        const none = new PeopleIndex([person("n", "No Id", { matrix_id: null })]);
        expect(none.person("null")).toBeNull();
    });
});

describe("departments and locations", () => {
    it("form a tree with head counts that include the departments below, in folded name order", () => {
        const index = new PeopleIndex(PEOPLE);
        expect(index.departments).toEqual([
            {
                name: "Engineering",
                path: "Engineering",
                head_count: 3,
                children: [
                    { name: "Apps", path: "Engineering/Apps", head_count: 1, children: [] },
                    { name: "Platform", path: "Engineering/Platform", head_count: 1, children: [] },
                ],
            },
            { name: "sales", path: "sales", head_count: 1, children: [] },
        ]);
        // Sorted by department name, not by who was met first.
        const firstMet = new PeopleIndex([
            person("a", "Aaron", { department: ["Zeta", "Yard"] }),
            person("b", "Bea", { department: ["alpha"] }),
            person("c", "Cy", { department: ["Zeta", "Bay"] }),
        ]);
        expect(firstMet.departments.map((d) => [d.name, d.children.map((c) => c.name)])).toEqual([
            ["alpha", []],
            ["Zeta", ["Bay", "Yard"]],
        ]);
        expect(index.locations).toEqual([
            { name: "Berlin", head_count: 1 },
            { name: "berlin", head_count: 1 },
            { name: "London", head_count: 2 },
        ]);
    });
});

describe("search", () => {
    let index: PeopleIndex;
    beforeEach(() => (index = new PeopleIndex(PEOPLE)));

    it("lists everyone in folded name order, then by id", () => {
        const sameName = new PeopleIndex([person("b", "Kim"), person("a", "kim"), person("c", "Émile")]);
        expect(ids(sameName.search({}).people)).toEqual(["c", "a", "b"]);
        expect(ids(index.search({}).people)).toEqual(["ada", "cto", "erin", "sam", "ceo"]);
    });

    it("filters by department (with those below) and by exact location", () => {
        expect(ids(index.search({ department: "Engineering" }).people)).toEqual(["ada", "cto", "erin"]);
        expect(ids(index.search({ department: "Engineering/Platform" }).people)).toEqual(["erin"]);
        expect(ids(index.search({ department: "Eng" }).people)).toEqual([]);
        expect(ids(index.search({ location: "London" }).people)).toEqual(["ada", "erin"]);
        expect(ids(index.search({ location: "Paris" }).people)).toEqual([]);
        expect(ids(index.search({ location: "" }).people)).toHaveLength(5);
        expect(ids(index.search({ q: "er", location: "London", department: "Engineering" }).people)).toEqual(["erin"]);
    });

    it("pages with a cursor after the last person shown, without repeats", () => {
        const first = index.search({ limit: 2 });
        expect(ids(first.people)).toEqual(["ada", "cto"]);
        expect(first.next_cursor).toEqual(expect.any(String));
        const second = index.search({ limit: 2, cursor: first.next_cursor! });
        expect(ids(second.people)).toEqual(["erin", "sam"]);
        const last = index.search({ limit: 2, cursor: second.next_cursor! });
        expect(last).toEqual({ people: [ceo], next_cursor: null });
        // A full last page has no cursor either.
        expect(index.search({ limit: 5 }).next_cursor).toBeNull();
        expect(ids(index.search({ limit: 2, cursor: first.next_cursor!, location: "London" }).people)).toEqual([
            "erin",
        ]);
    });

    it("refuses a cursor it did not give out", () => {
        const bad = (cursor: string) => () => index.search({ cursor });
        expect(bad("not base64 json")).toThrow(CursorError);
        expect(bad(Buffer.from('["a"]').toString("base64url"))).toThrow("cursor is not one this service gave out");
        expect(bad(Buffer.from('["a", 1]').toString("base64url"))).toThrow(CursorError);
        expect(bad(Buffer.from('{"0":"a","1":"b"}').toString("base64url"))).toThrow(CursorError);
        expect(
            ids(index.search({ cursor: Buffer.from('["erin weber","erin"]').toString("base64url") }).people),
        ).toEqual(["sam", "ceo"]);
    });

    it("gives 50 people a page by default, 1 to 200 when asked", () => {
        const many = new PeopleIndex(
            Array.from({ length: 250 }, (_, i) => person(`p${String(i).padStart(3, "0")}`, "Same")),
        );
        expect([DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE]).toEqual([50, 200]);
        expect(many.search({}).people).toHaveLength(50);
        expect(many.search({ limit: 1000 }).people).toHaveLength(200);
        expect(many.search({ limit: 0 }).people).toHaveLength(1);
        expect(many.search({ limit: -5 }).people).toHaveLength(1);
        expect(many.search({ limit: 2.9 }).people).toHaveLength(2);
        expect(many.search({ q: "same", limit: 200 }).people).toHaveLength(200);
    });

    it("finds typed words at word starts, through every path", () => {
        for (const checks of [2_000, 0]) {
            const some = new PeopleIndex(PEOPLE, checks);
            expect(ids(some.search({ q: "we" }).people)).toEqual(["erin"]);
            expect(ids(some.search({ q: "ok be" }).people)).toEqual(["cto"]);
            expect(ids(some.search({ q: "london" }).people)).toEqual(["ada", "erin"]);
            expect(ids(some.search({ q: "eber" }).people)).toEqual([]);
            expect(ids(some.search({ q: "o", location: "berlin" }).people)).toEqual(["sam"]);
        }
    });
});
