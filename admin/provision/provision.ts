// One provisioning run: read what the homeserver holds (GETs only), plan the difference, carry the
// plan out step by step. Every step is safe to repeat: rooms are found again by their aliases, state
// is compared before it is sent, joins are checked against the members. A run stopped anywhere and
// started again therefore ends where an uninterrupted run ends.
import { archivedPowerLevels } from "../../modules/archive/src/logic/powerLevels.ts";
import { desiredState, type DesiredState } from "./desired.ts";
import { Homeserver, HomeserverError, type HomeserverOptions } from "./homeserver.ts";
import type { Organisation } from "./orgFile.ts";
import {
    ARCHIVE_EVENT,
    describeStep,
    plan,
    placeholder,
    stateKey,
    type ObservedRoom,
    type ObservedState,
    type Plan,
    type Step,
} from "./planner.ts";
import { inPool } from "./pool.ts";

/** Requests in flight at once: Synapse handles a few well, many at once badly. */
const CONCURRENCY = 6;

export interface ProvisionOptions extends HomeserverOptions {
    homeserverUrl: string;
    accessToken: string;
    dryRun?: boolean;
    /** The password a new user starts with; none (the default) makes users who sign in otherwise (SSO). */
    initialPassword?: (localpart: string) => string | undefined;
    log?: (line: string) => void;
}

export interface ProvisionResult {
    plan: Plan;
    serverName: string;
    /** Requests made, by method. */
    counts: Record<string, number>;
    /** Changing requests made, in order. */
    writes: string[];
    /** Key (unit id, or unit.room) → room ID, for everything the file describes. */
    roomIds: Map<string, string>;
}

export class NotAnAdminError extends Error {}

async function observeRoom(hs: Homeserver, roomId: string): Promise<ObservedRoom> {
    const [events, joined] = await Promise.all([hs.roomState(roomId), hs.joinedMembers(roomId)]);
    const state = new Map<string, ObservedRoom["state"] extends Map<string, infer V> ? V : never>();
    for (const event of events) {
        state.set(stateKey(event.type, event.state_key), {
            type: event.type,
            stateKey: event.state_key,
            content: event.content,
            eventId: event.event_id,
        });
    }
    const create = events.find((event) => event.type === "m.room.create");
    return {
        roomId,
        roomVersion: String(create?.content.room_version ?? "1"),
        creator: create?.sender ?? "",
        state,
        joined: new Set(joined),
    };
}

/** What the homeserver holds of what the organisation describes. */
export async function observe(hs: Homeserver, desired: DesiredState): Promise<ObservedState> {
    const { user_id: adminUserId } = await hs.whoami();
    const serverName = adminUserId.slice(adminUserId.indexOf(":") + 1);
    try {
        await hs.adminUser(adminUserId);
    } catch (error) {
        if (error instanceof HomeserverError && (error.status === 403 || error.status === 401)) {
            throw new NotAnAdminError(
                `${adminUserId} is not a server admin of ${hs.baseUrl}: the token cannot provision`,
            );
        }
        throw error;
    }
    const defaultRoomVersion = await hs.defaultRoomVersion();
    const users = new Map<string, string | null>();
    await inPool(desired.users, CONCURRENCY, async (user) => {
        const found = await hs.adminUser(`@${user.localpart}:${serverName}`);
        if (found) users.set(user.localpart, found.displayname ?? null);
    });
    const rooms = new Map<string, ObservedRoom>();
    await inPool(desired.rooms, CONCURRENCY, async (room) => {
        const found = await hs.resolveAlias(`#${room.alias}:${serverName}`);
        if (found) rooms.set(room.alias, await observeRoom(hs, found.room_id));
    });
    return { serverName, adminUserId, defaultRoomVersion, users, rooms };
}

/** Replaces every `$new:<key>` placeholder in a value with the room ID made for it. */
function resolvePlaceholders<T>(value: T, ids: Map<string, string>): T {
    if (typeof value === "string" && value.startsWith("$new:")) {
        const id = ids.get(value.slice(5));
        if (!id) throw new Error(`internal: ${value} was not created before it was needed`);
        return id as T;
    }
    if (Array.isArray(value)) return value.map((item) => resolvePlaceholders(item, ids)) as T;
    if (typeof value === "object" && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolvePlaceholders(v, ids)])) as T;
    }
    return value;
}

async function createRoom(
    hs: Homeserver,
    step: Extract<Step, { kind: "create-room" }>,
    ids: Map<string, string>,
    server: string,
): Promise<void> {
    const initialState = resolvePlaceholders(step.initialState, ids);
    const name = initialState.find((event) => event.type === "m.room.name")?.content.name;
    const body: Record<string, unknown> = {
        name,
        room_alias_name: step.alias,
        preset: "private_chat",
        visibility: "private",
        initial_state: initialState
            .filter((event) => event.type !== "m.room.name")
            .map((event) => ({ type: event.type, state_key: event.stateKey, content: event.content })),
        power_level_content_override: { users: step.levels },
    };
    if (step.isSpace) body.creation_content = { type: "m.space" };
    try {
        ids.set(step.key, await hs.createRoom(body));
    } catch (error) {
        // A run killed while this request was in flight made the room already: take it.
        if (!(error instanceof HomeserverError && error.errcode === "M_ROOM_IN_USE")) throw error;
        const found = await hs.resolveAlias(`#${step.alias}:${server}`);
        if (!found) throw error;
        ids.set(step.key, found.room_id);
    }
}

