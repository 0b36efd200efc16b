// Rooms of a space the user has not joined come from the homeserver's /hierarchy API, a page at a
// time, and only when the space is first expanded (10,000 rooms are never fetched up front).
import { RoomHierarchy, type Room } from "@atrium/sdk/spaces";

export const HIERARCHY_PAGE_SIZE = 50;

export interface HierarchyRoomInfo {
    name: string;
    joinRule?: string;
    isSpace: boolean;
}

export interface SpaceHierarchyState {
    status: "loading" | "more" | "complete" | "failed";
    rooms: ReadonlyMap<string, HierarchyRoomInfo>;
    hierarchy: RoomHierarchy;
}

export class HierarchyLoader {
    private readonly states = new Map<string, SpaceHierarchyState>();

    public constructor(private readonly onChange: () => void) {}

    public get(spaceId: string): SpaceHierarchyState | undefined {
        return this.states.get(spaceId);
    }

    /** Loads the first page for a space, once; later calls do nothing. */
    public ensureLoaded(space: Room): void {
        if (this.states.has(space.roomId)) return;
        const hierarchy = new RoomHierarchy(space, HIERARCHY_PAGE_SIZE, 1);
        this.states.set(space.roomId, { status: "loading", rooms: new Map(), hierarchy });
        void this.loadPage(space.roomId);
    }

    /** Loads the next page of a space whose last page said there is more. */
    public loadMore(spaceId: string): void {
        const state = this.states.get(spaceId);
        if (!state || (state.status !== "more" && state.status !== "failed")) return;
        void this.loadPage(spaceId);
    }

    private async loadPage(spaceId: string): Promise<void> {
        const state = this.states.get(spaceId)!;
        this.states.set(spaceId, { ...state, status: "loading" });
        this.onChange();
        let status: SpaceHierarchyState["status"];
        const rooms = new Map(state.rooms);
        try {
            const page = await state.hierarchy.load();
            for (const room of page) {
                if (room.room_id === spaceId) continue;
                rooms.set(room.room_id, {
                    // Names come from the server: React renders them as text, never as markup.
                    name: room.name || room.canonical_alias || room.room_id,
                    joinRule: room.join_rule,
                    isSpace: room.room_type === "m.space",
                });
            }
            status = state.hierarchy.noSupport ? "failed" : state.hierarchy.canLoadMore ? "more" : "complete";
        } catch {
            status = "failed";
        }
        this.states.set(spaceId, { ...state, rooms, status });
        this.onChange();
    }
}
