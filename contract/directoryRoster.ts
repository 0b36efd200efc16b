// The roster: everyone in the directory as a result row shows them (id, name, title, department,
// location), sent once by the service (`/v1/directory/roster`) so the sidebar can answer each
// keystroke in its own frame with the service's own search (peopleSearch.ts). Titles, departments and
// locations repeat across a company, so each is sent once and people refer to it by number: 100,000
// people are a few megabytes of JSON, about one when compressed. Decoding checks every part, as for
// any answer from the network, and refuses the whole roster rather than show half of it.
import type { ListedPerson } from "./directoryPerson.ts";

export const ROSTER_FORMAT = 1;

/** One person: [id, name, title (index in titles) or -1, department (index), location (index) or -1]. */
export type RosterRow = [string, string, number, number, number];

export interface RosterWire {
    format: typeof ROSTER_FORMAT;
    /** When the service read the people from its source (ISO 8601): which copy this is. */
    refreshed_at: string | null;
    titles: string[];
    departments: string[][];
    locations: string[];
    people: RosterRow[];
}

export interface Roster {
    refreshedAt: string | null;
    people: ListedPerson[];
}

/** Numbers each distinct value once, in the order first met. */
class Table<T> {
    readonly values: T[] = [];
    private readonly numbers = new Map<string, number>();

    numberOf(value: T): number {
        const key = JSON.stringify(value);
        let number = this.numbers.get(key);
        if (number === undefined) {
            number = this.values.push(value) - 1;
            this.numbers.set(key, number);
        }
        return number;
    }
}

export function encodeRoster(people: readonly ListedPerson[], refreshedAt: string | null): RosterWire {
    const titles = new Table<string>();
    const departments = new Table<string[]>();
    const locations = new Table<string>();
    return {
        format: ROSTER_FORMAT,
        refreshed_at: refreshedAt,
        people: people.map((person) => [
            person.id,
            person.name,
            person.title === null ? -1 : titles.numberOf(person.title),
            departments.numberOf(person.department),
            person.location === null ? -1 : locations.numberOf(person.location),
        ]),
        titles: titles.values,
        departments: departments.values,
        locations: locations.values,
    };
}

export class RosterError extends Error {}

const isText = (value: unknown): value is string => typeof value === "string";

function textList(value: unknown, what: string): string[] {
    if (!Array.isArray(value) || !value.every(isText)) throw new RosterError(`${what} is not a list of texts`);
    return value;
}

/** The people of a roster from its JSON, or a RosterError saying what is wrong with it. */
export function decodeRoster(data: unknown): Roster {
    if (typeof data !== "object" || data === null) throw new RosterError("the roster is not an object");
    const wire = data as Record<string, unknown>;
    if (wire.format !== ROSTER_FORMAT) throw new RosterError(`unknown roster format ${String(wire.format)}`);
    if (wire.refreshed_at !== null && !isText(wire.refreshed_at)) throw new RosterError("refreshed_at is not a text");
    const titles = textList(wire.titles, "titles");
    const locations = textList(wire.locations, "locations");
    if (!Array.isArray(wire.departments)) throw new RosterError("departments is not a list");
    const departments = wire.departments.map((path, i) => textList(path, `department ${i}`));
    if (!Array.isArray(wire.people)) throw new RosterError("people is not a list");
    // -1 stands for none where none is allowed; any other number must point into its list.
    const pick = <T>(list: T[], at: unknown, noneAllowed: boolean, what: string): T | null => {
        if (noneAllowed && at === -1) return null;
        if (typeof at !== "number" || !Number.isInteger(at) || at < 0 || at >= list.length) {
            throw new RosterError(`${what} ${String(at)} is not in the roster's list`);
        }
        return list[at];
    };
    const people = wire.people.map((row: unknown, i): ListedPerson => {
        if (!Array.isArray(row) || row.length !== 5 || !isText(row[0]) || !isText(row[1])) {
            throw new RosterError(`person ${i} is malformed`);
        }
        return {
            id: row[0],
            name: row[1],
            title: pick(titles, row[2], true, "title"),
            department: pick(departments, row[3], false, "department")!,
            location: pick(locations, row[4], true, "location"),
        };
    });
    return { refreshedAt: wire.refreshed_at, people };
}
