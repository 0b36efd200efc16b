// The navigator's snapshot as a store, one for the signed-in client, as Element keeps its classic room list in
// RoomListStore: built once, then kept current from the client's events, so showing the navigator
// again (switching views, reopening the left panel) renders from a snapshot already made instead of
// reading 10,000 rooms during the render. A change of shape rebuilds it and a message or receipt
// refreshes only counts, each at most every REBUILD_MS while someone shows it; while nobody does, a
// change is only noted and applied when the snapshot is next read, so a hidden navigator costs
// nothing as messages arrive.
import {
    ClientEvent,
    RoomEvent,
    RoomStateEvent,
    notificationCounts,
    onTopLevelSpacesChange,
    type MatrixClient,
} from "@atrium/sdk/spaces";
import { onRoomListFiltersChange } from "@atrium/sdk";

import { HierarchyLoader } from "./hierarchyLoader";
import { buildSnapshot, type SectionNames } from "./sdkSnapshot";
import { withFreshCounts, type NavigatorSnapshot } from "./tree/model";

const REBUILD_MS = 150;

// What changes the tree's shape: rooms, memberships, names, space children, DMs (m.direct).
const STRUCTURE_EVENTS = [
    ClientEvent.Room,
    ClientEvent.DeleteRoom,
    ClientEvent.AccountData,
    RoomEvent.MyMembership,
    RoomEvent.Name,
    RoomStateEvent.Events,
] as const;
// What changes only counts: messages and receipts. Cheap to apply (no rebuild of 10,000 rooms).
const COUNT_EVENTS = [RoomEvent.Timeline, RoomEvent.Receipt, RoomEvent.UnreadNotifications] as const;

/** The client's emitter, untyped: one listener serves events of different signatures. */
type Emitter = { on(event: string, listener: () => void): unknown; off(event: string, listener: () => void): unknown };

type Pending = "none" | "counts" | "structure";

export class NavigatorSnapshotStore {
    public readonly loader: HierarchyLoader;
    private snapshot: NavigatorSnapshot | undefined;
    private pending: Pending = "none";
    private timer: ReturnType<typeof setTimeout> | undefined;
    private readonly listeners = new Set<() => void>();
    private readonly stopListening: () => void;

    public constructor(
        private readonly client: MatrixClient,
        private names: SectionNames,
    ) {
        // A loaded /hierarchy page changes the shape.
        this.loader = new HierarchyLoader(() => this.note("structure"));
        const onStructure = (): void => this.note("structure");
        const onCounts = (): void => this.note("counts");
        const emitter = client as unknown as Emitter;
        for (const name of STRUCTURE_EVENTS) emitter.on(name, onStructure);
        for (const name of COUNT_EVENTS) emitter.on(name, onCounts);
        const stopSpaces = onTopLevelSpacesChange(onStructure);
        // A room-list filter (archived rooms) changed what the tree may show.
        const stopFilters = onRoomListFiltersChange(onStructure);
        const onSync = (): void => {
            if (!client.isInitialSyncComplete()) return;
            client.off(ClientEvent.Sync, onSync);
            // At once, not after REBUILD_MS: this is when the left panel gets its rooms.
            this.pending = "structure";
            this.flush();
        };
        if (!client.isInitialSyncComplete()) client.on(ClientEvent.Sync, onSync);
        this.stopListening = () => {
            for (const name of STRUCTURE_EVENTS) emitter.off(name, onStructure);
            for (const name of COUNT_EVENTS) emitter.off(name, onCounts);
            client.off(ClientEvent.Sync, onSync);
            stopSpaces();
            stopFilters();
        };
    }

    public isFor(client: MatrixClient): boolean {
        return this.client === client;
    }

    /** Stops hearing the client and the SDK's stores (another client took its place). */
    public dispose(): void {
        this.stopListening();
        this.cancelTimer();
        this.listeners.clear();
    }

    /** The snapshot, with any change noted while nobody showed it applied first. */
    public current(): NavigatorSnapshot {
        if (!this.snapshot || (this.listeners.size === 0 && this.pending !== "none")) this.apply();
        return this.snapshot!;
    }

    /** Section names follow the language: new ones rebuild the sections. */
    public setNames(names: SectionNames): void {
        if (names.people === this.names.people && names.other === this.names.other) return;
        this.names = names;
        this.note("structure");
    }

    /** Calls `listener` after each change of the snapshot; returns the unsubscribe. */
    public subscribe(listener: () => void): () => void {
        this.listeners.add(listener);
        this.schedule(); // a change noted while nobody showed it
        return () => {
            this.listeners.delete(listener);
            if (this.listeners.size === 0) this.cancelTimer();
        };
    }

    private build(): NavigatorSnapshot {
        return buildSnapshot(this.client, this.loader, this.names);
    }

    private note(kind: Exclude<Pending, "none">): void {
        if (kind === "structure" || this.pending === "none") this.pending = kind;
        this.schedule();
    }

    private schedule(): void {
        // During the first sync rooms arrive by the thousand: the tree is built once, when it is
        // done (see the constructor), not every REBUILD_MS while the client is still busy with it.
        // Nobody showing it: the change waits for the next read.
        if (this.pending === "none" || this.timer !== undefined) return;
        if (!this.client.isInitialSyncComplete() || this.listeners.size === 0) return;
        this.timer = setTimeout(() => {
            this.timer = undefined;
            this.flush();
        }, REBUILD_MS);
    }

    private flush(): void {
        if (!this.snapshot && this.listeners.size === 0) return; // nothing built yet: the first read builds
        if (this.apply()) for (const listener of [...this.listeners]) listener();
    }

    /** Applies the pending change; whether the snapshot changed. */
    private apply(): boolean {
        const kind = this.pending;
        this.pending = "none";
        const previous = this.snapshot;
        if (kind === "structure" || !previous) this.snapshot = this.build();
        else if (kind === "counts") {
            this.snapshot = withFreshCounts(previous, (roomId) => {
                const room = this.client.getRoom(roomId);
                return room ? notificationCounts(room) : undefined;
            });
        }
        return this.snapshot !== previous;
    }

    private cancelTimer(): void {
        if (this.timer === undefined) return;
        clearTimeout(this.timer);
        this.timer = undefined;
    }
}

let current: NavigatorSnapshotStore | undefined;

/**
 * The client's navigator store, made on first use and kept while that client is the signed-in one:
 * a store for a new client (after signing out and in again) ends the previous one, which would
 * otherwise keep the old client and all its rooms alive through the SDK's stores' listeners.
 */
export function navigatorStore(client: MatrixClient, names: SectionNames): NavigatorSnapshotStore {
    if (current?.isFor(client)) return current;
    current?.dispose();
    current = new NavigatorSnapshotStore(client, names);
    return current;
}
