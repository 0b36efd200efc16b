// Which rooms are archived, for the room-list filter, the banner and the archive view. A policy
// archive counts once its record is checked against the power levels (the replaced event is
// fetched by ID, once per record); a personal archive is our tag in the user's account data, taken
// off by itself when something arrives that would notify the user.
import {
    currentUserId,
    deleteRoomTag,
    fetchRoomEvent,
    knownRoomIds,
    myMembership,
    onClientSynced,
    onModuleSettingsChange,
    onNotifyingEvent,
    onRoomStateChange,
    onRoomTagsChange,
    powerLevels,
    powerLevelsOf,
    privilegedCreators,
    roomState,
    roomTags,
    type PowerLevels,
} from "@atrium/sdk";

import { ARCHIVE_EVENT_TYPE, readArchiveRecord, recordCounts, type ArchiveRecord } from "./logic/record";
import { archiveLevel, MODULE_NAME } from "./settings";

/** Our room tag (m.tag in the user's account data) for "archived for me". */
export const PERSONAL_TAG = "org.atrium.archived";
export const POWER_LEVELS_TYPE = "m.room.power_levels";

export interface PersonalArchive {
    /** When the user archived it (ms); what arrives later and notifies brings the room back. */
    at: number;
}

export interface ArchivedRoom {
    roomId: string;
    policy: ArchiveRecord | null;
    personal: PersonalArchive | null;
}

/** The personal archive of a room from its tags, or null. */
export function personalArchiveOf(tags: Readonly<Record<string, unknown>>): PersonalArchive | null {
    if (!Object.hasOwn(tags, PERSONAL_TAG)) return null;
    const content = tags[PERSONAL_TAG];
    const at = typeof content === "object" && content !== null ? (content as Record<string, unknown>).at : undefined;
    return { at: typeof at === "number" && Number.isFinite(at) ? at : 0 };
}

class ArchiveStore {
    private readonly policy = new Map<string, ArchiveRecord>();
    private readonly personal = new Set<string>();
    private readonly replacedLevels = new Map<string, Promise<PowerLevels | null>>();
    private readonly generation = new Map<string, number>();
    private readonly listeners = new Set<() => void>();
    private watchedUser: string | null = null;
    private stops: (() => void)[] = [];

    /** Follows the signed-in client (again after a new sign-in); cheap when nothing changed. */
    public ensureWatching(): void {
        const user = currentUserId();
        if (user === this.watchedUser) return;
        for (const stop of this.stops) stop();
        this.stops = [];
        this.policy.clear();
        this.personal.clear();
        this.replacedLevels.clear();
        this.watchedUser = user;
        if (!user) return;
        this.stops.push(
            onClientSynced(() => this.refreshAll()),
            onRoomStateChange((roomId) => void this.refresh(roomId)),
            onRoomTagsChange((roomId) => this.refreshPersonal(roomId)),
            onNotifyingEvent((roomId, ts) => this.bringBackIfNewer(roomId, ts)),
            onModuleSettingsChange(MODULE_NAME, () => this.refreshAll()),
        );
    }

    public subscribe(listener: () => void): () => void {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }

    public policyRecord(roomId: string): ArchiveRecord | null {
        this.ensureWatching();
        return this.policy.get(roomId) ?? null;
    }

    public personalArchive(roomId: string): PersonalArchive | null {
        return personalArchiveOf(roomTags(roomId));
    }

    public isHidden(roomId: string): boolean {
        this.ensureWatching();
        return this.policy.has(roomId) || this.personal.has(roomId) || this.personalArchive(roomId) !== null;
    }

    /** Every archived room the user has joined: policy, personal or both. */
    public archivedRooms(): ArchivedRoom[] {
        this.ensureWatching();
        return knownRoomIds()
            .filter((roomId) => myMembership(roomId) === "join")
            .map((roomId) => ({
                roomId,
                policy: this.policy.get(roomId) ?? null,
                personal: this.personalArchive(roomId),
            }))
            .filter((room) => room.policy || room.personal);
    }

    /** Checks one room's record again (after its state changed); resolves when its answer is known. */
    public async refresh(roomId: string): Promise<void> {
        const generation = (this.generation.get(roomId) ?? 0) + 1;
        this.generation.set(roomId, generation);
        const reading = readArchiveRecord(roomState(roomId, ARCHIVE_EVENT_TYPE));
        if (reading.kind !== "archived" || myMembership(roomId) !== "join") {
            this.setPolicy(roomId, null);
            return;
        }
        const replaced = await this.levelsOfEvent(roomId, reading.record.replacedEventId);
        if (this.generation.get(roomId) !== generation) return; // a newer check is under way
        const counts = recordCounts(
            reading.record,
            archiveLevel(),
            powerLevels(roomId),
            replaced,
            privilegedCreators(roomId),
        );
        this.setPolicy(roomId, counts ? reading.record : null);
    }

    public refreshAll(): Promise<void> {
        const rooms = knownRoomIds();
        for (const roomId of rooms) this.refreshPersonal(roomId);
        return Promise.all(rooms.map((roomId) => this.refresh(roomId))).then(() => undefined);
    }

    private refreshPersonal(roomId: string): void {
        const archived = this.personalArchive(roomId) !== null;
        if (archived === this.personal.has(roomId)) return;
        if (archived) this.personal.add(roomId);
        else this.personal.delete(roomId);
        this.notify();
    }

    /** The power levels of the event a record names, if it is this room's power-levels event. */
    private levelsOfEvent(roomId: string, eventId: string): Promise<PowerLevels | null> {
        const key = `${roomId}\n${eventId}`;
        let pending = this.replacedLevels.get(key);
        if (!pending) {
            pending = fetchRoomEvent(roomId, eventId).then((event) => {
                const fits =
                    event && event.type === POWER_LEVELS_TYPE && event.stateKey === "" && event.roomId === roomId;
                if (!event) this.replacedLevels.delete(key); // unreachable now: ask again next time
                return fits ? powerLevelsOf(event.content) : null;
            });
            this.replacedLevels.set(key, pending);
        }
        return pending;
    }

    private bringBackIfNewer(roomId: string, ts: number): void {
        const personal = this.personalArchive(roomId);
        if (personal && ts > personal.at) void deleteRoomTag(roomId, PERSONAL_TAG).catch(() => {});
    }

    private setPolicy(roomId: string, record: ArchiveRecord | null): void {
        const before = this.policy.get(roomId);
        if (record) this.policy.set(roomId, record);
        else this.policy.delete(roomId);
        if ((before?.eventId ?? null) !== (record?.eventId ?? null)) this.notify();
    }

    private notify(): void {
        for (const listener of [...this.listeners]) listener();
    }
}

export const archiveStore = new ArchiveStore();
