// The company directory's search rule, in one place for the service's index
// (service/src/directory/peopleIndex.ts) and the sidebar's prediction of its answers
// (modules/company-directory/src/searchCache.ts), so the two cannot drift: what a query matches
// (each typed word begins a word of the name, title, department or location, accents and case
// ignored; a department filter takes it and everything below; a location is matched exactly) and
// the order of every result list (folded name, then id).
import type { ListedPerson } from "./directoryPerson.ts";

/** What a search reads of a person. */
export type SearchablePerson = Omit<ListedPerson, "id">;

export interface SearchFilter {
    q?: string;
    /** A department path ("Engineering/Platform"): people in it or below it. */
    department?: string | null;
    location?: string | null;
}

/** Lower case without diacritics, so "chloe" finds "Chloé". */
export function fold(text: string): string {
    return text
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase();
}

/** The words of a text, folded: what a typed word must begin. */
export function words(text: string): string[] {
    return fold(text)
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean);
}

/** The typed words of a query, each once. */
export function queryTokens(q: string | undefined): string[] {
    return [...new Set(words(q ?? ""))];
}

/** The distinct words a person is found by. */
export function personWords(person: SearchablePerson): string[] {
    const text = [person.name, person.title, person.department.join(" "), person.location].filter(Boolean).join(" ");
    return [...new Set(words(text))];
}

/** A person's words as one text, " word word …", for `textMatches`. */
export function searchText(person: SearchablePerson): string {
    return ` ${personWords(person).join(" ")}`;
}

/** Whether every typed word begins a word of `text` (made by `searchText`). */
export function textMatches(text: string, tokens: readonly string[]): boolean {
    for (const token of tokens) if (!text.includes(` ${token}`)) return false;
    return true;
}

/** A department filter as the prefix it matches ("Engineering/Platform/"), or null for none. */
export function departmentKey(path: string | null | undefined): string | null {
    if (!path) return null;
    const parts = path
        .split("/")
        .map((part) => part.trim())
        .filter(Boolean);
    return parts.length ? `${parts.join("/")}/` : null;
}

/** A person's department as the text department keys are matched against. */
export function personDepartmentKey(person: SearchablePerson): string {
    return `${person.department.join("/")}/`;
}

/** A query and its filters as a test of one person (`text`: the person's `searchText`, if kept). */
export function filterMatcher(filter: SearchFilter): (person: SearchablePerson, text?: string) => boolean {
    const location = filter.location || null;
    const department = departmentKey(filter.department);
    const tokens = queryTokens(filter.q);
    return (person, text) =>
        (location === null || person.location === location) &&
        (department === null || personDepartmentKey(person).startsWith(department)) &&
        textMatches(text ?? searchText(person), tokens);
}

/** Whether one person matches a query and its filters, without an index. */
export function matchesFilter(person: SearchablePerson, filter: SearchFilter): boolean {
    return filterMatcher(filter)(person);
}

export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The order of every result list: by folded name, then by id. */
export function compareResultOrder(a: ListedPerson, b: ListedPerson): number {
    return compareText(fold(a.name), fold(b.name)) || compareText(a.id, b.id);
}

/**
 * Whether everyone `narrow` matches is matched by `wide` too: each of wide's typed words begins one
 * of narrow's ("ann" then "anna b"), its department is narrow's or above it, its location the same
 * or none. Then wide's answer, filtered by narrow, holds narrow's answer up to where wide's stopped.
 */
export function narrows(narrow: SearchFilter, wide: SearchFilter): boolean {
    const wideLocation = wide.location || null;
    if (wideLocation !== null && (narrow.location || null) !== wideLocation) return false;
    const wideDepartment = departmentKey(wide.department);
    if (wideDepartment !== null && !(departmentKey(narrow.department) ?? "").startsWith(wideDepartment)) return false;
    const narrowTokens = queryTokens(narrow.q);
    return queryTokens(wide.q).every((token) => narrowTokens.some((typed) => typed.startsWith(token)));
}

/** One text per distinct query (word order and repeats do not change what it matches). */
export function filterKey(filter: SearchFilter): string {
    return JSON.stringify([queryTokens(filter.q).sort(), departmentKey(filter.department), filter.location || null]);
}
