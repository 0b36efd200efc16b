// The roster the service sends and the sidebar searches: what it encodes comes back the same, and
// a broken or hostile roster is refused whole, with the reason.
import type { ListedPerson } from "./directoryPerson";
import { decodeRoster, encodeRoster, RosterError, type RosterWire } from "./directoryRoster";

const people: ListedPerson[] = [
    { id: "ada", name: "Ada Lindqvist", title: "CEO", department: ["Executive"], location: "Berlin" },
    { id: "boris", name: "Boris <b>Ivanov</b>", title: "CTO", department: ["Engineering"], location: "Berlin" },
    { id: "chloe", name: "Chloé Martin", title: null, department: ["Engineering", "Platform"], location: null },
    { id: "dan", name: "Dan", title: "CTO", department: [], location: "Paris" },
];

describe("encodeRoster", () => {
    it("sends each title, department and location once and gets everyone back as they were", () => {
        const wire = encodeRoster(people, "2026-12-02T10:00:00.000Z");
        expect(wire.titles).toEqual(["CEO", "CTO"]);
        expect(wire.locations).toEqual(["Berlin", "Paris"]);
        expect(wire.departments).toEqual([["Executive"], ["Engineering"], ["Engineering", "Platform"], []]);
        expect(wire.people[2]).toEqual(["chloe", "Chloé Martin", -1, 2, -1]);
        const decoded = decodeRoster(JSON.parse(JSON.stringify(wire)));
        expect(decoded).toEqual({ refreshedAt: "2026-12-02T10:00:00.000Z", people });
    });

    it("keeps only what a result row shows", () => {
        const full = { ...people[0], email: "ada@example.com", phone: "+49 30 1", manager_id: null };
        expect(JSON.stringify(encodeRoster([full], null))).not.toMatch(/example\.com|\+49/);
    });
});

describe("decodeRoster", () => {
    const good = (): RosterWire => encodeRoster(people, null);
    const refused: Array<[string, (wire: Record<string, unknown>) => void, RegExp]> = [
        ["another format", (w) => (w.format = 2), /unknown roster format 2/],
        ["a number as refreshed_at", (w) => (w.refreshed_at = 5), /refreshed_at/],
        ["titles that are not texts", (w) => (w.titles = ["CEO", 3]), /titles is not a list of texts/],
        ["locations missing", (w) => delete w.locations, /locations is not a list of texts/],
        ["a department that is a text", (w) => (w.departments = ["Engineering"]), /department 0 is not a list/],
        ["departments not a list", (w) => (w.departments = {}), /departments is not a list/],
        ["people not a list", (w) => (w.people = "everyone"), /people is not a list/],
        ["a short row", (w) => ((w.people as unknown[])[1] = ["boris", "Boris", 1, 1]), /person 1 is malformed/],
        ["a name that is markup in an object", (w) => ((w.people as unknown[][])[0][1] = { html: "<b>" }), /person 0/],
        ["a title beyond the list", (w) => ((w.people as unknown[][])[0][2] = 9), /title 9 is not in/],
        ["a fractional location", (w) => ((w.people as unknown[][])[0][4] = 0.5), /location 0.5 is not in/],
        ["no department (-1 is only for none)", (w) => ((w.people as unknown[][])[0][3] = -1), /department -1/],
        ["a negative title", (w) => ((w.people as unknown[][])[0][2] = -2), /title -2/],
        ["a title just past the list", (w) => ((w.people as unknown[][])[0][2] = 2), /title 2 is not in/],
    ];
    it.each(refused)("refuses %s", (_, spoil, reason) => {
        const wire = good() as unknown as Record<string, unknown>;
        spoil(wire);
        expect(() => decodeRoster(wire)).toThrow(RosterError);
        expect(() => decodeRoster(wire)).toThrow(reason);
    });

    it("refuses what is not an object", () => {
        for (const value of [null, "roster", 3, undefined]) {
            expect(() => decodeRoster(value)).toThrow(RosterError);
            expect(() => decodeRoster(value)).toThrow("the roster is not an object");
        }
    });

    it("keeps markup in names as text (rows render it as text)", () => {
        expect(decodeRoster(good()).people[1].name).toBe("Boris <b>Ivanov</b>");
    });
});
