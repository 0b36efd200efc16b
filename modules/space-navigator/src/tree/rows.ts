// Turns a snapshot into the flat list of rows the tree shows: only expanded branches, counts rolled
// up to collapsed spaces, and the filter (matches plus their ancestors). Pure, so it is unit-tested
// and cheap enough to run on every change for 10,000 rooms.
import { isExpandable, MORE_ROW_SUFFIX, type NavigatorNode, type NavigatorSnapshot } from "./model";

/** A node, or a space's trailing status row: more pages to load, loading, or loading failed (retry). */
export type RowKind = "node" | "more" | "loading" | "retry";

export interface TreeRow {
    /** The path of node IDs from the top, so a room listed in two spaces is two rows. */
    key: string;
    kind: RowKind;
    node: NavigatorNode;
    /** aria-level, aria-posinset, aria-setsize. */
    level: number;
    posInSet: number;
    setSize: number;
    parentKey?: string;
    expandable: boolean;
    expanded: boolean;
    /** The counts to show: a room's own, or a collapsed space's rolled up from every room below it. */
    unread: number;
    mentions: number;
}

export interface Counts {
    unread: number;
    mentions: number;
}

const KEY_SEPARATOR = "\n";
export const childKey = (parentKey: string | undefined, id: string): string =>
    parentKey === undefined ? id : parentKey + KEY_SEPARATOR + id;
export const idsOfKey = (key: string): string[] => key.split(KEY_SEPARATOR);

/** Every room below each space or section, counted once even when listed in several sub-spaces. */
export function rollUpCounts(snapshot: NavigatorSnapshot): Map<string, Counts> {
    const unreadBelow = new Map<string, Set<string>>();
    const inProgress = new Set<string>();
    const collect = (id: string): Set<string> => {
        const known = unreadBelow.get(id);
        if (known) return known;
        const found = new Set<string>();
        const node = snapshot.nodes.get(id);
        if (!node?.children || inProgress.has(id)) return found; // a cycle of spaces adds nothing twice
        inProgress.add(id);
        for (const childId of node.children) {
            const child = snapshot.nodes.get(childId);
            if (!child) continue;
            if (child.children) for (const roomId of collect(childId)) found.add(roomId);
            else if (child.unread > 0 || child.mentions > 0) found.add(childId);
        }
        inProgress.delete(id);
        unreadBelow.set(id, found);
        return found;
    };
    const counts = new Map<string, Counts>();
    for (const node of snapshot.nodes.values()) {
        if (!node.children) continue;
        let unread = 0;
        let mentions = 0;
        for (const roomId of collect(node.id)) {
            const room = snapshot.nodes.get(roomId)!;
            unread += room.unread;
            mentions += room.mentions;
        }
        counts.set(node.id, { unread, mentions });
    }
    return counts;
}

export const normaliseQuery = (query: string): string => query.trim().toLocaleLowerCase();

/** IDs of nodes that match the filter or have a descendant that does. */
export function nodesWithMatches(snapshot: NavigatorSnapshot, query: string): Set<string> {
    const needle = normaliseQuery(query);
    const result = new Map<string, boolean>();
    const inProgress = new Set<string>();
    const visit = (id: string): boolean => {
        const known = result.get(id);
        if (known !== undefined) return known;
        const node = snapshot.nodes.get(id);
        if (!node || inProgress.has(id)) return false;
        inProgress.add(id);
        let matches = node.name.toLocaleLowerCase().includes(needle);
        for (const childId of node.children ?? []) if (visit(childId)) matches = true;
        inProgress.delete(id);
        result.set(id, matches);
        return matches;
    };
    snapshot.roots.forEach(visit);
    return new Set([...result].filter(([, matches]) => matches).map(([id]) => id));
}

function statusRowKind(node: NavigatorNode): RowKind | undefined {
    switch (node.hierarchy) {
        case "more":
            return "more";
        case "loading":
            return "loading";
        case "failed":
            return "retry";
        default:
            return undefined;
    }
}

