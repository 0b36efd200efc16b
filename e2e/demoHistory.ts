// Some history for the demo company, so its rooms are not empty: conversations, a thread,
// reactions, a shared file, and an encrypted DM ready for its first message. Each room is written
// once: a room that already holds a message is left alone, so a seeding cut short is resumed, not repeated.
import { randomUUID } from "node:crypto";

import { createRoom, login, matrixRequest, sendMessage, type MatrixSession } from "./harness/synapse.ts";

export const demoPassword = (username: string): string => `atrium-demo-${username}`;

type Line = [who: string, text: string];

interface RoomHistory {
    /** The room's key in the organisation file (unit.room). */
    key: string;
    lines: Line[];
    /** Replies in a thread on the first line. */
    thread?: Line[];
    /** Reactions on the first line: [who, key]. */
    reactions?: Array<[string, string]>;
    file?: { who: string; name: string; text: string };
}

const HISTORY: RoomHistory[] = [
    {
        key: "management.announcements",
        lines: [
            ["ada", "Welcome to Northwind Labs on Atrium! Every department and project has its space on the left."],
            ["ada", "Rooms carry a badge that says how confidential they are. Please check it before you share."],
        ],
        reactions: [
            ["boris", "🎉"],
            ["chloe", "🎉"],
            ["erin", "👍"],
        ],
    },
    {
        key: "engineering.general",
        lines: [
            ["boris", "Quarterly planning starts Monday: please add your team's proposals to the planning doc."],
            ["erin", "Platform will propose the database upgrade and the new on-call rotation."],
            ["farid", "Apps has the offline mode and the redesign of settings."],
            ["ines", "Reminder: the staging cluster is frozen on Thursday for the upgrade rehearsal."],
        ],
        thread: [
            ["erin", "Do we have a budget number for the database upgrade?"],
            ["boris", "Fatima confirmed it this morning, I'll share it in the planning doc."],
            ["anna.berg", "I can take the migration runbook."],
        ],
        reactions: [
            ["erin", "👍"],
            ["farid", "👍"],
            ["ines", "✅"],
        ],
    },
    {
        key: "platform.team",
        lines: [
            ["erin", "Stand-up notes are in the thread, as usual."],
            ["ben.ivanova", "The backup restore test passed: 14 minutes for the main database."],
            ["carla.petrov", "Nice! That is half of last quarter's time."],
        ],
        thread: [
            ["ines", "Yesterday: alert tuning. Today: the upgrade rehearsal checklist."],
            ["anna.berg", "Yesterday: TLS renewals. Today: the migration runbook."],
        ],
    },
    {
        key: "apollo.chat",
        lines: [
            ["farid", "Here are the milestones for the Apollo beta."],
            ["karin.larsen", "The designs for onboarding are ready for review."],
            ["grace", "Two customers in Paris asked to join the beta."],
        ],
        file: {
            who: "farid",
            name: "apollo-milestones.md",
            text: "# Apollo milestones\n\n- Beta: March\n- Public launch: May\n- Offline mode: June\n",
        },
        reactions: [["leo.schmidt", "🚀"]],
    },
    {
        key: "sales.general",
        lines: [
            ["chloe", "Great quarter, everyone: EMEA closed 12 deals and APAC 7."],
            ["grace", "Thanks! The Atlas migration is on track too."],
            ["hiro", "APAC kick-off is in Singapore next month."],
        ],
        reactions: [["vera.vogel", "👏"]],
    },
    {
        key: "engineering.architecture-2023",
        lines: [
            ["boris", "This room collects the 2023 architecture review."],
            ["erin", "Decision: one message queue for all services."],
            ["farid", "Decision: the apps share one design system."],
        ],
    },
    {
        key: "finance.audit-2024",
        lines: [
            ["fatima", "The auditors' questions are in, answers due Friday."],
            ["quentin.larsen", "All answered; the report is filed."],
        ],
    },
    {
        key: "people.team",
        lines: [
            ["dmitri", "Three new people start on Monday: say hello in Company announcements!"],
            ["kofi.eklund", "Their laptops and accounts are ready."],
        ],
    },
];

export interface HistoryOptions {
    baseUrl: string;
    serverName: string;
    /** Room key → room ID, from the provisioning. */
    roomIds: ReadonlyMap<string, string>;
    log: (message: string) => void;
}

const r = encodeURIComponent;

