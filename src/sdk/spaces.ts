// What the space navigator (modules/space-navigator) needs of the SDK: its stores of spaces, DMs and
// notification counts, the room-view actions and the hierarchy flows of Element's space home, and
// its context menus. Kept apart from "@atrium/sdk" because it loads the SDK's stores, which must
// not load before the app renders (see src/bootstrap): only components rendered by the SDK import it.
import type { MatrixClient, Room } from "matrix-js-sdk/src/matrix";
import { EventType, NotificationCountType } from "matrix-js-sdk/src/matrix";
import { RoomHierarchy } from "matrix-js-sdk/src/room-hierarchy";
import { MatrixClientPeg } from "matrix-react-sdk/src/MatrixClientPeg";
import SpaceStore, { getChildOrder } from "matrix-react-sdk/src/stores/spaces/SpaceStore";
import {
    UPDATE_SELECTED_SPACE,
    UPDATE_TOP_LEVEL_SPACES,
    UPDATE_INVITED_SPACES,
    isMetaSpace,
} from "matrix-react-sdk/src/stores/spaces";
import DMRoomMap from "matrix-react-sdk/src/utils/DMRoomMap";
import { RoomNotificationStateStore } from "matrix-react-sdk/src/stores/notifications/RoomNotificationStateStore";
import { NotificationLevel } from "matrix-react-sdk/src/stores/notifications/NotificationLevel";
import dis from "matrix-react-sdk/src/dispatcher/dispatcher";
import { Action } from "matrix-react-sdk/src/dispatcher/actions";
import { SdkContextClass } from "matrix-react-sdk/src/contexts/SDKContext";
import { UPDATE_EVENT } from "matrix-react-sdk/src/stores/AsyncStore";
import { showRoom, joinRoom } from "matrix-react-sdk/src/components/structures/SpaceHierarchy";

import { isVerifiedUpgrade } from "../security/roomUpgradeLinks";

export { RoomGeneralContextMenu } from "matrix-react-sdk/src/components/views/context_menus/RoomGeneralContextMenu";
export { default as SpaceContextMenu } from "matrix-react-sdk/src/components/views/context_menus/SpaceContextMenu";
export {
    default as IconizedContextMenu,
    IconizedContextMenuOption,
    IconizedContextMenuOptionList,
} from "matrix-react-sdk/src/components/views/context_menus/IconizedContextMenu";
export type { Room, MatrixClient };
export { ClientEvent, RoomEvent, RoomStateEvent } from "matrix-js-sdk/src/matrix";
export { KnownMembership } from "matrix-js-sdk/src/types";
export { RoomHierarchy };

export function currentClient(): MatrixClient | null {
    return MatrixClientPeg.get();
}

export const spaceStore = (): typeof SpaceStore.instance => SpaceStore.instance;

/** Top-level spaces in the user's order (as the space bar shows them), then spaces they are invited to. */
export function topLevelSpaces(): { joined: Room[]; invited: Room[] } {
    return { joined: SpaceStore.instance.spacePanelSpaces, invited: SpaceStore.instance.invitedSpaces };
}

export interface SpaceChildRef {
    roomId: string;
    suggested: boolean;
}

/**
 * A space's children in the order the space defines, joined or not: the order SpaceStore.getChildren
 * gives (it lists only rooms already joined; the navigator also shows the others). The SDK sorts with
 * lodash `sortBy` over `getChildOrder`'s [order, ts, roomId]; as that is one array per child, lodash
 * compares the arrays as text ("b,1700000000000,!id"; an invalid or missing order reads "NaN"). The
 * same text, compared the same way, with a plain sort: lodash's generic one was about a fifth of the
 * navigator's snapshot at 10,000 rooms.
 */
export function orderedSpaceChildren(space: Room): SpaceChildRef[] {
    const children: { sortKey: string; ref: SpaceChildRef }[] = [];
    for (const ev of space.currentState.getStateEvents(EventType.SpaceChild)) {
        const content = ev.getContent();
        if (!Array.isArray(content?.via)) continue; // removed from the space
        const roomId = ev.getStateKey()!;
        children.push({
            sortKey: String(getChildOrder(content.order, ev.getTs(), roomId)),
            ref: { roomId, suggested: content.suggested === true },
        });
    }
    // Array.prototype.sort is stable, as lodash's is: equal keys keep the state's order.
    children.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
    return children.map((child) => child.ref);
}

