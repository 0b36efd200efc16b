// The navigator fed from the SDK: rebuilds its snapshot when rooms, spaces or memberships change,
// refreshes only counts when messages or receipts arrive (each at most every REBUILD_MS), loads
// /hierarchy pages for spaces as they are expanded, remembers open branches per user, follows the
// open room and opens rooms with the SDK's actions.
import React, { useCallback, useEffect, useRef, useState } from "react";
import { onRoomListFiltersChange } from "@atrium/sdk";
import {
    ClientEvent,
    RoomEvent,
    RoomStateEvent,
    currentClient,
    currentRoomId as sdkCurrentRoomId,
    notificationCounts,
    joinHierarchyRoom,
    onCurrentRoomChange,
    onSpaceBarSelection,
    onTopLevelSpacesChange,
    previewHierarchyRoom,
    viewRoom,
    type MatrixClient,
} from "@atrium/sdk/spaces";

import { HierarchyLoader } from "../hierarchyLoader";
import "../../space-navigator.pcss";
import { buildSnapshot, type SectionNames } from "../sdkSnapshot";
import { withFreshCounts, type NavigatorNode, type NavigatorSnapshot } from "../tree/model";
import { ancestorKeys, firstKeyOf, idsOfKey, type TreeRow } from "../tree/rows";
import { loadExpanded, saveExpanded } from "../userState";
import { useNavigatorStrings } from "../strings";
import type { NodeBadgeRenderer } from "../badgeSlot";
import { NavigatorPanel, type NavigatorPanelHandle } from "./NavigatorPanel";
import { NodeMenu } from "./NodeMenu";

const REBUILD_MS = 150;

// What changes the tree's shape: rooms, memberships, names, space children, DMs (m.direct).
const STRUCTURE_EVENTS = [
    ClientEvent.Room,
    ClientEvent.DeleteRoom,
    ClientEvent.AccountData,
    RoomEvent.MyMembership,
    RoomEvent.Name,
    RoomStateEvent.Events,
] as const;
// What changes only counts: messages and receipts. Cheap to apply (no rebuild of 10,000 rooms).
const COUNT_EVENTS = [RoomEvent.Timeline, RoomEvent.Receipt, RoomEvent.UnreadNotifications] as const;

export interface SpaceNavigatorProps {
    onSwitchToClassic?(): void;
    renderBadges?: NodeBadgeRenderer;
}

/** Calls `flush` at most once per REBUILD_MS however many events arrive. */
function useThrottled(flush: () => void): () => void {
    const timer = useRef<number | undefined>(undefined);
    useEffect(() => () => window.clearTimeout(timer.current), []);
    return useCallback(() => {
        if (timer.current !== undefined) return;
        timer.current = window.setTimeout(() => {
            timer.current = undefined;
            flush();
        }, REBUILD_MS);
    }, [flush]);
}

/** The client's emitter, untyped: one listener serves events of different signatures. */
type Emitter = { on(event: string, listener: () => void): unknown; off(event: string, listener: () => void): unknown };

function useClientEvents(client: MatrixClient, onStructure: () => void, onCounts: () => void): void {
    useEffect(() => {
        const emitter = client as unknown as Emitter;
        for (const name of STRUCTURE_EVENTS) emitter.on(name, onStructure);
        for (const name of COUNT_EVENTS) emitter.on(name, onCounts);
        const stopSpaces = onTopLevelSpacesChange(onStructure);
        // A room-list filter (archived rooms) changed what the tree may show.
        const stopFilters = onRoomListFiltersChange(onStructure);
        return () => {
            stopFilters();
            for (const name of STRUCTURE_EVENTS) emitter.off(name, onStructure);
            for (const name of COUNT_EVENTS) emitter.off(name, onCounts);
            stopSpaces();
        };
    }, [client, onStructure, onCounts]);
}

