// Replaces the SDK's RoomList customisation point (see sdk-replacements.json): the room-list
// filter slot. A room is in the room list unless an enabled module's filter hides it (archived
// rooms, say). The SDK asks this for every room it sorts, so it stays a plain loop over a few
// functions. The SDK's own exclusions (virtual rooms, spaces…) come first, in its VisibilityProvider.
import type { Room } from "matrix-js-sdk/src/matrix";

import { isRoomListed } from "../sdk/roomListFilters";

export interface IRoomListCustomisations {
    isRoomVisible?(room: Room): boolean;
}

export const RoomListCustomisations: IRoomListCustomisations = {
    isRoomVisible: (room: Room): boolean => isRoomListed(room.roomId),
};
