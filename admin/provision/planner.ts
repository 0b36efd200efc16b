// The difference between what the homeserver holds and what the organisation file wants, as an
// ordered list of steps. Pure: observed state in, steps out. A room that does not exist yet is
// named by a placeholder (`$new:<key>`) that the runner replaces with its ID once it is created.
import { archivedPowerLevels } from "../../modules/archive/src/logic/powerLevels.ts";
import type { DesiredRoom, DesiredState } from "./desired.ts";

/** The state event types the modules read (modules/archive, modules/policy-badges). */
export const ARCHIVE_EVENT = "org.atrium.archive";
export const CLASSIFICATION_EVENT = "org.atrium.classification";
export const MEGOLM = "m.megolm.v1.aes-sha2";

export interface StateEvent {
    type: string;
    stateKey: string;
    content: Record<string, unknown>;
}

export interface ObservedRoom {
    roomId: string;
    roomVersion: string;
    creator: string;
    /** `type|stateKey` → the event. */
    state: Map<string, StateEvent & { eventId: string }>;
    /** User IDs joined now. */
    joined: Set<string>;
}

export interface ObservedState {
    serverName: string;
    /** The admin the token belongs to: it creates the rooms and stays in them. */
    adminUserId: string;
    /** The room version new rooms get (the server's default). */
    defaultRoomVersion: string;
    /** Localpart → display name, for the users that exist (null: no display name). */
    users: Map<string, string | null>;
    /** Alias localpart → the room it names. */
    rooms: Map<string, ObservedRoom>;
}

export type Step =
    | { kind: "create-user"; localpart: string; displayName: string }
    | { kind: "set-display-name"; localpart: string; displayName: string }
    | {
          kind: "create-room";
          key: string;
          alias: string;
          isSpace: boolean;
          initialState: StateEvent[];
          levels: Record<string, number>;
      }
    | { kind: "set-state"; key: string; event: StateEvent; why: string }
    | { kind: "join"; key: string; userId: string }
    | { kind: "archive"; key: string; reason: string; level: number }
    | { kind: "restore"; key: string; replacedEventId: string; users: Record<string, number> }
    | { kind: "note"; text: string };

export interface Plan {
    steps: Step[];
    /** Steps that change something (everything but notes). */
    changes: number;
}

export const stateKey = (type: string, key: string): string => `${type}|${key}`;
export const placeholder = (key: string): string => `$new:${key}`;

const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === "object" && value !== null && !Array.isArray(value);

/** Deep equality of JSON values, key order aside. */
export function sameJson(a: unknown, b: unknown): boolean {
    if (Array.isArray(a) || Array.isArray(b)) {
        return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => sameJson(v, b[i]));
    }
    if (isObject(a) && isObject(b)) {
        const keys = Object.keys(a);
        return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && sameJson(a[k], b[k]));
    }
    return a === b;
}

/** Room versions from 12 on give the creator unlimited power; they must not be in `users`. */
export function creatorIsPrivileged(roomVersion: string): boolean {
    const number = Number(roomVersion);
    return Number.isFinite(number) && number >= 12;
}

const userId = (localpart: string, server: string): string => `@${localpart}:${server}`;

/** The room's managed state (not power levels, not space children): what it must hold. */
function managedState(room: DesiredRoom, server: string, idOf: (key: string) => string): StateEvent[] {
    const events: StateEvent[] = [
        { type: "m.room.name", stateKey: "", content: { name: room.name } },
        {
            type: "m.room.join_rules",
            stateKey: "",
            content:
                room.joinRule === "restricted" && room.parent
                    ? { join_rule: "restricted", allow: [{ type: "m.room_membership", room_id: idOf(room.parent) }] }
                    : { join_rule: room.joinRule === "restricted" ? "invite" : room.joinRule },
        },
        { type: "m.room.history_visibility", stateKey: "", content: { history_visibility: room.historyVisibility } },
        { type: "m.room.guest_access", stateKey: "", content: { guest_access: "forbidden" } },
    ];
    if (room.topic !== undefined) events.push({ type: "m.room.topic", stateKey: "", content: { topic: room.topic } });
    if (room.encrypted) events.push({ type: "m.room.encryption", stateKey: "", content: { algorithm: MEGOLM } });
    if (!room.isSpace) {
        events.push({
            type: CLASSIFICATION_EVENT,
            stateKey: "",
            content: room.classification ? { id: room.classification } : {},
        });
    }
    if (room.parent) {
        events.push({
            type: "m.space.parent",
            stateKey: idOf(room.parent),
            content: { via: [server], canonical: true },
        });
    }
    return events;
}

/** `users` of the power levels: the roles' levels, plus the admin where the room version needs it. */
function levelUsers(
    room: DesiredRoom,
    server: string,
    adminUserId: string,
    roomVersion: string,
): Record<string, number> {
    const users: Record<string, number> = {};
    if (!creatorIsPrivileged(roomVersion)) users[adminUserId] = 100;
    for (const [localpart, level] of Object.entries(room.levels)) users[userId(localpart, server)] = level;
    return users;
}

