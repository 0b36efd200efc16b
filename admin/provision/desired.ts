// What the homeserver should hold for an organisation: users, spaces (departments, sub-departments,
// projects) and rooms, each with its members and the power levels its roles give. Pure: the same
// file always gives the same desired state, in the same order (parents before children).
import type { OrgDepartment, OrgRoom, Organisation } from "./orgFile.ts";

export const ADMIN_LEVEL = 100;
export const MODERATOR_LEVEL = 50;
export const DEFAULT_ARCHIVE_LEVEL = 100;
/** Classifications whose rules require encryption in the default catalogue: such rooms start encrypted. */
const ENCRYPTED_BY_DEFAULT = new Set(["confidential", "restricted"]);

export interface DesiredUser {
    localpart: string;
    displayName: string;
}

export type JoinRule = "invite" | "restricted" | "public" | "knock";

/** A space or a room: found again by its alias, `#<alias>:<server>`. */
export interface DesiredRoom {
    /** Stable key: the unit id for a space, `<unit>.<room>` for a room. */
    key: string;
    /** The alias's localpart. */
    alias: string;
    isSpace: boolean;
    name: string;
    topic?: string;
    /** The key of the space that lists it, or null at the top. */
    parent: string | null;
    joinRule: JoinRule;
    encrypted: boolean;
    historyVisibility: "joined" | "invited" | "shared" | "world_readable";
    classification: string | null;
    /** Localparts of the people who belong in it. */
    members: string[];
    /** Localpart → power level, from the roles of this unit and the units above it. */
    levels: Record<string, number>;
    archived: { reason: string } | null;
}

export interface DesiredState {
    aliasPrefix: string;
    archiveLevel: number;
    users: DesiredUser[];
    /** Spaces first (parents before children), then rooms. */
    rooms: DesiredRoom[];
}

interface Unit {
    id: string;
    name: string;
    topic?: string;
    joinRule?: JoinRule;
    parent: string | null;
    rooms: OrgRoom[];
    /** Explicit members (projects); departments take their people. */
    members?: string[];
    isProject: boolean;
}

function units(org: Organisation): Unit[] {
    const list: Unit[] = [];
    const walk = (departments: OrgDepartment[] | undefined, parent: string | null): void => {
        for (const department of departments ?? []) {
            list.push({
                id: department.id,
                name: department.name,
                topic: department.topic,
                joinRule: department.join_rule,
                parent,
                rooms: department.rooms ?? [],
                isProject: false,
            });
            walk(department.departments, department.id);
        }
    };
    walk(org.departments, null);
    for (const project of org.projects ?? []) {
        list.push({
            id: project.id,
            name: project.name,
            topic: project.topic,
            joinRule: project.join_rule,
            parent: project.department ?? null,
            rooms: project.rooms ?? [],
            members: project.members ?? [],
            isProject: true,
        });
    }
    return list;
}

const sorted = (names: Iterable<string>): string[] => [...new Set(names)].sort();

export function desiredState(org: Organisation): DesiredState {
    const all = units(org);
    const byId = new Map(all.map((unit) => [unit.id, unit]));
    const chain = (id: string | null): Unit[] => {
        const list: Unit[] = [];
        for (let unit = id ? byId.get(id) : undefined; unit; unit = unit.parent ? byId.get(unit.parent) : undefined) {
            list.push(unit);
        }
        return list;
    };
    // A unit's levels: the highest a person is given by the roles of the unit or any unit above it.
    const rolesOf = new Map<string, Record<string, number>>();
    for (const role of org.roles ?? []) {
        const levels = rolesOf.get(role.space) ?? {};
        for (const name of role.moderators ?? []) levels[name] = Math.max(levels[name] ?? 0, MODERATOR_LEVEL);
        for (const name of role.admins ?? []) levels[name] = Math.max(levels[name] ?? 0, ADMIN_LEVEL);
        rolesOf.set(role.space, levels);
    }
    const levelsOf = (unitId: string): Record<string, number> => {
        const levels: Record<string, number> = {};
        for (const unit of chain(unitId)) {
            for (const [name, level] of Object.entries(rolesOf.get(unit.id) ?? {})) {
                levels[name] = Math.max(levels[name] ?? 0, level);
            }
        }
        return Object.fromEntries(Object.entries(levels).sort(([a], [b]) => a.localeCompare(b)));
    };
    // A department's people: its own and those of every department below it.
    const peopleOf = (unit: Unit): string[] => {
        if (unit.isProject) return unit.members ?? [];
        return org.people
            .filter((person) => chain(person.department).some((above) => above.id === unit.id))
            .map((person) => person.username);
    };

    const everyone = org.people.map((person) => person.username);
    const roomMembers = (members: OrgRoom["members"], spaceMembers: string[]): string[] =>
        members === "everyone" ? everyone : (members ?? spaceMembers);

    const spaces: DesiredRoom[] = [];
    const rooms: DesiredRoom[] = [];
    const prefix = org.organisation.alias_prefix;
    // Parents before children: departments are listed top-down already; projects after departments.
    for (const unit of all) {
        const levels = levelsOf(unit.id);
        const spaceMembers = sorted([...peopleOf(unit), ...Object.keys(levels)]);
        spaces.push({
            key: unit.id,
            alias: `${prefix}.${unit.id}`,
            isSpace: true,
            name: unit.name,
            topic: unit.topic,
            parent: unit.parent,
            joinRule: unit.joinRule ?? (unit.parent ? "restricted" : "invite"),
            encrypted: false,
            historyVisibility: "shared",
            classification: null,
            members: spaceMembers,
            levels,
            archived: null,
        });
        for (const room of unit.rooms) {
            rooms.push({
                key: `${unit.id}.${room.id}`,
                alias: `${prefix}.${unit.id}.${room.id}`,
                isSpace: false,
                name: room.name,
                topic: room.topic,
                parent: unit.id,
                joinRule: room.join_rule ?? "restricted",
                encrypted: room.encrypted ?? ENCRYPTED_BY_DEFAULT.has(room.classification ?? ""),
                historyVisibility: room.history_visibility ?? "shared",
                classification: room.classification ?? null,
                members: sorted([...roomMembers(room.members, spaceMembers), ...Object.keys(levels)]),
                levels,
                archived: room.archived ?? null,
            });
        }
    }
    // Whoever is in a room is in its space too, or the room would sit outside every space they see.
    for (const space of spaces) {
        const inRooms = rooms.filter((room) => room.parent === space.key).flatMap((room) => room.members);
        space.members = sorted([...space.members, ...inRooms]);
    }
    return {
        aliasPrefix: prefix,
        archiveLevel: org.organisation.archive_level ?? DEFAULT_ARCHIVE_LEVEL,
        users: org.people.map((person) => ({ localpart: person.username, displayName: person.name })),
        rooms: [...spaces, ...rooms],
    };
}
