/** @jest-environment node */
// The index's search against the shared search rule applied to everyone (the rule the sidebar
// predicts answers with) on 20,000 generated people: every path (rarest word, filter lists,
// walking, bitmaps) must give the same pages, so a prediction can never disagree with the service.
import { generateCompany } from "../../../e2e/harness/company.ts";
import { compareResultOrder, matchesFilter, narrows } from "../../../contract/directorySearch.ts";
import { PeopleIndex, type SearchQuery } from "./peopleIndex.ts";
import type { DirectoryPerson } from "../../../contract/directoryPerson.ts";

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

/** The shared rule applied to everyone, as the sidebar applies it to what it holds (contract/directorySearch.ts). */
function oracle(query: SearchQuery): string[] {
    return people
        .filter((p) => matchesFilter(p, query))
        .sort(compareResultOrder)
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

// The sidebar shows a query's answer before the service gives it, by filtering the answer of a
// wider query it holds (modules/company-directory/src/searchCache.ts). That is right only if the
// index's page for the wide query, filtered by the shared rule, is the start of the narrow answer.
describe("a wide query's page predicts a narrower query's answer", () => {
    // `mayBeEmpty`: a wide page can hold none of the narrow answer (its first people are all Sales,
    // say); the panel then shows nothing predicted and waits for the service.
    it.each<[SearchQuery, SearchQuery, boolean?]>([
        [{ q: "" }, { q: "a" }],
        [{ q: "s" }, { q: "sa" }],
        [{ q: "site" }, { q: "site reliab" }],
        [{ q: "a" }, { q: "an", location: "Berlin" }, true],
        [{ q: "s" }, { q: "si" }, true],
        [
            { q: "e", department: "Engineering" },
            { q: "en", department: "Engineering/Platform" },
        ],
        [{ q: "lon" }, { q: "eng lond" }],
    ])("%j then %j", (wide, narrow, mayBeEmpty = false) => {
        expect(narrows(narrow, wide)).toBe(true);
        const widePage = index.search({ ...wide, limit: 200 });
        const predicted = widePage.people.filter((p) => matchesFilter(p, narrow)).map((p) => p.id);
        const answer = allPages(narrow);
        if (!mayBeEmpty) expect(predicted.length).toBeGreaterThan(0);
        expect(predicted).toEqual(answer.slice(0, predicted.length));
        // A last page (no cursor) predicts the whole answer.
        if (widePage.next_cursor === null) expect(predicted).toEqual(answer);
    });

    it("a complete wide answer predicts the narrow one whole", () => {
        const wide = index.search({ q: "zhang", location: "Paris", limit: 200 });
        expect(wide.next_cursor).toBeNull();
        const narrow = { q: "zhang a", location: "Paris" };
        expect(wide.people.filter((p) => matchesFilter(p, narrow)).map((p) => p.id)).toEqual(allPages(narrow));
    });
});