async function currentLevels(
    hs: Homeserver,
    roomId: string,
): Promise<{ eventId: string; content: Record<string, unknown> }> {
    const levels = (await hs.roomState(roomId)).find(
        (event) => event.type === "m.room.power_levels" && event.state_key === "",
    );
    if (!levels) throw new Error(`${roomId} has no power levels`);
    return { eventId: levels.event_id, content: levels.content };
}

async function runStep(
    hs: Homeserver,
    step: Step,
    ids: Map<string, string>,
    options: ProvisionOptions,
    server: string,
): Promise<void> {
    const idOf = (key: string): string => resolvePlaceholders(placeholder(key), ids);
    switch (step.kind) {
        case "create-user": {
            const password = options.initialPassword?.(step.localpart);
            await hs.putUser(`@${step.localpart}:${server}`, {
                displayname: step.displayName,
                ...(password ? { password } : {}),
            });
            return;
        }
        case "set-display-name":
            await hs.putUser(`@${step.localpart}:${server}`, { displayname: step.displayName });
            return;
        case "create-room":
            return createRoom(hs, step, ids, server);
        case "set-state": {
            const event = resolvePlaceholders(step.event, ids);
            await hs.sendState(idOf(step.key), event.type, event.stateKey, event.content);
            return;
        }
        case "join":
            await hs.forceJoin(idOf(step.key), step.userId);
            return;
        case "archive": {
            // The record first, naming the levels it replaces; then the raise. Stopped in between,
            // the next run sees the record and raises the levels (see planner.ts).
            const roomId = idOf(step.key);
            const levels = await currentLevels(hs, roomId);
            await hs.sendState(roomId, ARCHIVE_EVENT, "", {
                reason: step.reason,
                replaced_event_id: levels.eventId,
                level: step.level,
            });
            await hs.sendState(roomId, "m.room.power_levels", "", archivedPowerLevels(levels.content, step.level));
            return;
        }
        case "restore": {
            const roomId = idOf(step.key);
            const replaced = step.replacedEventId ? await hs.roomEvent(roomId, step.replacedEventId) : null;
            const base =
                replaced?.type === "m.room.power_levels" ? replaced.content : (await currentLevels(hs, roomId)).content;
            await hs.sendState(roomId, "m.room.power_levels", "", { ...base, users: step.users });
            await hs.sendState(roomId, ARCHIVE_EVENT, "", {});
            return;
        }
        case "note":
            return;
    }
}

/** Steps that may run side by side: each phase waits for the one before it. */
function phaseOf(step: Step): number {
    switch (step.kind) {
        case "create-user":
        case "set-display-name":
            return 0;
        case "create-room":
            return 1;
        case "set-state":
            return 2;
        case "join":
            return 3;
        default:
            return 4;
    }
}

export async function provision(org: Organisation, options: ProvisionOptions): Promise<ProvisionResult> {
    const log = options.log ?? ((line: string) => console.log(line));
    const hs = new Homeserver(options.homeserverUrl, options.accessToken, options);
    const desired = desiredState(org);
    log(
        `[provision] reading ${options.homeserverUrl}: ${desired.users.length} people, ${desired.rooms.length} spaces and rooms`,
    );
    const observed = await observe(hs, desired);
    const server = observed.serverName;
    const thePlan = plan(desired, observed);
    const ids = new Map<string, string>();
    for (const room of desired.rooms) {
        const found = observed.rooms.get(room.alias);
        if (found) ids.set(room.key, found.roomId);
    }
    const result = (): ProvisionResult => ({
        plan: thePlan,
        serverName: server,
        counts: hs.counts,
        writes: hs.writes,
        roomIds: ids,
    });

    for (const step of thePlan.steps) if (step.kind === "note") log(`[provision] ${describeStep(step, server)}`);
    if (options.dryRun) {
        log(`[provision] dry run: ${thePlan.changes} change(s) to make`);
        for (const step of thePlan.steps) if (step.kind !== "note") log(`  ${describeStep(step, server)}`);
        return result();
    }
    if (thePlan.changes === 0) {
        log("[provision] the homeserver already matches the file: nothing to do");
        return result();
    }
    log(`[provision] ${thePlan.changes} change(s) to make`);
    const work = thePlan.steps.filter((step) => step.kind !== "note");
    let done = 0;
    const width = String(work.length).length;
    const run = async (step: Step): Promise<void> => {
        await runStep(hs, step, ids, options, server);
        done++;
        log(`[provision] ${String(done).padStart(width)}/${work.length} ${describeStep(step, server)}`);
    };
    for (let phase = 0; phase <= 4; phase++) {
        const steps = work.filter((step) => phaseOf(step) === phase);
        if (phase === 1) {
            for (const step of steps) await run(step); // parents before children
        } else if (phase === 2) {
            // One room's state in order; rooms side by side.
            const byRoom = new Map<string, Step[]>();
            for (const step of steps) {
                const key = step.kind === "set-state" ? step.key : "";
                byRoom.set(key, [...(byRoom.get(key) ?? []), step]);
            }
            await inPool([...byRoom.values()], CONCURRENCY, async (roomSteps) => {
                for (const step of roomSteps) await run(step);
            });
        } else {
            await inPool(steps, CONCURRENCY, run);
        }
    }
    log(`[provision] done: ${thePlan.changes} change(s)`);
    return result();
}
