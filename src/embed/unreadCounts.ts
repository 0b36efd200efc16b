// Unread counts for the host page (a wiki can show a badge): over every joined room, and for the
// room on screen. The homeserver's notification counts, as the client keeps them (thread counts
// included), so they follow the person's push rules: a muted room counts nothing.
import type { UnreadCount, UnreadMessage } from "./embedMessages";

/** What the counts read of a room (the js-sdk's Room has all of it). */
export interface CountedRoom {
    roomId: string;
    getMyMembership(): string;
    getUnreadNotificationCount(type?: "total" | "highlight"): number;
}

export interface UnreadCounts {
    total: UnreadCount;
    room: (UnreadCount & { room_id: string }) | null;
}

function countOf(room: CountedRoom): UnreadCount {
    return {
        count: room.getUnreadNotificationCount("total"),
        highlight: room.getUnreadNotificationCount("highlight"),
    };
}

export function unreadCounts(rooms: readonly CountedRoom[], roomOnScreen: string | null): UnreadCounts {
    const total: UnreadCount = { count: 0, highlight: 0 };
    for (const room of rooms) {
        if (room.getMyMembership() !== "join") continue;
        const { count, highlight } = countOf(room);
        total.count += count;
        total.highlight += highlight;
    }
    const shown = roomOnScreen ? rooms.find((r) => r.roomId === roomOnScreen) : undefined;
    return { total, room: shown ? { room_id: shown.roomId, ...countOf(shown) } : null };
}

/** Whether two readings differ (the host hears only changes). */
export function countsChanged(a: UnreadCounts | null, b: UnreadCounts): boolean {
    return JSON.stringify(a) !== JSON.stringify(b);
}

export function unreadMessageBody(counts: UnreadCounts): Omit<UnreadMessage, "api" | "version"> {
    return { type: "unread", total: counts.total, room: counts.room };
}
