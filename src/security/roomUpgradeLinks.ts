// CVE-2025-59160 / CVE-2025-59161: a room upgrade is two claims, the old room's tombstone naming the
// new room and the new room's create event (or MSC3946 predecessor event) naming the old one. The
// js-sdk and the SDK's room list trusted the new room's claim alone, so anyone who could create a
// room could name someone else's room as its "predecessor": that room vanished from the list, and
// leaving the forged room left the real one too. Here an upgrade counts only when both sides agree.
import { EventType, MatrixClient, Room } from "matrix-js-sdk/src/matrix";

/** Whether `newer` really replaces `older`: each names the other. */
export function isVerifiedUpgrade(older: Room, newer: Room, dynamicPredecessors: boolean): boolean {
    const tombstone = older.currentState.getStateEvents(EventType.RoomTombstone, "");
    return (
        tombstone?.getContent()["replacement_room"] === newer.roomId &&
        newer.findPredecessor(dynamicPredecessors)?.roomId === older.roomId
    );
}

/** The rooms worth showing: all of them but those that a verified upgrade replaced. */
export function visibleRooms(client: MatrixClient, dynamicPredecessors: boolean): Room[] {
    const rooms = client.getRooms();
    const replaced = new Set<string>();
    for (const room of rooms) {
        const predecessor = verifiedPredecessor(client, room, dynamicPredecessors);
        if (predecessor) replaced.add(predecessor.roomId);
    }
    return rooms.filter((room) => !replaced.has(room.roomId));
}

/**
 * The predecessor that joining `room` should hide from the room list, if the upgrade is verified;
 * null when the room names none, names one we do not have, or names one that does not name it back.
 */
export function verifiedPredecessor(client: MatrixClient, room: Room, dynamicPredecessors: boolean): Room | null {
    const predecessorId = room.findPredecessor(dynamicPredecessors)?.roomId;
    const predecessor = predecessorId ? client.getRoom(predecessorId) : null;
    return predecessor && isVerifiedUpgrade(predecessor, room, dynamicPredecessors) ? predecessor : null;
}
