// One person as the directory serves it, made from a source's raw entry through the attribute
// mapping and the Matrix ID template.
// The person's shape is shared with the sidebar: contract/directoryPerson.ts.
import type { DirectoryPerson } from "../../../contract/directoryPerson.ts";
import { templateAttributes, type DirectorySettings, type PersonField } from "./settings.ts";

/** A source's entry: attribute (case-insensitive, stored lower-case) → first value. */
export type RawEntry = Map<string, string>;

const MATRIX_USER_ID = /^@[a-z0-9._=\-/+]+:[A-Za-z0-9.-]+(?::\d{1,5})?$/;
const SAFE_URL = /^https?:\/\//i;

/** The Matrix user ID the template makes of an entry, or null when a value is missing or unusable. */
export function matrixIdFor(template: string, entry: RawEntry): string | null {
    let missing = false;
    const id = template.replace(/\{([A-Za-z0-9_;.-]+)\}/g, (_match, attribute: string) => {
        const value = entry.get(attribute.toLowerCase());
        if (!value) missing = true;
        return (value ?? "").trim().toLowerCase();
    });
    return !missing && MATRIX_USER_ID.test(id) ? id : null;
}

function field(entry: RawEntry, settings: DirectorySettings, name: PersonField): string | null {
    const attribute = settings.attributes[name];
    if (!attribute) return null;
    const value = entry.get(attribute.toLowerCase())?.trim();
    return value ? value : null;
}

/** The person an entry describes, or null when it has no id or name. */
export function toPerson(entry: RawEntry, settings: DirectorySettings): DirectoryPerson | null {
    const id = field(entry, settings, "id");
    const name = field(entry, settings, "name");
    if (!id || !name) return null;
    const department = field(entry, settings, "department");
    const location = field(entry, settings, "location");
    const photo = field(entry, settings, "photo");
    return {
        id,
        matrix_id: matrixIdFor(settings.matrixIdTemplate, entry),
        name,
        title: field(entry, settings, "title"),
        department: department
            ? department
                  .split(settings.departmentSeparator)
                  .map((part) => part.trim())
                  .filter(Boolean)
            : [],
        location,
        email: field(entry, settings, "email"),
        phone: field(entry, settings, "phone"),
        manager_id: field(entry, settings, "manager"),
        time_zone: field(entry, settings, "time_zone") ?? (location ? (settings.timeZones[location] ?? null) : null),
        photo_url: photo && SAFE_URL.test(photo) ? photo : null,
    };
}

/** Every attribute a source must return for these settings. */
export function wantedAttributes(settings: DirectorySettings): string[] {
    const mapped = Object.values(settings.attributes).filter((name): name is string => !!name && name !== "dn");
    return [...new Set([...mapped, ...templateAttributes(settings.matrixIdTemplate)])];
}