/**
 * The snapshot, kept current: a change of shape rebuilds it (throttled), a change of counts only
 * refreshes the counts of the rooms it holds.
 */
function useSnapshot(
    client: MatrixClient,
    names: SectionNames,
): { snapshot: NavigatorSnapshot; loader: HierarchyLoader } {
    const namesRef = useRef(names);
    namesRef.current = names;
    const pending = useRef<"none" | "counts" | "structure">("none");
    // A loaded /hierarchy page changes the shape; the callback is set once the scheduler exists.
    const onLoaderChange = useRef<() => void>(() => {});
    const loaderRef = useRef<HierarchyLoader>();
    loaderRef.current ??= new HierarchyLoader(() => onLoaderChange.current());
    const build = (): NavigatorSnapshot => buildSnapshot(client, loaderRef.current!, namesRef.current);
    const [snapshot, setSnapshot] = useState<NavigatorSnapshot>(build);
    const flush = useCallback(() => {
        const kind = pending.current;
        pending.current = "none";
        if (kind === "structure") setSnapshot(build());
        else if (kind === "counts") {
            setSnapshot((previous) =>
                withFreshCounts(previous, (roomId) => {
                    const room = client.getRoom(roomId);
                    return room ? notificationCounts(room) : undefined;
                }),
            );
        }
        // eslint-disable-next-line react-hooks/exhaustive-deps -- build reads the latest names through namesRef
    }, [client]);
    const throttled = useThrottled(flush);
    // During the first sync rooms arrive by the thousand: the tree is built once, when it is done
    // (see below), not every REBUILD_MS while the client is still busy with it.
    const schedule = useCallback(() => {
        if (client.isInitialSyncComplete()) throttled();
    }, [client, throttled]);
    const markStructure = useCallback(() => {
        pending.current = "structure";
        schedule();
    }, [schedule]);
    const markCounts = useCallback(() => {
        if (pending.current === "none") pending.current = "counts";
        schedule();
    }, [schedule]);
    onLoaderChange.current = markStructure;
    useClientEvents(client, markStructure, markCounts);
    useEffect(() => {
        if (client.isInitialSyncComplete()) return;
        const onSync = (): void => {
            if (!client.isInitialSyncComplete()) return;
            client.off(ClientEvent.Sync, onSync);
            // At once, not after REBUILD_MS: this is when the left panel gets its rooms.
            pending.current = "structure";
            flush();
        };
        client.on(ClientEvent.Sync, onSync);
        return () => {
            client.off(ClientEvent.Sync, onSync);
        };
    }, [client, flush]);
    // Section names follow the language.
    const first = useRef(true);
    useEffect(() => {
        if (first.current) first.current = false;
        else markStructure();
    }, [names.people, names.other, markStructure]);
    return { snapshot, loader: loaderRef.current };
}

