// Whether a room is listed (room list, navigator): the room-list filter slot, read in one place.
// When a filter's answer changes, the SDK's room list is asked to sort its lists again.
import { contributionsTo, onSlotsChange } from "./slotRegistry";
import type { RoomListFilter } from "./slots";

/** False when an enabled module's filter hides the room. */
export function isRoomListed(roomId: string): boolean {
    return roomListedCheck()(roomId);
}

/**
 * `isRoomListed` with the enabled filters read once, for a caller that asks about thousands of rooms
 * in one go (the navigator's tree): the filters and the config that enables them are not read per room.
 */
export function roomListedCheck(): (roomId: string) => boolean {
    const filters = contributionsTo("roomListFilter");
    if (filters.length === 0) return () => true;
    return (roomId) => {
        for (const filter of filters) {
            try {
                if (filter.isHidden(roomId)) return false;
            } catch {
                // A failing filter must not empty the room list: it hides nothing.
            }
        }
        return true;
    };
}

/**
 * Calls `listener` when what `isRoomListed` answers may have changed: a filter came, went, was
 * switched by the config, or said its answers changed. Returns the unsubscribe.
 */
export function onRoomListFiltersChange(listener: () => void): () => void {
    let watched: readonly RoomListFilter[] = [];
    let stopFilters: (() => void)[] = [];
    const rewatch = (): void => {
        const filters = contributionsTo("roomListFilter");
        if (filters === watched) return; // the same filters: the same array
        stopFilters.forEach((stop) => stop());
        watched = filters;
        stopFilters = filters.flatMap((filter) => (filter.onChange ? [filter.onChange(listener)] : []));
        listener();
    };
    watched = contributionsTo("roomListFilter");
    stopFilters = watched.flatMap((filter) => (filter.onChange ? [filter.onChange(listener)] : []));
    const stopSlots = onSlotsChange(rewatch);
    return () => {
        stopSlots();
        stopFilters.forEach((stop) => stop());
    };
}