export interface RowOptions {
    expanded: ReadonlySet<string>;
    query?: string;
    counts?: Map<string, Counts>;
}

export function visibleRows(snapshot: NavigatorSnapshot, options: RowOptions): TreeRow[] {
    const counts = options.counts ?? rollUpCounts(snapshot);
    const filtering = normaliseQuery(options.query ?? "") !== "";
    const matching = filtering ? nodesWithMatches(snapshot, options.query!) : undefined;
    const needle = normaliseQuery(options.query ?? "");
    const rows: TreeRow[] = [];

    /** Adds one level's rows (and the open branches below); `extraRows` is a trailing "more"/"loading" row. */
    const addLevel = (
        ids: readonly string[],
        parentKey: string | undefined,
        level: number,
        path: Set<string>,
        filtered: boolean,
        extraRows = 0,
    ): number => {
        const shown = ids.filter((id) => snapshot.nodes.has(id) && !path.has(id) && (!filtered || matching!.has(id)));
        const setSize = shown.length + extraRows;
        shown.forEach((id, index) => {
            const node = snapshot.nodes.get(id)!;
            const key = childKey(parentKey, id);
            const expandable = isExpandable(node);
            // While filtering, a branch holding matches opens by itself; below a branch that only
            // matches by its own name, the tree is as the user left it.
            const descendantsMatch =
                filtering && expandable && (node.children ?? []).some((childId) => matching!.has(childId));
            const stillFiltered =
                filtered && !(filtering && !descendantsMatch && node.name.toLocaleLowerCase().includes(needle));
            const expanded = expandable && (descendantsMatch && stillFiltered ? true : options.expanded.has(key));
            const own = { unread: node.unread, mentions: node.mentions };
            const shownCounts = expandable ? (expanded ? { unread: 0, mentions: 0 } : (counts.get(id) ?? own)) : own;
            rows.push({
                key,
                kind: "node",
                node,
                level,
                posInSet: index + 1,
                setSize,
                parentKey,
                expandable,
                expanded,
                ...shownCounts,
            });
            if (!expanded) return;
            const status = statusRowKind(node);
            const statusRow = status ? 1 : 0;
            path.add(id);
            const childCount = addLevel(node.children ?? [], key, level + 1, path, stillFiltered, statusRow);
            path.delete(id);
            if (status) {
                rows.push({
                    key: childKey(key, MORE_ROW_SUFFIX),
                    kind: status,
                    node,
                    level: level + 1,
                    posInSet: childCount + 1,
                    setSize: childCount + 1,
                    parentKey: key,
                    expandable: false,
                    expanded: false,
                    unread: 0,
                    mentions: 0,
                });
            }
        });
        return shown.length;
    };
    addLevel(snapshot.roots, undefined, 1, new Set(), filtering);
    return rows;
}

/**
 * The row key of a node's first place in the tree (depth-first, in display order), so the current
 * room can be revealed: every key but the last in the path must be expanded.
 */
export function firstKeyOf(snapshot: NavigatorSnapshot, id: string): string | undefined {
    const visited = new Set<string>();
    const search = (ids: readonly string[], parentKey: string | undefined): string | undefined => {
        for (const childId of ids) {
            const key = childKey(parentKey, childId);
            if (childId === id) return key;
            const node = snapshot.nodes.get(childId);
            if (!node?.children || visited.has(childId)) continue;
            visited.add(childId);
            const found = search(node.children, key);
            if (found) return found;
        }
        return undefined;
    };
    return search(snapshot.roots, undefined);
}

/** The keys of the branches that must be open for the row `key` to show. */
export function ancestorKeys(key: string): string[] {
    const ids = idsOfKey(key);
    return ids.slice(0, -1).map((_, i) => ids.slice(0, i + 1).join(KEY_SEPARATOR));
}