export const SpaceNavigator = React.forwardRef<NavigatorPanelHandle, SpaceNavigatorProps>(function SpaceNavigator(
    { onSwitchToClassic, renderBadges },
    ref,
) {
    const client = currentClient()!;
    const userId = client.getSafeUserId();
    const t = useNavigatorStrings();
    const { snapshot, loader } = useSnapshot(client, { people: t("people"), other: t("other_rooms") });
    const snapshotRef = useRef(snapshot);
    snapshotRef.current = snapshot;

    const [expanded, setExpanded] = useState(() => loadExpanded(userId));
    const updateExpanded = useCallback(
        (next: Set<string>) => {
            setExpanded(next);
            saveExpanded(userId, next);
        },
        [userId],
    );

    // Spaces open on screen (by a click, or remembered from last time) fetch their unjoined rooms.
    useEffect(() => {
        for (const key of expanded) {
            const id = idsOfKey(key).at(-1)!;
            if (snapshot.nodes.get(id)?.hierarchy !== "unloaded") continue;
            const space = client.getRoom(id);
            if (space) loader.ensureLoaded(space);
        }
    }, [client, loader, snapshot, expanded]);

    // Follow the open room, however it was opened: highlight it, open its branch, scroll to it.
    const [currentRoomId, setCurrentRoomId] = useState(() => sdkCurrentRoomId());
    const [revealKey, setRevealKey] = useState<{ key: string; at: number }>();
    const expandedRef = useRef(expanded);
    expandedRef.current = expanded;
    // A room opened before the tree knows it (just created or joined) is revealed once it appears.
    const pendingReveal = useRef<{ id: string; openItToo: boolean }>();
    const reveal = useCallback(
        (id: string, openItToo = false) => {
            const key = firstKeyOf(snapshotRef.current, id);
            pendingReveal.current = key ? undefined : { id, openItToo };
            if (!key) return;
            const needed = [...ancestorKeys(key), ...(openItToo ? [key] : [])];
            if (needed.some((k) => !expandedRef.current.has(k)))
                updateExpanded(new Set([...expandedRef.current, ...needed]));
            setRevealKey({ key, at: Date.now() });
        },
        [updateExpanded],
    );
    useEffect(() => {
        if (pendingReveal.current) reveal(pendingReveal.current.id, pendingReveal.current.openItToo);
    }, [snapshot, reveal]);
    useEffect(
        () =>
            onCurrentRoomChange((roomId) => {
                setCurrentRoomId(roomId);
                if (roomId) reveal(roomId);
            }),
        [reveal],
    );
    // A room already open when the navigator mounts (a link opened at start, before the left panel
    // showed) is revealed like one opened later.
    useEffect(() => {
        const openAtMount = sdkCurrentRoomId();
        if (openAtMount) reveal(openAtMount);
        // eslint-disable-next-line react-hooks/exhaustive-deps -- once, at mount: later changes come through onCurrentRoomChange
    }, []);
    // Picking a space in the space bar opens it here.
    useEffect(() => onSpaceBarSelection((spaceId) => reveal(spaceId, true)), [reveal]);

    const hierarchyOfParent = (row: TreeRow): ReturnType<HierarchyLoader["get"]> => {
        const ids = idsOfKey(row.key);
        return ids.length > 1 ? loader.get(ids[ids.length - 2]) : undefined;
    };
    const [menu, setMenu] = useState<{ row: TreeRow; anchor: { left: number; top: number } }>();

    const openNode = useCallback(
        (node: NavigatorNode, row?: TreeRow) => {
            if (node.membership !== "none") return viewRoom(node.id);
            const hierarchy = row && hierarchyOfParent(row);
            if (hierarchy) previewHierarchyRoom(hierarchy.hierarchy, node.id);
        },
        // eslint-disable-next-line react-hooks/exhaustive-deps -- hierarchyOfParent only reads the loader
        [loader],
    );

    return (
        <>
            <NavigatorPanel
                ref={ref}
                snapshot={snapshot}
                expanded={expanded}
                onExpandedChange={updateExpanded}
                currentRoomId={currentRoomId}
                revealKey={revealKey}
                onOpen={openNode}
                onLoadMore={(spaceId) => loader.loadMore(spaceId)}
                onMenu={(row, anchor) => setMenu({ row, anchor })}
                onSwitchToClassic={onSwitchToClassic}
                renderBadges={renderBadges}
            />
            {menu && (
                <NodeMenu
                    client={client}
                    node={menu.row.node}
                    anchor={menu.anchor}
                    t={t}
                    onFinished={() => setMenu(undefined)}
                    onPreview={() => openNode(menu.row.node, menu.row)}
                    onJoin={() => {
                        const hierarchy = hierarchyOfParent(menu.row);
                        // Failures are shown by the SDK's room view store; joined, the sync moves the row.
                        if (hierarchy)
                            void joinHierarchyRoom(hierarchy.hierarchy, menu.row.node.id).catch(() => undefined);
                    }}
                />
            )}
        </>
    );
});
