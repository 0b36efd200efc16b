// What the module does to rooms: archive and restore by power levels (with the record), and the
// personal archive's tag. Each throws an Error with a message for the person when it cannot act.
import {
    currentUserId,
    deleteRoomTag,
    fetchRoomEvent,
    myMembership,
    powerLevels,
    privilegedCreators,
    roomState,
    sendStateEvent,
    setRoomTag,
    stateEventLevel,
    userPowerLevel,
} from "@atrium/sdk";

import { archivedPowerLevels, restorePlan, type PowerLevelsContent, type RestorePlan } from "./logic/powerLevels";
import { ARCHIVE_EVENT_TYPE, archiveRecordContent, RESTORED_RECORD_CONTENT } from "./logic/record";
import { archiveStore, PERSONAL_TAG, POWER_LEVELS_TYPE } from "./archiveStore";
import { archiveLevel } from "./settings";

/** Whether the signed-in user may archive or restore the room (the configured level, and power over power levels). */
export function mayManageArchive(roomId: string): boolean {
    const me = currentUserId();
    if (!me || myMembership(roomId) !== "join") return false;
    // Room version 12 creators hold unlimited power and never appear in `users`.
    if (privilegedCreators(roomId).includes(me)) return true;
    const levels = powerLevels(roomId);
    const mine = userPowerLevel(levels, me);
    return mine >= archiveLevel() && mine >= stateEventLevel(levels, POWER_LEVELS_TYPE);
}

export class ArchiveError extends Error {
    public constructor(
        public readonly reason: "not_allowed" | "already_archived" | "not_archived" | "levels_unknown" | "failed",
        detail?: string,
    ) {
        super(detail ?? reason);
        this.name = "ArchiveError";
    }
}

/**
 * Archives a room by policy: raises its power levels, then records who, why and the replaced
 * levels' event. If the record cannot be sent, the levels are put back.
 */
export async function archiveRoom(roomId: string, reason: string): Promise<void> {
    if (!mayManageArchive(roomId)) throw new ArchiveError("not_allowed");
    if (archiveStore.policyRecord(roomId)) throw new ArchiveError("already_archived");
    const current = roomState<PowerLevelsContent>(roomId, POWER_LEVELS_TYPE);
    if (!current?.eventId) throw new ArchiveError("levels_unknown");
    const level = archiveLevel();
    const record = archiveRecordContent(reason, current.eventId, level);
    await sendStateEvent(roomId, POWER_LEVELS_TYPE, archivedPowerLevels(current.content, level));
    try {
        await sendStateEvent(roomId, ARCHIVE_EVENT_TYPE, record);
    } catch (error) {
        await sendStateEvent(roomId, POWER_LEVELS_TYPE, current.content).catch(() => {});
        throw error;
    }
    await archiveStore.refresh(roomId);
}

/** What restoring the room would send and change; rejects when the room is not archived or its old levels cannot be read. */
export async function planRestore(roomId: string): Promise<RestorePlan> {
    const record = archiveStore.policyRecord(roomId);
    if (!record) throw new ArchiveError("not_archived");
    const replaced = await fetchRoomEvent(roomId, record.replacedEventId);
    const current = roomState<PowerLevelsContent>(roomId, POWER_LEVELS_TYPE);
    if (!replaced || replaced.type !== POWER_LEVELS_TYPE || !current) throw new ArchiveError("levels_unknown");
    return restorePlan(replaced.content, archivedPowerLevels(replaced.content, record.level), current.content);
}

/** Restores a room with a plan from `planRestore`: the levels first, then an empty record. */
export async function restoreRoom(roomId: string, plan: RestorePlan): Promise<void> {
    if (!mayManageArchive(roomId)) throw new ArchiveError("not_allowed");
    await sendStateEvent(roomId, POWER_LEVELS_TYPE, plan.restored);
    await sendStateEvent(roomId, ARCHIVE_EVENT_TYPE, { ...RESTORED_RECORD_CONTENT });
    await archiveStore.refresh(roomId);
}

/** "Archive for me": the room leaves the user's lists until something notifies them in it. */
export async function archiveForMe(roomId: string): Promise<void> {
    await setRoomTag(roomId, PERSONAL_TAG, { at: Date.now() });
}

export async function unarchiveForMe(roomId: string): Promise<void> {
    await deleteRoomTag(roomId, PERSONAL_TAG);
}
