import { SearchCache } from "./searchCache";
import { MemoryDirectory, OK_SOURCE, person } from "./testDirectory";
import type { DirectoryPerson, SearchParams } from "./types";

const GIVEN = ["Anna", "Ben", "Chloé", "David", "Elena", "Inès", "Sven", "Zoe"];
const SURNAMES = ["Berg", "Costa", "Dubois", "Schmidt", "Zhang"];
const TEAMS: Array<[string[], string]> = [
    [["Engineering", "Platform"], "Site Reliability Engineer"],
    [["Engineering", "Apps"], "Frontend Engineer"],
    [["Sales", "EMEA"], "Account Executive"],
    [["Sales", "APAC"], "Sales Engineer"],
];
const LOCATIONS = ["Berlin", "Paris", "London", "Singapore"];

/** 2,000 people, many sharing a name, so pages end in the middle of a name as at a real company. */
const company: DirectoryPerson[] = Array.from({ length: 2_000 }, (_, i) => {
    const [department, title] = TEAMS[i % TEAMS.length];
    return person(`p${i}`, `${GIVEN[i % GIVEN.length]} ${SURNAMES[(i >> 3) % SURNAMES.length]}`, {
        title,
        department,
        location: LOCATIONS[(i >> 2) % LOCATIONS.length],
    });
});

const service = new MemoryDirectory(company);
const ids = (people: DirectoryPerson[]): string[] => people.map((p) => p.id);

/** Everyone the service finds for a query, through every page, in its order. */
async function wholeAnswer(params: SearchParams): Promise<string[]> {
    const found: string[] = [];
    let cursor: string | null = null;
    do {
        const page: { people: DirectoryPerson[]; next_cursor: string | null } = await service.search({
            ...params,
            cursor,
            limit: 200,
        });
        found.push(...ids(page.people));
        cursor = page.next_cursor;
    } while (cursor);
    return found;
}

async function remembered(cache: SearchCache, params: SearchParams, limit = 100): Promise<void> {
    cache.remember(params, await service.search({ ...params, limit }));
}

