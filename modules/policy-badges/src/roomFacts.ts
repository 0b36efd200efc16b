// RoomFacts from the client's state, through @atrium/sdk. The rules engine (policy.ts) never sees
// the SDK; this is the only file that asks it.
import { memberServers, roomState, roomSummary, senderMayHaveSent } from "@atrium/sdk";

import { ARCHIVE_EVENT, CLASSIFICATION_EVENT, type RoomFacts, type StateRecord } from "./policy";

const UNKNOWN: RoomFacts = {
    knowledge: "unknown",
    creatorServer: null,
    encrypted: null,
    federate: null,
    joinRule: null,
    guestAccess: null,
    historyVisibility: null,
    retention: null,
    memberServers: null,
    classification: null,
    archive: null,
};

function record(roomId: string, type: string): StateRecord | null {
    const entry = roomState<unknown>(roomId, type);
    return entry ? { content: entry.content, senderHasPower: senderMayHaveSent(roomId, type, entry) } : null;
}

const contentField = (roomId: string, type: string, field: string): unknown => {
    const content = roomState<Record<string, unknown>>(roomId, type)?.content;
    return content && typeof content === "object" ? content[field] : undefined;
};

export function readRoomFacts(roomId: string): RoomFacts {
    const summary = roomSummary(roomId);
    if (!summary) return UNKNOWN;
    if (summary.membership !== "join") {
        // An invite's stripped state or a room left: what it tells, and no more.
        return { ...UNKNOWN, knowledge: "preview", creatorServer: summary.creatorServer, joinRule: summary.joinRule };
    }
    const federate = contentField(roomId, "m.room.create", "m.federate");
    return {
        knowledge: "joined",
        creatorServer: summary.creatorServer,
        encrypted: summary.encrypted,
        federate: federate === false ? false : true,
        joinRule: summary.joinRule,
        guestAccess: contentField(roomId, "m.room.guest_access", "guest_access") ?? null,
        historyVisibility: contentField(roomId, "m.room.history_visibility", "history_visibility") ?? null,
        retention: roomState(roomId, "m.room.retention")?.content ?? null,
        memberServers: memberServers(roomId),
        classification: record(roomId, CLASSIFICATION_EVENT),
        archive: record(roomId, ARCHIVE_EVENT),
    };
}
