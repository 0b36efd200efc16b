// Test support: a person of the directory with nothing known but what the test gives, for the
// contract's tests, the service's and the sidebar's alike.
import type { DirectoryPerson } from "./directoryPerson.ts";

export function directoryPerson(id: string, name: string, extra: Partial<DirectoryPerson> = {}): DirectoryPerson {
    return {
        id,
        matrix_id: null,
        name,
        title: null,
        department: [],
        location: null,
        email: null,
        phone: null,
        manager_id: null,
        time_zone: null,
        photo_url: null,
        ...extra,
    };
}