describe("SearchCache", () => {
    it("predicts a narrower query as the start of the service's answer, in its order", async () => {
        const cache = new SearchCache();
        await remembered(cache, { q: "" });
        for (const q of ["s", "si", "a", "an", "anna", "anna b", "eng", "berlin"]) {
            const prediction = cache.predict({ q });
            const answer = await wholeAnswer({ q });
            expect(prediction?.kind ?? "start").toBe("start");
            const predicted = ids(prediction?.people ?? []);
            expect(predicted).toEqual(answer.slice(0, predicted.length));
        }
        // The browse page begins with the Annas: typing "ann" is known for a whole page's worth.
        expect(cache.predict({ q: "ann" })!.people.length).toBeGreaterThan(20);
    });

    it("predicts narrower filters too: a department below, a location", async () => {
        const cache = new SearchCache();
        await remembered(cache, { q: "a", department: "Engineering" }, 200);
        const narrow = { q: "anna", department: "Engineering/Platform", location: "Berlin" };
        const predicted = ids(cache.predict(narrow)!.people);
        expect(predicted.length).toBeGreaterThan(0);
        expect(predicted).toEqual((await wholeAnswer(narrow)).slice(0, predicted.length));
        expect(cache.predict({ q: "anna", department: "Sales" })).toBeNull();
        expect(cache.predict({ q: "anna" })).toBeNull();
    });

    it("knows the whole answer, with nothing to ask, when the remembered answer was complete", async () => {
        const cache = new SearchCache();
        await remembered(cache, { q: "zhang", location: "Paris" }, 200);
        expect(cache.predict({ q: "zhang", location: "Paris" })).toMatchObject({ kind: "answer", nextCursor: null });
        const prediction = cache.predict({ q: "zhang el", location: "Paris" })!;
        expect(prediction.kind).toBe("answer");
        expect(ids(prediction.people)).toEqual(await wholeAnswer({ q: "zhang el", location: "Paris" }));
        // Even when no one is left: "no one matches" is then the service's own answer.
        const none = cache.predict({ q: "zhang qqq", location: "Paris" })!;
        expect(none).toMatchObject({ kind: "answer", people: [], nextCursor: null });
    });

    it("gives back a query it remembers (a backspace) exactly, with its cursor", async () => {
        const cache = new SearchCache();
        const page = await service.search({ q: "an", limit: 100 });
        cache.remember({ q: "an" }, page);
        await remembered(cache, { q: "ann" });
        expect(cache.predict({ q: " AN " })).toEqual({
            kind: "answer",
            people: page.people,
            nextCursor: page.next_cursor,
            source: OK_SOURCE,
        });
    });

    it("predicts nothing for a wider query or when the remembered page holds none of the answer", async () => {
        const cache = new SearchCache();
        await remembered(cache, { q: "anna berg" });
        expect(cache.predict({ q: "anna" })).toBeNull();
        await remembered(cache, { q: "" }, 10);
        expect(cache.predict({ q: "zoe" })).toBeNull();
    });

    it("takes the remembered answer that predicts the most", async () => {
        for (const order of [
            [10, 150],
            [150, 10],
        ]) {
            const cache = new SearchCache();
            await remembered(cache, { q: "" }, order[0]);
            await remembered(cache, { q: "s" }, order[1]);
            const predicted = cache.predict({ q: "si" })!.people;
            expect(predicted.length).toBeGreaterThan(10);
            expect(ids(predicted)).toEqual((await wholeAnswer({ q: "si" })).slice(0, predicted.length));
        }
    });

    it("keeps a remembered answer's location and department, given or not", async () => {
        const cache = new SearchCache();
        // No typed words at all, only a location: its answer predicts any query in that location.
        await remembered(cache, { location: "Paris" } as SearchParams, 200);
        expect(cache.predict({ q: "zhang", location: "Paris" })?.people.length).toBeGreaterThan(0);
        expect(cache.predict({ q: "zhang", location: "Berlin" })).toBeNull();
        expect(cache.predict({ q: "zhang" })).toBeNull();
    });

    it("forgets everything when cleared", async () => {
        const cache = new SearchCache();
        await remembered(cache, { q: "" });
        await remembered(cache, { q: "a" });
        cache.clear();
        expect(cache.size).toBe(0);
        expect(cache.predict({ q: "a" })).toBeNull();
    });

    it("extends a remembered answer with the page that follows it, and only with that", async () => {
        const cache = new SearchCache();
        const first = await service.search({ q: "a", limit: 50 });
        cache.remember({ q: "a" }, first);
        const second = await service.search({ q: "a", cursor: first.next_cursor, limit: 50 });
        cache.extend({ q: "a" }, "not-the-cursor", second);
        expect(cache.predict({ q: "a" })!.people).toHaveLength(50);
        cache.extend({ q: "a" }, first.next_cursor!, second);
        const extended = cache.predict({ q: "a" })!;
        expect(ids(extended.people)).toEqual((await wholeAnswer({ q: "a" })).slice(0, 100));
        expect(extended.kind === "answer" && extended.nextCursor).toBe(second.next_cursor);
    });

    it("is bounded: the least recently used answer goes first, and old answers are forgotten", async () => {
        let now = 0;
        const cache = new SearchCache(3, 60_000, () => now);
        await remembered(cache, { q: "a" });
        await remembered(cache, { q: "b" });
        await remembered(cache, { q: "c" });
        expect(cache.predict({ q: "a" })).not.toBeNull(); // used: "b" is now the oldest
        await remembered(cache, { q: "d" });
        expect(cache.size).toBe(3);
        expect(cache.predict({ q: "b" })).toBeNull();
        expect(cache.predict({ q: "a" })).not.toBeNull();
        now = 60_000; // exactly the age limit: still used
        expect(cache.predict({ q: "a" })).not.toBeNull();
        now = 60_001;
        expect(cache.predict({ q: "a" })).toBeNull();
        expect(cache.size).toBe(0);
    });
});