function describe(event: StateEvent): string {
    return event.stateKey ? `${event.type} (${event.stateKey})` : event.type;
}

export function plan(desired: DesiredState, observed: ObservedState): Plan {
    const server = observed.serverName;
    const steps: Step[] = [];
    const idOf = (key: string): string => {
        const room = desired.rooms.find((r) => r.key === key);
        return (room && observed.rooms.get(room.alias)?.roomId) ?? placeholder(key);
    };

    for (const user of desired.users) {
        if (!observed.users.has(user.localpart)) steps.push({ kind: "create-user", ...user });
        else if (observed.users.get(user.localpart) !== user.displayName)
            steps.push({ kind: "set-display-name", ...user });
    }

    const stateSteps: Step[] = [];
    const joinSteps: Step[] = [];
    const archiveSteps: Step[] = [];
    for (const room of desired.rooms) {
        const found = observed.rooms.get(room.alias);
        const wanted = managedState(room, server, idOf);
        const version = found?.roomVersion ?? observed.defaultRoomVersion;
        const users = levelUsers(room, server, observed.adminUserId, version);
        if (!found) {
            steps.push({
                kind: "create-room",
                key: room.key,
                alias: room.alias,
                isSpace: room.isSpace,
                initialState: wanted,
                levels: users,
            });
        } else {
            for (const event of wanted) {
                const current = found.state.get(stateKey(event.type, event.stateKey));
                if (current && sameJson(current.content, event.content)) continue;
                if (event.type === "m.room.encryption" && current) continue; // never changed once on
                stateSteps.push({ kind: "set-state", key: room.key, event, why: current ? "differs" : "missing" });
            }
            if (!room.encrypted && found.state.has(stateKey("m.room.encryption", ""))) {
                stateSteps.push({
                    kind: "note",
                    text: `#${room.alias} stays encrypted: encryption cannot be turned off`,
                });
            }
        }

        // The parent lists this room or space as its child.
        if (room.parent) {
            const parentAlias = desired.rooms.find((r) => r.key === room.parent)!.alias;
            const parent = observed.rooms.get(parentAlias);
            const child = { type: "m.space.child", stateKey: idOf(room.key), content: { via: [server] } };
            const current = found && parent?.state.get(stateKey(child.type, child.stateKey));
            if (!current || !sameJson(current.content, child.content)) {
                stateSteps.push({ kind: "set-state", key: room.parent, event: child, why: `lists #${room.alias}` });
            }
        }

        const record = found?.state.get(stateKey(ARCHIVE_EVENT, ""));
        const archivedNow = record !== undefined && Object.keys(record.content).length > 0;
        const levelsEvent = found?.state.get(stateKey("m.room.power_levels", ""));
        if (found && levelsEvent) {
            if (archivedNow && !room.archived) {
                const replaced = String(record!.content.replaced_event_id ?? "");
                archiveSteps.push({ kind: "restore", key: room.key, replacedEventId: replaced, users });
            } else {
                // Archived rooms keep their raised levels; only who holds which role follows the file.
                const base = { ...levelsEvent.content, users };
                const wantedLevels = archivedNow ? archivedPowerLevels(base, desired.archiveLevel) : base;
                if (!sameJson(levelsEvent.content, wantedLevels)) {
                    stateSteps.push({
                        kind: "set-state",
                        key: room.key,
                        event: { type: "m.room.power_levels", stateKey: "", content: wantedLevels },
                        why: archivedNow ? "roles changed (room archived)" : "roles changed",
                    });
                }
            }
        }
        if (room.archived && !archivedNow) {
            archiveSteps.push({
                kind: "archive",
                key: room.key,
                reason: room.archived.reason,
                level: desired.archiveLevel,
            });
        }

        for (const member of room.members) {
            const id = userId(member, server);
            if (!found?.joined.has(id)) joinSteps.push({ kind: "join", key: room.key, userId: id });
        }
    }
    steps.push(...stateSteps, ...joinSteps, ...archiveSteps);

    return { steps, changes: steps.filter((step) => step.kind !== "note").length };
}

/** One line per step, for `--dry-run` and the progress of a run. */
export function describeStep(step: Step, server: string): string {
    switch (step.kind) {
        case "create-user":
            return `create user @${step.localpart}:${server} (${step.displayName})`;
        case "set-display-name":
            return `rename @${step.localpart}:${server} to ${step.displayName}`;
        case "create-room":
            return `create ${step.isSpace ? "space" : "room"} #${step.alias}:${server}`;
        case "set-state":
            return `set ${describe(step.event)} in ${step.key} (${step.why})`;
        case "join":
            return `join ${step.userId} to ${step.key}`;
        case "archive":
            return `archive ${step.key}: ${step.reason}`;
        case "restore":
            return `restore ${step.key} from its archive`;
        case "note":
            return `note: ${step.text}`;
    }
}
