// Makes the large account of plan.ts on a running Synapse: users through the admin API (shared
// secret), rooms, spaces and messages through the client API, batched and a few at a time.
import { randomUUID } from "node:crypto";

import { createRoom, joinRoom, matrixRequest, registerUser, type MatrixSession } from "../../e2e/harness/synapse.ts";
import { inPool } from "../../admin/provision/pool.ts";
import { LARGE_ACCOUNT, lastMessageBody, type PlannedRoom, type SeedPlan } from "./plan.ts";

/** Requests in flight at once; Synapse on SQLite gains little beyond this. */
const CONCURRENCY = 8;
/** Messages in each of the two rooms the bench switches between, so their timelines have substance. */
const SWITCH_ROOM_MESSAGES = 30;

export interface SeededRoom {
    roomId: string;
    name: string;
    lastMessage: string;
}

/** What was seeded, kept beside the data dir as the marker that seeding is done. */
export interface SeedRecord {
    version: number;
    seededAt: string;
    seedSeconds: number;
    serverName: string;
    user: { userId: string; localpart: string; password: string };
    colleague: { userId: string };
    counts: {
        rooms: number;
        roomsInNoSpace: number;
        spaces: number;
        unreadRooms: number;
        mentions: number;
        messages: number;
    };
    /** The top-level spaces, shown in the space bar once the account is ready. */
    topSpaces: { roomId: string; name: string }[];
    /** The two rooms in no space (visible in stock Element's Home) that the bench switches between. */
    switchRooms: [SeededRoom, SeededRoom];
}

type Log = (message: string) => void;

async function send(session: MatrixSession, roomId: string, content: Record<string, unknown>): Promise<void> {
    await matrixRequest(
        session.baseUrl,
        "PUT",
        `/_matrix/client/v3/rooms/${encodeURIComponent(roomId)}/send/m.room.message/${randomUUID()}`,
        { accessToken: session.accessToken, body: content },
    );
}

function text(body: string): Record<string, unknown> {
    return { msgtype: "m.text", body };
}

async function timed<T>(log: Log, what: string, step: () => Promise<T>): Promise<T> {
    const started = Date.now();
    const result = await step();
    log(`${what} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return result;
}

export async function seedLargeAccount(
    synapse: { baseUrl: string; serverName: string; registrationSharedSecret: string },
    plan: SeedPlan,
    log: Log,
): Promise<SeedRecord> {
    const started = Date.now();
    const { user, colleague } = LARGE_ACCOUNT;
    const register = (who: typeof user): Promise<MatrixSession> =>
        registerUser(synapse.baseUrl, synapse.registrationSharedSecret, who.localpart, who.password, {
            displayName: who.displayName,
        });
    const [me, other] = await Promise.all([register(user), register(colleague)]);

    // Rooms first, so each space can list its children in its initial state (one request per space).
    // Public join rules let the colleague join without an invite round trip.
    const roomIds = await timed(log, `created ${plan.rooms.length} rooms`, () =>
        inPool(plan.rooms, CONCURRENCY, (room) =>
            createRoom(me, {
                name: room.name,
                preset: "public_chat",
                visibility: "private",
                topic: `Seeded room ${room.index}`,
            }),
        ),
    );

    const spaceIds = new Array<string>(plan.spaces.length);
    const via = [synapse.serverName];
    for (const level of [3, 2, 1] as const) {
        const spaces = plan.spaces.filter((s) => s.level === level);
        await timed(log, `created ${spaces.length} spaces of level ${level}`, () =>
            inPool(spaces, CONCURRENCY, async (space) => {
                const children = [
                    ...plan.spaces.filter((s) => s.parentIndex === space.index).map((s) => spaceIds[s.index]),
                    ...plan.rooms.filter((r) => r.spaceIndex === space.index).map((r) => roomIds[r.index]),
                ];
                spaceIds[space.index] = await createRoom(me, {
                    name: space.name,
                    preset: "public_chat",
                    visibility: "private",
                    creation_content: { type: "m.space" },
                    initial_state: children.map((child) => ({
                        type: "m.space.child",
                        state_key: child,
                        content: { via },
                    })),
                });
            }),
        );
    }

    const switchSet = new Set<number>(plan.switchRooms);
    const busyRooms = plan.rooms.filter((r) => r.colleagueMessages > 0 || switchSet.has(r.index));
    await timed(log, `colleague joined ${busyRooms.length} rooms`, () =>
        inPool(busyRooms, CONCURRENCY, (room) => joinRoom(other, roomIds[room.index])),
    );

    let messages = 0;
    const writeRoom = async (room: PlannedRoom): Promise<void> => {
        const roomId = roomIds[room.index];
        if (switchSet.has(room.index)) {
            for (let i = 1; i < SWITCH_ROOM_MESSAGES; i++) {
                await send(i % 2 ? other : me, roomId, text(`Message ${i} of ${SWITCH_ROOM_MESSAGES} in ${room.name}`));
            }
            await send(other, roomId, text(lastMessageBody(room)));
            messages += SWITCH_ROOM_MESSAGES;
            return;
        }
        if (room.colleagueMessages === 0) {
            await send(me, roomId, text(lastMessageBody(room)));
            messages += 1;
            return;
        }
        for (let i = 1; i < room.colleagueMessages; i++) await send(other, roomId, text(`Update ${i} in ${room.name}`));
        const last = lastMessageBody(room);
        await send(
            other,
            roomId,
            room.mention
                ? { ...text(`${user.displayName}: ${last}`), "m.mentions": { user_ids: [me.userId] } }
                : text(last),
        );
        messages += room.colleagueMessages;
    };
    const others = plan.rooms.filter((r) => !switchSet.has(r.index));
    await timed(log, `wrote messages in ${others.length} rooms`, () => inPool(others, CONCURRENCY, writeRoom));
    // The switch rooms last, one after the other, so they are the most recent rooms in Home's list.
    for (const index of plan.switchRooms) await writeRoom(plan.rooms[index]);

    const seededRoom = (index: number): SeededRoom => ({
        roomId: roomIds[index],
        name: plan.rooms[index].name,
        lastMessage: lastMessageBody(plan.rooms[index]),
    });
    return {
        version: plan.version,
        seededAt: new Date().toISOString(),
        seedSeconds: Math.round((Date.now() - started) / 1000),
        serverName: synapse.serverName,
        user: { userId: me.userId, localpart: user.localpart, password: user.password },
        colleague: { userId: other.userId },
        counts: {
            rooms: plan.rooms.length,
            roomsInNoSpace: plan.rooms.filter((r) => r.spaceIndex === null).length,
            spaces: plan.spaces.length,
            unreadRooms: plan.rooms.filter((r) => r.colleagueMessages > 0).length,
            mentions: plan.rooms.filter((r) => r.mention).length,
            messages,
        },
        topSpaces: plan.spaces.filter((s) => s.level === 1).map((s) => ({ roomId: spaceIds[s.index], name: s.name })),
        switchRooms: [seededRoom(plan.switchRooms[0]), seededRoom(plan.switchRooms[1])],
    };
}
