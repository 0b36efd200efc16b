/** @jest-environment node */
// The search the service and the sidebar share: built in slices it is the same search, and its
// cursors are the service's (base64url of [folded name, id]) in any runtime, hostile ones refused.
import { generateCompany } from "../e2e/harness/company.ts";
import type { ListedPerson } from "./directoryPerson.ts";
import { CursorError, PeopleSearch } from "./peopleSearch.ts";

const people: ListedPerson[] = generateCompany(5_000).map((p) => ({
    id: p.uid,
    name: `${p.givenName} ${p.surname}`,
    title: p.title,
    department: p.department.split("/"),
    location: p.location,
}));
const QUERIES = [
    { q: "" },
    { q: "a" },
    { q: "an b" },
    { q: "site rel" },
    { q: "zhang" },
    { q: "qqq" },
    { q: "e", location: "Berlin" },
    { q: "", department: "Engineering" },
    { q: "lead", department: "Sales", location: "Paris" },
];

function everyPage(search: PeopleSearch<ListedPerson>, query: object): string[][] {
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
        const page: { people: ListedPerson[]; next_cursor: string | null } = search.search({
            ...query,
            cursor,
            limit: 37,
        });
        pages.push(page.people.map((p) => p.id));
        cursor = page.next_cursor;
    } while (cursor);
    return pages;
}

describe("PeopleSearch.inSlices", () => {
    it("pauses between slices and gives the same search as building at once", async () => {
        let pauses = 0;
        const sliced = await PeopleSearch.inSlices(people, async () => {
            pauses++;
        });
        const whole = new PeopleSearch(people);
        // 5,000 people in slices of 1,000, twice over (names, then words), and once for the sort.
        expect(pauses).toBeGreaterThanOrEqual(10);
        expect(sliced.size).toBe(whole.size);
        for (const query of QUERIES) expect(everyPage(sliced, query)).toEqual(everyPage(whole, query));
    });
});

describe("cursors", () => {
    const search = new PeopleSearch<ListedPerson>([
        { id: "b1", name: "Zoë Ünal", title: null, department: [], location: null },
        { id: "b2", name: "Zoë Ünal", title: null, department: [], location: null },
        { id: "a", name: "Ada", title: null, department: [], location: null },
    ]);

    it("are base64url of the page's last [folded name, id], as Node's Buffer writes it", () => {
        const first = search.search({ limit: 2 });
        expect(first.people.map((p) => p.id)).toEqual(["a", "b1"]);
        expect(first.next_cursor).toBe(Buffer.from(JSON.stringify(["zoe unal", "b1"]), "utf8").toString("base64url"));
        expect(search.search({ cursor: first.next_cursor, limit: 2 }).people.map((p) => p.id)).toEqual(["b2"]);
    });

    it("refuses what this search never gave out", () => {
        for (const bad of ["not a cursor!", "%%%", Buffer.from('["only one"]').toString("base64url"), "////"]) {
            expect(() => search.search({ cursor: bad })).toThrow(CursorError);
        }
        // Bytes that are not UTF-8 are refused too, not read as replacement characters.
        expect(() => search.search({ cursor: Buffer.from([0xff, 0xfe, 0x22]).toString("base64url") })).toThrow(
            CursorError,
        );
    });
});
