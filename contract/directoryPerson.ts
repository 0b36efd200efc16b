// One person as the directory service serves them (`/v1/directory/*`): made by the service from a
// source's entry (service/src/directory/person.ts), shown by the sidebar (modules/company-directory).
export interface DirectoryPerson {
    id: string;
    /** Joined through the tenant's template; null when the entry lacks what the template needs. */
    matrix_id: string | null;
    name: string;
    title: string | null;
    /** The department path, top first (e.g. ["Engineering", "Platform"]); empty when unknown. */
    department: string[];
    location: string | null;
    email: string | null;
    phone: string | null;
    manager_id: string | null;
    /** IANA zone, from the entry or the location's zone in the tenant's settings. */
    time_zone: string | null;
    photo_url: string | null;
}

/** What a result list shows of a person, and all the sidebar's copy of the roster holds. */
export type ListedPerson = Pick<DirectoryPerson, "id" | "name" | "title" | "department" | "location">;
