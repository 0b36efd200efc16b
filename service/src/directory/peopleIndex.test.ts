/** @jest-environment node */
// The index's search against a plain oracle (filter everyone, sort by name) on 20,000 generated
// people: every path (rarest word, filter lists, walking, bitmaps) must give the same pages.
import { generateCompany } from "../../../e2e/harness/company.ts";
import { fold, PeopleIndex, words, type SearchQuery } from "./peopleIndex.ts";
import type { DirectoryPerson } from "./person.ts";

const people: DirectoryPerson[] = generateCompany(20_000).map((p) => ({
    id: `uid=${p.uid}`,
    matrix_id: `@${p.uid}:example.com`,
    name: `${p.givenName} ${p.surname}`,
    title: p.title,
    department: p.department.split("/"),
    location: p.location,
    email: p.email,
    phone: p.phone,
    manager_id: p.manager ? `uid=${p.manager}` : null,
    time_zone: null,
    photo_url: null,
}));
const index = new PeopleIndex(people);
/** The same people, every typed word checked through its bitmap at once. */
const bitmapIndex = new PeopleIndex(people, 0);

function oracle(query: SearchQuery): string[] {
    const tokens = words(query.q ?? "");
    return people
        .filter((p) => {
            const own = words([p.name, p.title, p.department.join(" "), p.location].join(" "));
            if (!tokens.every((token) => own.some((word) => word.startsWith(token)))) return false;
            if (query.location && p.location !== query.location) return false;
            if (query.department && !`${p.department.join("/")}/`.startsWith(`${query.department}/`)) return false;
            return true;
        })
        .sort((a, b) => (fold(a.name) < fold(b.name) ? -1 : fold(a.name) > fold(b.name) ? 1 : a.id < b.id ? -1 : 1))
        .map((p) => p.id);
}

function allPages(query: SearchQuery, from = index): string[] {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
        const page = from.search({ ...query, cursor, limit: 200 });
        ids.push(...page.people.map((p) => p.id));
        cursor = page.next_cursor ?? undefined;
    } while (cursor);
    return ids;
}

describe("PeopleIndex.search", () => {
    it.each<SearchQuery>([
        { q: "" },
        { q: "a" },
        { q: "sa", department: "Engineering" },
        { q: "si", location: "Berlin" },
        { q: "site reliab" },
        { q: "london engineer" },
        { q: "chloe" },
        { q: "ines dubois" },
        { q: "zhang", location: "Paris" },
        { q: "qqq" },
        { q: "a", department: "Engineering/Platform" },
        { department: "Sales/EMEA", location: "Singapore" },
        { q: "account", department: "Sales" },
        { q: "eng", department: "Engineering/Platform", location: "London" },
    ])("pages through exactly what the oracle finds: %j", (query) => {
        const expected = oracle(query);
        expect(allPages(query)).toEqual(expected);
        expect(allPages(query, bitmapIndex)).toEqual(expected);
    });

    it("matches typed words at the start of words only", () => {
        expect(index.search({ q: "gineer" }).people).toEqual([]);
        expect(index.search({ q: "engineer" }).people.length).toBeGreaterThan(0);
    });
});
