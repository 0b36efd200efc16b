// The navigator's picture of the company: a plain snapshot of spaces, sections and rooms, built
// from the SDK by sdkSnapshot.ts (or by hand in tests and the bench). Pure data, no SDK types.

export type NodeKind = "space" | "room" | "dm" | "section";

/** How the current user stands in a room: joined, invited, or only known from a space (joinable). */
export type Membership = "join" | "invite" | "none";

export interface NavigatorNode {
    /** A room ID, or a section's own ID (see SECTION_IDS). */
    id: string;
    name: string;
    kind: NodeKind;
    membership: Membership;
    /** Marked "suggested" by the space that lists it (m.space.child `suggested`). */
    suggested?: boolean;
    /** For rooms not joined: the join rule the hierarchy reported (public, restricted, knock, invite…). */
    joinRule?: string;
    /** Child node IDs in the order the space defines (spaces and sections only). */
    children?: string[];
    /** A space whose unjoined children come from /hierarchy and may have more pages to load. */
    hierarchy?: "unloaded" | "loading" | "more" | "complete" | "failed";
    /** Own notification counts (rooms only; spaces roll theirs up from descendants). */
    unread: number;
    mentions: number;
}

export interface NavigatorSnapshot {
    nodes: ReadonlyMap<string, NavigatorNode>;
    /** Top-level node IDs in display order: spaces, then the People and Other rooms sections. */
    roots: readonly string[];
}

export const SECTION_IDS = { people: "atrium.section.people", other: "atrium.section.other" } as const;

/** A room listed under a space but absent from the hierarchy's pages so far: a row that loads more. */
export const MORE_ROW_SUFFIX = "#more";

export function makeSnapshot(nodes: Iterable<NavigatorNode>, roots: readonly string[]): NavigatorSnapshot {
    const map = new Map<string, NavigatorNode>();
    for (const node of nodes) map.set(node.id, node);
    return { nodes: map, roots };
}

/** Sections and joined spaces open; a space not joined yet is a leaf to join, like a room. */
export const isExpandable = (node: NavigatorNode): boolean =>
    node.kind === "section" || (node.kind === "space" && node.membership === "join");

/**
 * The snapshot with fresh notification counts for its joined rooms, rebuilding nothing else: what a
 * message or a read receipt changes. Nodes whose counts stay are shared; with no change at all the
 * same snapshot comes back (so nothing re-renders).
 */
export function withFreshCounts(
    snapshot: NavigatorSnapshot,
    countsOf: (roomId: string) => { unread: number; mentions: number } | undefined,
): NavigatorSnapshot {
    let changed: Map<string, NavigatorNode> | undefined;
    for (const node of snapshot.nodes.values()) {
        if (node.children || node.membership !== "join") continue;
        const counts = countsOf(node.id);
        if (!counts || (counts.unread === node.unread && counts.mentions === node.mentions)) continue;
        changed ??= new Map(snapshot.nodes);
        changed.set(node.id, { ...node, ...counts });
    }
    return changed ? { nodes: changed, roots: snapshot.roots } : snapshot;
}
