// The roster in the page: loaded once, used only while current, dropped and loaded again when the
// service has a newer copy or it is old, and never in the way when the service has none.
import { LocalRoster, ROSTER_MAX_AGE_MS, ROSTER_RETRY_MS } from "./localRoster";
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
});
