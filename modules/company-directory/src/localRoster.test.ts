// The roster in the page: loaded once, used only while current, dropped and loaded again when the
// service has a newer copy or it is old, and never in the way when the service has none.
import { LocalRoster, localRosterOf, ROSTER_MAX_AGE_MS, ROSTER_READY_MARK, ROSTER_RETRY_MS } from "./localRoster";
import { MemoryDirectory, OK_SOURCE, smallCompany } from "./testDirectory";

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function setUp(serves = true): { directory: MemoryDirectory; roster: LocalRoster; clock: { now: number } } {
    const directory = new MemoryDirectory(smallCompany());
    directory.servesRoster = serves;
    const clock = { now: 1_000_000 };
    const roster = new LocalRoster(
        directory,
        () => clock.now,
        async () => undefined,
    );
    return { directory, roster, clock };
}

describe("LocalRoster", () => {
    it("loads the roster once, then answers as the service does", async () => {
        const { directory, roster } = setUp();
        const changes = jest.fn();
        roster.subscribe(changes);
        expect(roster.current()).toBeNull();
        roster.ensure();
        roster.ensure(); // already on its way: not asked twice
        await settle();
        expect(directory.rosterRequests).toHaveLength(1);
        expect(changes).toHaveBeenCalledTimes(1);
        const local = roster.current()!.search({ q: "eng", limit: 50 });
        const service = await directory.search({ q: "eng", limit: 50 });
        expect(local.people.map((p) => p.id)).toEqual(service.people.map((p) => p.id));
        roster.ensure();
        expect(directory.rosterRequests).toHaveLength(1);
    });

    it("says the copy's age until the service says more", async () => {
        const { roster, clock } = setUp();
        clock.now = Date.parse(OK_SOURCE.refreshed_at!) + 90_000;
        roster.ensure();
        await settle();
        expect(roster.status()).toMatchObject({ state: "ok", refreshed_at: OK_SOURCE.refreshed_at, age_seconds: 90 });
        const stale = { ...OK_SOURCE, state: "stale" as const, age_seconds: 4000, error: "LDAP down" };
        roster.noteSource(stale);
        expect(roster.status()).toBe(stale);
        expect(roster.current()).not.toBeNull(); // the same copy: still answers
    });

    it("drops a roster older than its age limit and loads it again", async () => {
        const { directory, roster, clock } = setUp();
        roster.ensure();
        await settle();
        clock.now += ROSTER_MAX_AGE_MS - 1;
        expect(roster.current()).not.toBeNull();
        clock.now += 2;
        expect(roster.current()).toBeNull();
        roster.ensure();
        await settle();
        expect(directory.rosterRequests).toHaveLength(2);
        expect(roster.current()).not.toBeNull();
    });

    it("drops the roster at once when the service has read its source again, and loads the new copy", async () => {
        const { directory, roster } = setUp();
        const changes = jest.fn();
        roster.subscribe(changes);
        roster.ensure();
        await settle();
        directory.source = { ...OK_SOURCE, refreshed_at: "2026-01-01T01:00:00Z" };
        roster.noteSource(directory.source);
        expect(roster.current()).toBeNull(); // not one more answer from the old copy
        expect(changes).toHaveBeenCalledTimes(2);
        await settle();
        expect(directory.rosterRequests).toHaveLength(2);
        expect(roster.current()).not.toBeNull();
        expect(roster.status().refreshed_at).toBe("2026-01-01T01:00:00Z");
    });

    it("after a failed load, asks again only once the retry time has passed", async () => {
        const { directory, roster, clock } = setUp(false);
        roster.ensure();
        await settle();
        expect(roster.current()).toBeNull();
        roster.ensure();
        clock.now += ROSTER_RETRY_MS - 1;
        roster.ensure();
        expect(directory.rosterRequests).toHaveLength(1);
        clock.now += 1;
        directory.servesRoster = true;
        roster.ensure();
        await settle();
        expect(directory.rosterRequests).toHaveLength(2);
        expect(roster.current()).not.toBeNull();
    });

    it("does nothing for a directory without a roster", () => {
        const directory = new MemoryDirectory(smallCompany());
        const bare = {
            search: directory.search.bind(directory),
            person: directory.person.bind(directory),
            departments: directory.departments.bind(directory),
        };
        const roster = new LocalRoster(bare);
        roster.ensure();
        expect(roster.current()).toBeNull();
        expect(directory.rosterRequests).toHaveLength(0);
    });

    it("is current up to its age limit exactly", async () => {
        const { roster, clock } = setUp();
        roster.ensure();
        await settle();
        clock.now += ROSTER_MAX_AGE_MS;
        expect(roster.current()).not.toBeNull();
    });

    it("counts no one before it is loaded and everyone after, with no age for a copy of unknown time", async () => {
        const { directory, roster } = setUp();
        expect(roster.status()).toEqual({ state: "ok", refreshed_at: null, age_seconds: null, error: null, people: 0 });
        directory.source = { ...OK_SOURCE, refreshed_at: null };
        roster.ensure();
        await settle();
        expect(roster.status()).toEqual({ state: "ok", refreshed_at: null, age_seconds: null, error: null, people: 6 });
    });

    it("keeps what the service said of the same copy before the roster came, and forgets it for another copy", async () => {
        const same = setUp();
        const stale = { ...OK_SOURCE, state: "stale" as const, error: "LDAP down" };
        same.roster.noteSource(stale);
        same.roster.ensure();
        await settle();
        expect(same.roster.status()).toBe(stale);

        const other = setUp();
        const changes = jest.fn();
        other.roster.subscribe(changes);
        other.roster.noteSource({ ...stale, refreshed_at: "2025-12-31T00:00:00Z" });
        // No roster yet: nothing to drop, nothing loaded for it.
        expect(changes).not.toHaveBeenCalled();
        expect(other.directory.rosterRequests).toHaveLength(0);
        other.roster.ensure();
        await settle();
        expect(other.roster.status()).toMatchObject({ state: "ok", refreshed_at: OK_SOURCE.refreshed_at, people: 6 });
    });

    it("stops telling a listener that unsubscribed", async () => {
        const { roster } = setUp();
        const changes = jest.fn();
        const unsubscribe = roster.subscribe(changes);
        unsubscribe();
        roster.ensure();
        await settle();
        expect(roster.current()).not.toBeNull();
        expect(changes).not.toHaveBeenCalled();
    });

    it("marks the moment it is ready where the runtime has marks, and is ready where it has none", async () => {
        // jsdom has no performance.mark: calling it throws, which must not cost the roster.
        expect("mark" in performance).toBe(false);
        const without = setUp();
        without.roster.ensure();
        await settle();
        expect(without.roster.current()).not.toBeNull();

        const mark = jest.fn();
        Object.defineProperty(performance, "mark", { value: mark, configurable: true });
        try {
            const withMarks = setUp();
            withMarks.roster.ensure();
            await settle();
            expect(mark).toHaveBeenCalledWith(ROSTER_READY_MARK);
        } finally {
            delete (performance as { mark?: unknown }).mark;
        }
    });

    it("lets the page run between slices of a large roster's build", async () => {
        jest.useFakeTimers();
        try {
            const people = Array.from({ length: 2_500 }, (_, i) => ({ ...smallCompany()[i % 6], id: `p${i}` }));
            const directory = new MemoryDirectory(people);
            directory.servesRoster = true;
            const roster = new LocalRoster(directory);
            roster.ensure();
            // However many promise turns pass, the build waits for the next task between slices.
            for (let turn = 0; turn < 100; turn++) await Promise.resolve();
            expect(roster.current()).toBeNull();
            await jest.runAllTimersAsync();
            expect(roster.current()?.size).toBe(2_500);
        } finally {
            jest.useRealTimers();
        }
    });
});

describe("localRosterOf", () => {
    it("gives one roster per directory service", () => {
        const one = new MemoryDirectory(smallCompany());
        const other = new MemoryDirectory(smallCompany());
        expect(localRosterOf(one)).toBe(localRosterOf(one));
        expect(localRosterOf(other)).not.toBe(localRosterOf(one));
        expect(localRosterOf(one)).toBeInstanceOf(LocalRoster);
    });
});
