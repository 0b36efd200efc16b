// The directory's search rule, shared by the service's index and the sidebar's prediction.
import {
    compareResultOrder,
    departmentKey,
    filterKey,
    matchesFilter,
    narrows,
    queryTokens,
    searchText,
} from "./directorySearch";
import { directoryPerson } from "./testPeople";

const person = directoryPerson;

const ines = person("ines", "Inès Dubois", {
    title: "Site Reliability Engineer",
    department: ["Engineering", "Platform"],
    location: "London",
});

describe("matchesFilter", () => {
    it("needs each typed word to begin a word of the name, title, department or location, accents and case ignored", () => {
        expect(matchesFilter(ines, { q: "ines" })).toBe(true);
        expect(matchesFilter(ines, { q: "DUB site" })).toBe(true);
        expect(matchesFilter(ines, { q: "plat lond" })).toBe(true);
        expect(matchesFilter(ines, { q: "ubois" })).toBe(false);
        expect(matchesFilter(ines, { q: "ines berlin" })).toBe(false);
        expect(matchesFilter(ines, { q: "" })).toBe(true);
    });

    it("takes a department and everything below it, and a location exactly", () => {
        expect(matchesFilter(ines, { department: "Engineering" })).toBe(true);
        expect(matchesFilter(ines, { department: " Engineering / Platform " })).toBe(true);
        expect(matchesFilter(ines, { department: "Engineering/Plat" })).toBe(false);
        expect(matchesFilter(ines, { department: "Sales" })).toBe(false);
        expect(matchesFilter(ines, { location: "London" })).toBe(true);
        expect(matchesFilter(ines, { location: "london" })).toBe(false);
        expect(matchesFilter(ines, { location: null, department: "" })).toBe(true);
    });

    it("agrees with a person's search text", () => {
        expect(searchText(ines)).toBe(" ines dubois site reliability engineer engineering platform london");
        expect(queryTokens(" Inès  inès DUBOIS ")).toEqual(["ines", "dubois"]);
        expect(departmentKey("/ /")).toBeNull();
    });
});

describe("compareResultOrder", () => {
    it("orders by the folded name, then by id", () => {
        const people = [
            person("b", "Émile Roux"),
            person("c", "anna Berg"),
            person("a", "Anna Berg"),
            person("d", "Emile Abel"),
        ];
        expect(people.sort(compareResultOrder).map((p) => p.id)).toEqual(["a", "c", "d", "b"]);
    });
});

describe("narrows", () => {
    it("holds when every wide word begins a narrow one and the filters are the same or narrower", () => {
        expect(narrows({ q: "ann" }, { q: "an" })).toBe(true);
        expect(narrows({ q: "anna be" }, { q: "anna b" })).toBe(true);
        expect(narrows({ q: "berg anna" }, { q: "ann" })).toBe(true);
        expect(narrows({ q: "a" }, { q: "" })).toBe(true);
        expect(narrows({ q: "a", department: "Engineering/Platform" }, { q: "a", department: "Engineering" })).toBe(
            true,
        );
        expect(narrows({ q: "a", location: "Paris" }, { q: "a" })).toBe(true);
    });

    it("does not hold for a wider or different query", () => {
        expect(narrows({ q: "an" }, { q: "ann" })).toBe(false);
        expect(narrows({ q: "anna b" }, { q: "anna be" })).toBe(false);
        expect(narrows({ q: "xa" }, { q: "a" })).toBe(false);
        expect(narrows({ q: "a" }, { q: "a", location: "Paris" })).toBe(false);
        expect(narrows({ q: "a", location: "Berlin" }, { q: "a", location: "Paris" })).toBe(false);
        expect(narrows({ q: "a", department: "Engineering" }, { q: "a", department: "Engineering/Platform" })).toBe(
            false,
        );
        expect(narrows({ q: "a", department: "Engineering2" }, { q: "a", department: "Engineering" })).toBe(false);
    });

    it("never claims a person the wide query would not match", () => {
        const people = [ines, person("x", "Anna Berg", { location: "Paris", department: ["Sales", "EMEA"] })];
        const queries = [{ q: "" }, { q: "an" }, { q: "s" }, { q: "si re" }, { q: "a", location: "Paris" }];
        for (const narrow of queries)
            for (const wide of queries)
                if (narrows(narrow, wide))
                    for (const p of people) if (matchesFilter(p, narrow)) expect(matchesFilter(p, wide)).toBe(true);
    });
});

describe("filterKey", () => {
    it("is the same for queries that match the same people", () => {
        expect(filterKey({ q: "Berg  anna" })).toBe(filterKey({ q: "anna berg anna", department: null }));
        expect(filterKey({ q: "a", location: "" })).toBe(filterKey({ q: "a" }));
        expect(filterKey({ q: "a", department: "Engineering/" })).toBe(
            filterKey({ q: "a", department: "Engineering" }),
        );
        expect(filterKey({ q: "a" })).not.toBe(filterKey({ q: "a", location: "Paris" }));
    });
});
