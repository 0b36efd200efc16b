// Reading an organisation file: YAML, checked against org.schema.json, then against itself (every
// name it refers to exists, ids are unique, no one manages themselves in a circle). Pure: it answers
// the organisation or every problem found, each with the line it is on, and never throws.
import { Ajv, type ErrorObject } from "ajv";
import { isNode, LineCounter, parseDocument, type Document } from "yaml";

import orgSchema from "./org.schema.json" with { type: "json" };

export interface OrgRoom {
    id: string;
    name: string;
    topic?: string;
    classification?: string;
    join_rule?: "restricted" | "invite" | "public" | "knock";
    encrypted?: boolean;
    history_visibility?: "joined" | "invited" | "shared" | "world_readable";
    /** Usernames, or everyone in the file. */
    members?: string[] | "everyone";
    archived?: { reason: string };
}

export interface OrgDepartment {
    id: string;
    name: string;
    topic?: string;
    join_rule?: "invite" | "restricted" | "public" | "knock";
    departments?: OrgDepartment[];
    rooms?: OrgRoom[];
}

export interface OrgProject {
    id: string;
    name: string;
    topic?: string;
    join_rule?: "invite" | "restricted" | "public" | "knock";
    department?: string;
    members?: string[];
    rooms?: OrgRoom[];
}

export interface OrgPerson {
    username: string;
    name: string;
    title?: string;
    department: string;
    manager?: string | null;
    location?: string;
    email?: string;
    phone?: string;
}

export interface OrgRole {
    space: string;
    admins?: string[];
    moderators?: string[];
}

export interface Organisation {
    organisation: {
        name: string;
        alias_prefix: string;
        email_domain?: string;
        ldap_base_dn?: string;
        archive_level?: number;
    };
    classifications?: string[];
    departments?: OrgDepartment[];
    projects?: OrgProject[];
    people: OrgPerson[];
    roles?: OrgRole[];
}

/** One reason the file was refused, with where it is (line 0: the file as a whole). */
export interface OrgProblem {
    line: number;
    column: number;
    /** Where in the data, as a path such as people[3].manager. */
    path: string;
    message: string;
}

export type OrgReading = { ok: true; org: Organisation } | { ok: false; problems: OrgProblem[] };

/** The policy-badges module's default catalogue: what rooms may use when the file lists none. */
export const DEFAULT_CLASSIFICATIONS = ["public", "internal", "confidential", "restricted"];

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
const validateOrg = ajv.compile<Organisation>(orgSchema);

type PathPart = string | number;

function pathText(parts: readonly PathPart[]): string {
    let text = "";
    for (const part of parts) text += typeof part === "number" ? `[${part}]` : text ? `.${part}` : part;
    return text || "(the file)";
}

