// The directory service's answers (service/src/directory), as the sidebar uses them.

// The person is declared once, for the service too.
import type { DirectoryPerson, ListedPerson } from "../../../contract/directoryPerson";
import type { Roster } from "../../../contract/directoryRoster";

export type { DirectoryPerson, ListedPerson, Roster };

export interface SourceStatus {
    state: "ok" | "stale" | "unavailable" | "loading";
    refreshed_at: string | null;
    age_seconds: number | null;
    error: string | null;
    people: number;
}

export interface SearchPage {
    people: DirectoryPerson[];
    next_cursor: string | null;
    source: SourceStatus;
}

export interface PersonView {
    person: DirectoryPerson;
    manager_chain: DirectoryPerson[];
    direct_reports: DirectoryPerson[];
    source: SourceStatus;
}

export interface DepartmentNode {
    name: string;
    path: string;
    head_count: number;
    children: DepartmentNode[];
}

export interface DepartmentsAnswer {
    departments: DepartmentNode[];
    locations: Array<{ name: string; head_count: number }>;
    head_count: number;
    source: SourceStatus;
}

export interface SearchParams {
    q: string;
    department?: string | null;
    location?: string | null;
    cursor?: string | null;
    limit?: number;
}

/** The directory service, as the panel needs it (directoryClient.ts talks HTTP; tests give their own). */
export interface DirectoryApi {
    search(params: SearchParams, signal?: AbortSignal): Promise<SearchPage>;
    person(id: string, signal?: AbortSignal): Promise<PersonView>;
    departments(signal?: AbortSignal): Promise<DepartmentsAnswer>;
    /** Everyone as a result row shows them, for searching in the page (localRoster.ts); optional: without it, every query asks. */
    roster?(signal?: AbortSignal): Promise<Roster>;
}

export type Presence = "online" | "unavailable" | "offline";

/** A person as the homeserver's user directory knows them (the fallback). */
export interface MatrixUser {
    userId: string;
    displayName: string | null;
    avatarMxc: string | null;
}

/** What the panel needs of Matrix (peopleApi.ts makes it from "@atrium/sdk"; tests give their own). */
export interface PeopleApi {
    searchUserDirectory(term: string): Promise<{ users: MatrixUser[]; limited: boolean }>;
    openDirectMessage(userId: string): Promise<string | null>;
    presence(userId: string): Promise<Presence | null>;
    avatarUrl(userId: string, size: number, knownMxc?: string | null): Promise<string | null>;
    showProfile(userId: string): void;
    copyToClipboard(text: string): Promise<boolean>;
}
