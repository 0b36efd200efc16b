// The security fixes that no component seam can reach, because the flaw sits in a method of a js-sdk
// or SDK class that many places call. Each is installed once, before the app renders, by wrapping or
// replacing that one method on the class's prototype; docs/security.md lists them with their tests.
import { MatrixClient, Room } from "matrix-js-sdk/src/matrix";
import { RoomListStoreClass } from "matrix-react-sdk/src/stores/room-list/RoomListStore";
import { RoomUpdateCause } from "matrix-react-sdk/src/stores/room-list/models";
import {
    EffectiveMembership,
    getEffectiveMembership,
    getEffectiveMembershipTag,
} from "matrix-react-sdk/src/utils/membership";

import { verifiedPredecessor, visibleRooms } from "./roomUpgradeLinks";

/** What the wrapper below needs of RoomListStoreClass's private side. */
interface RoomListStoreInternals {
    matrixClient: MatrixClient | null;
    msc3946ProcessDynamicPredecessor: boolean;
    handleRoomUpdate(room: Room, cause: RoomUpdateCause): Promise<unknown>;
    updateFn: { trigger(): void };
}

interface MembershipPayload {
    room: Room;
    membership: string;
    oldMembership?: string;
}

let installed = false;

/** CVE-2025-59160: only a verified upgrade hides the room it replaces. */
function checkVisibleRooms(): void {
    MatrixClient.prototype.getVisibleRooms = function (this: MatrixClient, dynamicPredecessors = false): Room[] {
        return visibleRooms(this, dynamicPredecessors);
    };
}

/**
 * CVE-2025-59161: leaveRoomChain (and every other caller) walks only verified links, so leaving a
 * room never leaves a room that merely claims, or is claimed, to be part of its history.
 */
function checkUpgradeHistory(): void {
    const original = MatrixClient.prototype.getRoomUpgradeHistory;
    MatrixClient.prototype.getRoomUpgradeHistory = function (
        this: MatrixClient,
        roomId: string,
        _verifyLinks = false,
        dynamicPredecessors = false,
    ): Room[] {
        return original.call(this, roomId, true, dynamicPredecessors);
    };
}

/** CVE-2025-59160, room list side: joining a room hides its predecessor only if the upgrade is verified. */
function checkRoomListJoins(): void {
    const original = RoomListStoreClass.prototype.onDispatchMyMembership;
    RoomListStoreClass.prototype.onDispatchMyMembership = async function (payload: MembershipPayload): Promise<void> {
        const store = this as unknown as RoomListStoreInternals;
        const joining =
            getEffectiveMembership(payload.oldMembership ?? "") !== EffectiveMembership.Join &&
            getEffectiveMembershipTag(payload.room, payload.membership) === EffectiveMembership.Join;
        const dynamic = store.msc3946ProcessDynamicPredecessor;
        const client = store.matrixClient;
        const forgedLink =
            joining &&
            !!client &&
            !!payload.room.findPredecessor(dynamic) &&
            !verifiedPredecessor(client, payload.room, dynamic);
        if (!forgedLink) return original.call(this, payload);
        // A forged or one-sided link: the join is handled as a plain new room, the other room stays.
        await store.handleRoomUpdate(payload.room, RoomUpdateCause.NewRoom);
        store.updateFn.trigger();
    };
}

export function installSdkHardening(): void {
    if (installed) return;
    installed = true;
    checkVisibleRooms();
    checkUpgradeHistory();
    checkRoomListJoins();
}