/** The pointer Ajv gives (/people/3/manager) as path parts, numbers for list indexes. */
function pointerParts(pointer: string): PathPart[] {
    if (!pointer) return [];
    return pointer
        .slice(1)
        .split("/")
        .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
        .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** A locator for the document's nodes: the deepest existing node on the path gives the line. */
function locator(doc: Document, lines: LineCounter) {
    return (parts: readonly PathPart[], message: string): OrgProblem => {
        for (let length = parts.length; length >= 0; length--) {
            const node = length === 0 ? doc.contents : doc.getIn(parts.slice(0, length), true);
            if (isNode(node) && node.range) {
                const { line, col } = lines.linePos(node.range[0]);
                return { line, column: col, path: pathText(parts), message };
            }
        }
        return { line: 0, column: 0, path: pathText(parts), message };
    };
}

function schemaMessage(error: ErrorObject): string {
    const { keyword, params } = error;
    if (keyword === "additionalProperties") return `has an unknown key "${params.additionalProperty}"`;
    if (keyword === "required") return `lacks "${params.missingProperty}"`;
    if (keyword === "enum") return `must be one of ${(params.allowedValues as string[]).join(", ")}`;
    if (keyword === "pattern") return `${error.message} (got a value that does not fit)`;
    return error.message ?? keyword;
}

/** Every unit (department, sub-department, project) by id, with where it was declared. */
interface UnitEntry {
    kind: "department" | "project";
    path: PathPart[];
}

/** Checks the file against itself: ids, references, the reporting line. */
function crossCheck(org: Organisation, at: (parts: PathPart[], message: string) => OrgProblem): OrgProblem[] {
    const problems: OrgProblem[] = [];
    const units = new Map<string, UnitEntry>();
    const classifications = org.classifications ?? DEFAULT_CLASSIFICATIONS;

    const addUnit = (id: string, entry: UnitEntry): void => {
        const earlier = units.get(id);
        if (earlier)
            problems.push(at([...entry.path, "id"], `the id "${id}" is used twice (also ${pathText(earlier.path)})`));
        else units.set(id, entry);
    };
    const checkRooms = (rooms: OrgRoom[] | undefined, base: PathPart[]): void => {
        const seen = new Set<string>();
        rooms?.forEach((room, i) => {
            const path = [...base, "rooms", i];
            if (seen.has(room.id)) problems.push(at([...path, "id"], `the room id "${room.id}" is used twice here`));
            seen.add(room.id);
            if (room.classification && !classifications.includes(room.classification)) {
                problems.push(
                    at(
                        [...path, "classification"],
                        `"${room.classification}" is not a classification (${classifications.join(", ")})`,
                    ),
                );
            }
        });
    };
    const walk = (departments: OrgDepartment[] | undefined, base: PathPart[]): void => {
        departments?.forEach((department, i) => {
            const path = [...base, i];
            addUnit(department.id, { kind: "department", path });
            checkRooms(department.rooms, path);
            walk(department.departments, [...path, "departments"]);
        });
    };
    walk(org.departments, ["departments"]);
    org.projects?.forEach((project, i) => {
        const path: PathPart[] = ["projects", i];
        addUnit(project.id, { kind: "project", path });
        checkRooms(project.rooms, path);
    });

    const people = new Map<string, number>();
    org.people.forEach((person, i) => {
        if (people.has(person.username)) {
            problems.push(
                at(
                    ["people", i, "username"],
                    `"${person.username}" is listed twice (also people[${people.get(person.username)}])`,
                ),
            );
        } else people.set(person.username, i);
    });
    const knownPerson = (username: string, path: PathPart[]): void => {
        if (!people.has(username)) problems.push(at(path, `"${username}" is not among people`));
    };

    org.people.forEach((person, i) => {
        if (units.get(person.department)?.kind !== "department") {
            problems.push(at(["people", i, "department"], `"${person.department}" is not a department`));
        }
        if (person.manager) {
            if (person.manager === person.username)
                problems.push(at(["people", i, "manager"], "a person cannot manage themselves"));
            else knownPerson(person.manager, ["people", i, "manager"]);
        }
    });
    // A reporting line must end at someone without a manager.
    for (const [username, index] of people) {
        const seen = new Set<string>();
        let next = org.people[index].manager;
        while (next && people.has(next) && next !== username && !seen.has(next)) {
            seen.add(next);
            next = org.people[people.get(next)!].manager;
        }
        if (next === username && org.people[index].manager !== username) {
            problems.push(
                at(["people", index, "manager"], `the reporting line from "${username}" goes round in a circle`),
            );
        }
    }

    org.projects?.forEach((project, i) => {
        if (project.department && units.get(project.department)?.kind !== "department") {
            problems.push(at(["projects", i, "department"], `"${project.department}" is not a department`));
        }
        project.members?.forEach((member, j) => knownPerson(member, ["projects", i, "members", j]));
    });
    const roomMembers = (rooms: OrgRoom[] | undefined, base: PathPart[]): void =>
        rooms?.forEach((room, i) =>
            Array.isArray(room.members)
                ? room.members.forEach((member, j) => knownPerson(member, [...base, "rooms", i, "members", j]))
                : undefined,
        );
    for (const entry of units.values()) {
        const unit = entry.path.reduce<unknown>((value, part) => (value as Record<PathPart, unknown>)[part], org) as {
            rooms?: OrgRoom[];
        };
        roomMembers(unit.rooms, entry.path);
    }
    org.roles?.forEach((role, i) => {
        if (!units.has(role.space))
            problems.push(at(["roles", i, "space"], `"${role.space}" is not a department or project`));
        role.admins?.forEach((name, j) => knownPerson(name, ["roles", i, "admins", j]));
        role.moderators?.forEach((name, j) => knownPerson(name, ["roles", i, "moderators", j]));
    });
    return problems;
}

/** Parses and checks an organisation file's text. */
export function readOrgFile(text: string): OrgReading {
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: true });
    if (doc.errors.length > 0) {
        return {
            ok: false,
            problems: doc.errors.map((error) => ({
                line: error.linePos?.[0].line ?? 0,
                column: error.linePos?.[0].col ?? 0,
                path: "(YAML)",
                message: error.message.split("\n")[0],
            })),
        };
    }
    const data: unknown = doc.toJS({ maxAliasCount: 100 });
    const at = locator(doc, lines);
    if (!validateOrg(data)) {
        const problems = (validateOrg.errors ?? [])
            // `oneOf` repeats what its branches said; the branches' own errors are clearer.
            .filter((error) => error.keyword !== "oneOf")
            .map((error) => at(pointerParts(error.instancePath), schemaMessage(error)));
        return { ok: false, problems: sortProblems(problems) };
    }
    const problems = crossCheck(data, at);
    return problems.length ? { ok: false, problems: sortProblems(problems) } : { ok: true, org: data };
}

function sortProblems(problems: OrgProblem[]): OrgProblem[] {
    return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** A problem as one line of text: "org.yaml:12:5: people[3].manager: "zed" is not among people". */
export function formatProblem(file: string, problem: OrgProblem): string {
    const where = problem.line ? `${file}:${problem.line}:${problem.column}` : file;
    return `${where}: ${problem.path}: ${problem.message}`;
}
