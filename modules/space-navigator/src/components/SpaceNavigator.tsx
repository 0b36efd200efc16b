// The navigator fed from the SDK: shows the client's snapshot store (rebuilt when rooms, spaces or
// memberships change, counts refreshed when messages or receipts arrive), loads /hierarchy pages
// for spaces as they are expanded, remembers open branches per user, follows the
// open room and opens rooms with the SDK's actions.
import React, { useCallback, useEffect, useRef, useState } from "react";
import {
    currentClient,
    currentRoomId as sdkCurrentRoomId,
    joinHierarchyRoom,
    onCurrentRoomChange,
    onSpaceBarSelection,
    previewHierarchyRoom,
    viewRoom,
    type MatrixClient,
} from "@atrium/sdk/spaces";

import type { HierarchyLoader } from "../hierarchyLoader";
import "../../space-navigator.pcss";
import type { SectionNames } from "../sdkSnapshot";
import { navigatorStore } from "../snapshotStore";
import type { NavigatorNode, NavigatorSnapshot } from "../tree/model";
import { ancestorKeys, firstKeyOf, idsOfKey, type TreeRow } from "../tree/rows";
import { loadExpanded, saveExpanded } from "../userState";
import { useNavigatorStrings } from "../strings";
import type { NodeDecorations } from "../badgeSlot";
import { NavigatorPanel, type NavigatorPanelHandle } from "./NavigatorPanel";
import { NodeMenu } from "./NodeMenu";

export interface SpaceNavigatorProps {
    onSwitchToClassic?(): void;
    renderBadges?: NodeDecorations;
}

/**
 * The client's snapshot (see ../snapshotStore), re-rendering on each change while shown. Made on
 * the first showing; showing the navigator again renders from the store's current snapshot.
 */
function useSnapshot(
    client: MatrixClient,
    names: SectionNames,
): { snapshot: NavigatorSnapshot; loader: HierarchyLoader } {
    const store = navigatorStore(client, names);
    const [snapshot, setSnapshot] = useState(() => store.current());
    useEffect(() => {
        const unsubscribe = store.subscribe(() => setSnapshot(store.current()));
        setSnapshot(store.current()); // a change between the render and this effect
        return unsubscribe;
    }, [store]);
    // Section names follow the language.
    useEffect(() => store.setNames({ people: names.people, other: names.other }), [store, names.people, names.other]);
    return { snapshot, loader: store.loader };
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