/**
 * Whether getVisibleRooms (as Atrium hardens it, src/security) leaves a room out: a verified upgrade
 * replaced it, its tombstone naming a room the client knows that names it back. The same rule, asked
 * of one room at a time, so that the rooms without a tombstone (nearly all) cost one state lookup
 * instead of every room's predecessor being read on every rebuild of the tree. A room that only
 * claims this one as its predecessor hides nothing (CVE-2025-59160).
 */
export function replacedRoomCheck(client: MatrixClient): (room: Room) => boolean {
    return (room) => {
        const tombstone = room.currentState.getStateEvents(EventType.RoomTombstone, "");
        if (!tombstone) return false;
        const successorId = tombstone.getContent()["replacement_room"];
        const successor = typeof successorId === "string" ? client.getRoom(successorId) : null;
        return !!successor && isVerifiedUpgrade(room, successor, false);
    };
}

/** Whether a joined room is listed in any joined space (SpaceStore's parent map). */
export function hasParentSpace(roomId: string): boolean {
    return SpaceStore.instance.getKnownParents(roomId).size > 0;
}

export function isDirectMessage(roomId: string): boolean {
    return !!DMRoomMap.shared()?.getUserIdForRoomId(roomId);
}

/** A room's unread count and mentions, as the SDK's room list badges count them. */
export function notificationCounts(room: Room): { unread: number; mentions: number } {
    const state = RoomNotificationStateStore.instance.getRoomState(room);
    const unread =
        state.level >= NotificationLevel.Notification && state.level !== NotificationLevel.Unsent ? state.count : 0;
    const mentions =
        state.level === NotificationLevel.Highlight
            ? room.getUnreadNotificationCount(NotificationCountType.Highlight)
            : 0;
    return { unread, mentions };
}

/** Opens a room the user has joined or is invited to (an invite shows its preview). */
export function viewRoom(roomId: string): void {
    dis.dispatch({ action: Action.ViewRoom, room_id: roomId, metricsTrigger: "RoomList" });
}

/** Previews a room known from a space's hierarchy: RoomView then offers join, knock or nothing per its join rule. */
export function previewHierarchyRoom(hierarchy: RoomHierarchy, roomId: string): void {
    const client = currentClient();
    if (client) showRoom(client, hierarchy, roomId, hierarchy.roomMap.get(roomId)?.room_type as never);
}

/** Joins a room from a space's hierarchy with the SDK's flow (errors shown by the room view store). */
export async function joinHierarchyRoom(hierarchy: RoomHierarchy, roomId: string): Promise<void> {
    const client = currentClient();
    if (client) await joinRoom(client, hierarchy, roomId);
}

export function currentRoomId(): string | null {
    return SdkContextClass.instance.roomViewStore.getRoomId() ?? null;
}

/** Calls `listener` when the open room changes, whatever changed it. */
export function onCurrentRoomChange(listener: (roomId: string | null) => void): () => void {
    const store = SdkContextClass.instance.roomViewStore;
    const onUpdate = (): void => listener(store.getRoomId() ?? null);
    store.on(UPDATE_EVENT, onUpdate);
    return () => void store.off(UPDATE_EVENT, onUpdate);
}

/** Calls `listener` with the space picked in the space bar (not the Home/People/… meta spaces). */
export function onSpaceBarSelection(listener: (spaceId: string) => void): () => void {
    const onSelected = (key: string): void => {
        if (!isMetaSpace(key)) listener(key);
    };
    SpaceStore.instance.on(UPDATE_SELECTED_SPACE, onSelected);
    return () => void SpaceStore.instance.off(UPDATE_SELECTED_SPACE, onSelected);
}

/** Calls `listener` when the set or order of top-level or invited spaces changes. */
export function onTopLevelSpacesChange(listener: () => void): () => void {
    SpaceStore.instance.on(UPDATE_TOP_LEVEL_SPACES, listener);
    SpaceStore.instance.on(UPDATE_INVITED_SPACES, listener);
    return () => {
        SpaceStore.instance.off(UPDATE_TOP_LEVEL_SPACES, listener);
        SpaceStore.instance.off(UPDATE_INVITED_SPACES, listener);
    };
}
