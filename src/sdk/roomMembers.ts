// The servers a room's members come from, for modules that tell "External" members apart. Joined
// and invited members count: an invited user from another server is about to read along.
import { MatrixClientPeg } from "matrix-react-sdk/src/MatrixClientPeg";

/** The server part of a Matrix user ID, or null when it has none. */
export function serverOfUserId(userId: string): string | null {
    const colon = userId.indexOf(":");
    return colon > 0 && colon < userId.length - 1 ? userId.slice(colon + 1) : null;
}

/**
 * The distinct servers of the room's joined and invited members, or null when the client does not
 * hold the room's member list (a room not joined, or members not loaded yet).
 */
export function memberServers(roomId: string): string[] | null {
    const room = MatrixClientPeg.get()?.getRoom(roomId);
    if (!room || room.getMyMembership() !== "join") return null;
    const servers = new Set<string>();
    for (const member of room.currentState.getMembers()) {
        if (member.membership !== "join" && member.membership !== "invite") continue;
        const server = serverOfUserId(member.userId);
        if (server) servers.add(server);
    }
    return [...servers];
}
