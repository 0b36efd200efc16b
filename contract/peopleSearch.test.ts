/** @jest-environment node */
// The search the service and the sidebar share: built in slices it is the same search, and its
// cursors are the service's (base64url of [folded name, id]) in any runtime, hostile ones refused.
import { generateCompany } from "../e2e/harness/company.ts";
import type { ListedPerson } from "./directoryPerson.ts";
import { compareResultOrder, matchesFilter, type SearchFilter } from "./directorySearch.ts";
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
        expect(pauses).toBe(11);
        expect(sliced.size).toBe(5_000);
        expect(whole.size).toBe(5_000);
        for (const query of QUERIES) expect(everyPage(sliced, query)).toEqual(everyPage(whole, query));
    });
});

describe("cursors", () => {
    // Built in each case (not when the file loads), so a mutation run sees which case reaches what.
    const cursorSearch = (): PeopleSearch<ListedPerson> =>
        new PeopleSearch<ListedPerson>([
            { id: "b1", name: "Zoë Ünal", title: null, department: [], location: null },
            { id: "b2", name: "Zoë Ünal", title: null, department: [], location: null },
            { id: "a", name: "Ada", title: null, department: [], location: null },
        ]);

    it("are base64url of the page's last [folded name, id], as Node's Buffer writes it", () => {
        const search = cursorSearch();
        expect(search.size).toBe(3);
        const first = search.search({ limit: 2 });
        expect(first.people.map((p) => p.id)).toEqual(["a", "b1"]);
        expect(first.next_cursor).toBe(Buffer.from(JSON.stringify(["zoe unal", "b1"]), "utf8").toString("base64url"));
        expect(search.search({ cursor: first.next_cursor, limit: 2 }).people.map((p) => p.id)).toEqual(["b2"]);
    });

    it("use - and _ for base64's + and /, without padding, and are read back through them", () => {
        // This page's last [name, id] is one whose base64 has a +, a / and padding.
        const greek = new PeopleSearch<ListedPerson>([
            { id: "p10", name: "Σοφία Παππά", title: null, department: [], location: null },
            { id: "p11", name: "Σοφία Παππά", title: null, department: [], location: null },
        ]);
        const standard = Buffer.from(JSON.stringify(["σοφια παππα", "p10"]), "utf8").toString("base64");
        expect([standard.includes("+"), standard.includes("/"), standard.endsWith("=")]).toEqual([true, true, true]);
        const first = greek.search({ limit: 1 });
        expect(first.next_cursor).toBe(Buffer.from(JSON.stringify(["σοφια παππα", "p10"])).toString("base64url"));
        expect(greek.search({ cursor: first.next_cursor, limit: 1 }).people.map((p) => p.id)).toEqual(["p11"]);
        // The same position in standard base64 is not a cursor this search gave out.
        expect(() => greek.search({ cursor: standard })).toThrow(CursorError);
        expect(() => greek.search({ cursor: standard.replace(/=+$/, "") })).toThrow(CursorError);
    });

    it("refuses what this search never gave out", () => {
        const search = cursorSearch();
        for (const bad of ["not a cursor!", "%%%", Buffer.from('["only one"]').toString("base64url"), "////"]) {
            expect(() => search.search({ cursor: bad })).toThrow(CursorError);
        }
        // Bytes that are not UTF-8 are refused too, not read as replacement characters.
        expect(() => search.search({ cursor: Buffer.from([0xff, 0xfe, 0x22]).toString("base64url") })).toThrow(
            CursorError,
        );
        const notUtf8InsideJson = Buffer.concat([Buffer.from('["'), Buffer.from([0xff]), Buffer.from('","a"]')]);
        expect(() => search.search({ cursor: notUtf8InsideJson.toString("base64url") })).toThrow(CursorError);
    });
});

// Every path a search can take (the word or filter it walks, the others checked as text or as
// bitmaps, a switch from one to the other midway) must page through exactly what the shared rule
// finds, in its order: the sidebar and the service answer from this code, the prediction from the rule.
describe("search against the shared rule", () => {
    const company: ListedPerson[] = [
        ...people.slice(0, 1_200),
        // The last word of the company in sort order, longer than a listed prefix.
        { id: "zz", name: "Zyta Zywicki", title: "Engineer", department: ["Sales", "EMEA"], location: "Berlin" },
    ];
    const QUERIES: SearchFilter[] = [
        { q: "" },
        { q: "zywicki" },
        { q: "engin" }, // begins two words of most engineers ("engineer", "engineering"): merged, each once
        { q: "eng lead" },
        { q: "lead eng" },
        { q: "site rel" },
        { q: "sal" },
        { q: "an b" },
        { q: "zhang", location: "Paris" }, // a rare word, the location checked per person
        { q: "a", location: "Berlin" }, // a common word, the location's list walked
        { q: "e", department: "Engineering" },
        { q: "zhang", department: "Engineering" }, // a rare word, the department checked per person
        { q: "a", department: "Engineering/Platform" },
        { department: "Sales", location: "London" },
        { department: "Sales/EMEA" },
        { q: "lead", department: "Sales", location: "Paris" },
        { q: "qqq" },
        { q: "a", department: "Nowhere" },
    ];

    function oracle(filter: SearchFilter): string[] {
        return company
            .filter((p) => matchesFilter(p, filter))
            .sort(compareResultOrder)
            .map((p) => p.id);
    }

    it.each([
        ["text checks", 2_000],
        ["bitmaps", 0],
        ["text checks, then bitmaps", 3],
    ])("pages through exactly the rule's answer with %s", (_, textChecksBeforeBitmaps) => {
        const search = new PeopleSearch(company, textChecksBeforeBitmaps);
        for (const query of QUERIES) {
            const expected = oracle(query);
            const pages = everyPage(search, query);
            expect({ query, found: pages.flat() }).toEqual({ query, found: expected });
            // Full pages but the last, which is empty only when nobody matches at all.
            expect(pages.slice(0, -1).every((page) => page.length === 37)).toBe(true);
            expect(pages[pages.length - 1].length).toBe(expected.length % 37 || Math.min(expected.length, 37));
        }
    });
});