async function hasMessages(session: MatrixSession, roomId: string): Promise<boolean> {
    const res = await matrixRequest<{ chunk: Array<{ type: string }> }>(
        session.baseUrl,
        "GET",
        `/_matrix/client/v3/rooms/${r(roomId)}/messages?dir=b&limit=50`,
        { accessToken: session.accessToken },
    );
    return res.chunk.some((event) => event.type === "m.room.message");
}

async function send(
    session: MatrixSession,
    roomId: string,
    type: string,
    content: Record<string, unknown>,
): Promise<string> {
    const res = await matrixRequest<{ event_id: string }>(
        session.baseUrl,
        "PUT",
        `/_matrix/client/v3/rooms/${r(roomId)}/send/${r(type)}/${r(randomUUID())}`,
        { accessToken: session.accessToken, body: content },
    );
    return res.event_id;
}

async function upload(session: MatrixSession, name: string, text: string): Promise<{ uri: string; size: number }> {
    const body = Buffer.from(text, "utf8");
    const response = await fetch(new URL(`/_matrix/media/v3/upload?filename=${r(name)}`, session.baseUrl), {
        method: "POST",
        headers: { Authorization: `Bearer ${session.accessToken}`, "Content-Type": "text/markdown" },
        body,
    });
    if (!response.ok) throw new Error(`upload of ${name} -> ${response.status}: ${await response.text()}`);
    return { uri: ((await response.json()) as { content_uri: string }).content_uri, size: body.length };
}

export async function seedDemoHistory(options: HistoryOptions): Promise<void> {
    const sessions = new Map<string, MatrixSession>();
    const as = async (username: string): Promise<MatrixSession> => {
        let session = sessions.get(username);
        if (!session) {
            session = await login(options.baseUrl, username, demoPassword(username));
            sessions.set(username, session);
        }
        return session;
    };
    for (const room of HISTORY) {
        const roomId = options.roomIds.get(room.key);
        if (!roomId) throw new Error(`the demo company has no room ${room.key}`);
        if (await hasMessages(await as(room.lines[0][0]), roomId)) continue;
        const [first, ...rest] = room.lines;
        const rootId = await sendMessage(await as(first[0]), roomId, first[1]);
        for (const [who, text] of rest) await sendMessage(await as(who), roomId, text);
        for (const [who, text] of room.thread ?? []) {
            await sendMessage(await as(who), roomId, {
                msgtype: "m.text",
                body: text,
                "m.relates_to": {
                    rel_type: "m.thread",
                    event_id: rootId,
                    is_falling_back: true,
                    "m.in_reply_to": { event_id: rootId },
                },
            });
        }
        for (const [who, key] of room.reactions ?? []) {
            await send(await as(who), roomId, "m.reaction", {
                "m.relates_to": { rel_type: "m.annotation", event_id: rootId, key },
            });
        }
        if (room.file) {
            const session = await as(room.file.who);
            const { uri, size } = await upload(session, room.file.name, room.file.text);
            await sendMessage(session, roomId, {
                msgtype: "m.file",
                body: room.file.name,
                url: uri,
                info: { mimetype: "text/markdown", size },
            });
        }
        options.log(`history in ${room.key}`);
    }
    await encryptedDm(await as("ada"), await as("boris"), options.serverName);
}

/** An encrypted DM between Ada and Boris, marked as a DM for both (m.direct); made once. */
async function encryptedDm(ada: MatrixSession, boris: MatrixSession, _server: string): Promise<void> {
    const direct = await matrixRequest<Record<string, string[]>>(
        ada.baseUrl,
        "GET",
        `/_matrix/client/v3/user/${r(ada.userId)}/account_data/m.direct`,
        { accessToken: ada.accessToken },
    ).catch(() => ({}) as Record<string, string[]>);
    if (direct[boris.userId]?.length) return;
    const roomId = await createRoom(ada, {
        preset: "trusted_private_chat",
        is_direct: true,
        invite: [boris.userId],
        initial_state: [{ type: "m.room.encryption", state_key: "", content: { algorithm: "m.megolm.v1.aes-sha2" } }],
    });
    await matrixRequest(boris.baseUrl, "POST", `/_matrix/client/v3/join/${r(roomId)}`, {
        accessToken: boris.accessToken,
        body: {},
    });
    const mark = async (session: MatrixSession, other: string, current: Record<string, string[]>): Promise<void> => {
        await matrixRequest(
            session.baseUrl,
            "PUT",
            `/_matrix/client/v3/user/${r(session.userId)}/account_data/m.direct`,
            {
                accessToken: session.accessToken,
                body: { ...current, [other]: [roomId] },
            },
        );
    };
    await mark(ada, boris.userId, direct);
    await mark(boris, ada.userId, {});
}
