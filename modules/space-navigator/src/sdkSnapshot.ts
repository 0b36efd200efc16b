// Builds the navigator's snapshot from the SDK's state: SpaceStore's top-level spaces, each space's
// m.space.child list in the space's order, DMs (Element's People), rooms in no space, the pages
// of /hierarchy loaded so far, and the SDK's notification counts. Rooms a module's room-list filter
// hides (archived rooms) are left out, as from Element's room list.
//
// It runs before the navigator's first paint and again on every change of shape, over every room
// (10,000 in the bench): each room is visited once per place, its type read once, and what is the
// same for all rooms (the modules' filters, which rooms are replaced) is read once per build.
import { roomListedCheck } from "@atrium/sdk";
import {
    KnownMembership,
    hasParentSpace,
    isDirectMessage,
    notificationCounts,
    orderedSpaceChildren,
    replacedRoomCheck,
    topLevelSpaces,
    type MatrixClient,
    type Room,
} from "@atrium/sdk/spaces";

import { SECTION_IDS, type Membership, type NavigatorNode, type NavigatorSnapshot } from "./tree/model";
import type { HierarchyLoader } from "./hierarchyLoader";

export interface SectionNames {
    people: string;
    other: string;
}

const membershipOf = (room: Room): Membership | undefined => {
    const membership = room.getMyMembership();
    if (membership === KnownMembership.Join) return "join";
    if (membership === KnownMembership.Invite) return "invite";
    return undefined;
};

const byName = (a: NavigatorNode, b: NavigatorNode): number => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

export function buildSnapshot(
    client: MatrixClient,
    hierarchies: HierarchyLoader,
    names: SectionNames,
): NavigatorSnapshot {
    const nodes = new Map<string, NavigatorNode>();
    const isListed = roomListedCheck();
    // Whether each room a space lists is a DM, asked while the visit has its objects at hand (the DM
    // test reads the user's member event, as the membership just did): the pass over all rooms below
    // then reads nothing more of the rooms already in the tree, which at 10,000 rooms are nearly all
    // and cold again by then.
    const directMessages = new Map<string, boolean>();

    // Counts only for joined rooms: a space shows the roll-up of the rooms below it, never its own,
    // and asking the SDK for a space's count would make it a notification state nobody reads.
    const roomNode = (room: Room, membership: Membership, kind: NavigatorNode["kind"]): NavigatorNode => ({
        id: room.roomId,
        name: room.name,
        kind,
        membership,
        ...(membership === "join" && kind !== "space" ? notificationCounts(room) : { unread: 0, mentions: 0 }),
    });

    const addSpace = (space: Room): void => {
        if (nodes.has(space.roomId)) return; // listed in several spaces, or a cycle: one node
        const node: NavigatorNode = { ...roomNode(space, "join", "space"), children: [] };
        nodes.set(space.roomId, node);
        const loaded = hierarchies.get(space.roomId);
        let unjoinedChildren = 0;
        for (const child of orderedSpaceChildren(space)) {
            const room = client.getRoom(child.roomId);
            const membership = room && membershipOf(room);
            if (room && membership) {
                const known = nodes.get(room.roomId);
                const isSpace = known ? known.kind === "space" : room.isSpaceRoom();
                if (!isSpace && !known && !isListed(room.roomId)) continue;
                if (isSpace) {
                    if (membership === "join") addSpace(room);
                    else if (!known) nodes.set(room.roomId, roomNode(room, membership, "space"));
                } else if (!known) {
                    nodes.set(room.roomId, roomNode(room, membership, "room"));
                    directMessages.set(room.roomId, isDirectMessage(room.roomId));
                }
                nodes.get(room.roomId)!.suggested ||= child.suggested;
                node.children!.push(room.roomId);
                continue;
            }
            unjoinedChildren++;
            const info = loaded?.rooms.get(child.roomId);
            if (!info) continue; // not on a loaded page yet
            if (!nodes.has(child.roomId)) {
                nodes.set(child.roomId, {
                    id: child.roomId,
                    name: info.name,
                    kind: info.isSpace ? "space" : "room",
                    membership: "none",
                    joinRule: info.joinRule,
                    suggested: child.suggested,
                    unread: 0,
                    mentions: 0,
                });
            }
            node.children!.push(child.roomId);
        }
        node.hierarchy = unjoinedChildren === 0 ? "complete" : (loaded?.status ?? "unloaded");
    };

    const { joined, invited } = topLevelSpaces();
    const roots: string[] = [];
    for (const space of invited) {
        nodes.set(space.roomId, roomNode(space, "invite", "space"));
        roots.push(space.roomId);
    }
    for (const space of joined) {
        addSpace(space);
        roots.push(space.roomId);
    }

    const people: NavigatorNode[] = [];
    const other: NavigatorNode[] = [];
    // The store's rooms, not getVisibleRooms(): that reads every room's predecessor first; the same
    // rule is applied below only to the rooms that would be listed.
    const isReplaced = replacedRoomCheck(client);
    for (const room of client.getRooms()) {
        const known = nodes.get(room.roomId);
        if (known) {
            // In the tree already, as a listed room of the user's (membership and DM test read then),
            // a space, or a room only known from /hierarchy: only a DM is listed again, under People.
            if (known.kind === "room" && directMessages.get(room.roomId) && !isReplaced(room))
                people.push(roomNode(room, known.membership, "dm"));
            continue;
        }
        const membership = membershipOf(room);
        if (!membership || room.isSpaceRoom() || !isListed(room.roomId)) continue;
        if (isDirectMessage(room.roomId)) {
            if (!isReplaced(room)) people.push(roomNode(room, membership, "dm"));
        } else if (!hasParentSpace(room.roomId) && !isReplaced(room)) {
            other.push(roomNode(room, membership, "room"));
        }
    }
    for (const [id, name, rooms] of [
        [SECTION_IDS.people, names.people, people],
        [SECTION_IDS.other, names.other, other],
    ] as const) {
        if (rooms.length === 0) continue; // an empty section would be a heading over nothing
        rooms.sort(byName);
        for (const room of rooms) nodes.set(room.id, room);
        nodes.set(id, {
            id,
            name,
            kind: "section",
            membership: "join",
            children: rooms.map((r) => r.id),
            unread: 0,
            mentions: 0,
        });
        roots.push(id);
    }
    return { nodes, roots };
}
