// The navigator's panel without the SDK: the switch back to the classic list, the filter box and the
// tree, over a snapshot. SpaceNavigator.tsx feeds it from the SDK; tests and the bench feed it directly.
import React, { useCallback, useImperativeHandle, useMemo, useRef, useState } from "react";

import type { NavigatorNode, NavigatorSnapshot } from "../tree/model";
import { rollUpCounts, visibleRows, type TreeRow } from "../tree/rows";
import { useNodeDecorations, type NodeDecorations } from "../badgeSlot";
import { useNavigatorStrings } from "../strings";
import { takeSwitchFocus } from "../switchFocus";
import { NavigatorTree, type NavigatorTreeHandle } from "./NavigatorTree";

export interface NavigatorPanelProps {
    snapshot: NavigatorSnapshot;
    expanded: ReadonlySet<string>;
    onExpandedChange(next: Set<string>, toggled: TreeRow, expand: boolean): void;
    currentRoomId: string | null;
    revealKey?: { key: string; at: number };
    onOpen(node: NavigatorNode, row: TreeRow): void;
    onLoadMore(spaceId: string): void;
    onMenu?(row: TreeRow, anchor: { left: number; top: number }): void;
    onSwitchToClassic?(): void;
    /** Policy badges per node; falls back to the room-decoration slot. */
    renderBadges?: NodeDecorations;
}

export type NavigatorPanelHandle = NavigatorTreeHandle;

export const NavigatorPanel = React.forwardRef<NavigatorPanelHandle, NavigatorPanelProps>(
    function NavigatorPanel(props, ref) {
        const {
            snapshot,
            expanded,
            onExpandedChange,
            currentRoomId,
            revealKey,
            onOpen,
            onLoadMore,
            onMenu,
            onSwitchToClassic,
        } = props;
        const t = useNavigatorStrings();
        const slotDecorations = useNodeDecorations();
        const [query, setQuery] = useState("");
        const tree = useRef<NavigatorTreeHandle>(null);
        useImperativeHandle(ref, () => ({ focus: () => tree.current?.focus() }), []);

        const counts = useMemo(() => rollUpCounts(snapshot), [snapshot]);
        const rows = useMemo(
            () => visibleRows(snapshot, { expanded, query, counts }),
            [snapshot, expanded, query, counts],
        );

        const onToggle = useCallback(
            (row: TreeRow, expand: boolean) => {
                const next = new Set(expanded);
                if (expand) next.add(row.key);
                else next.delete(row.key);
                onExpandedChange(next, row, expand);
            },
            [expanded, onExpandedChange],
        );
        const onOpenRow = useCallback(
            (row: TreeRow) => {
                if (row.kind === "more" || row.kind === "retry") onLoadMore(row.node.id);
                else if (row.kind === "node") onOpen(row.node, row);
            },
            [onOpen, onLoadMore],
        );
        const onMenuRow = useCallback(
            (row: TreeRow, anchor: { left: number; top: number }) => {
                if (row.kind === "node" && row.node.kind !== "section") onMenu?.(row, anchor);
            },
            [onMenu],
        );

        const onFilterKeyDown = (event: React.KeyboardEvent<HTMLInputElement>): void => {
            if (event.key === "ArrowDown" && rows.length > 0) {
                event.preventDefault();
                tree.current?.focus();
            } else if (event.key === "Escape" && query) {
                event.preventDefault();
                setQuery("");
            }
        };

        return (
            <div className="atrium_SpaceNav">
                <div className="atrium_SpaceNav_header">
                    <input
                        type="search"
                        className="atrium_SpaceNav_filter"
                        aria-label={t("filter")}
                        placeholder={t("filter_placeholder")}
                        value={query}
                        onChange={(event) => setQuery(event.target.value)}
                        onKeyDown={onFilterKeyDown}
                    />
                    {onSwitchToClassic && (
                        <button
                            type="button"
                            className="atrium_SpaceNav_switch"
                            aria-label={t("to_classic")}
                            title={t("to_classic")}
                            onClick={onSwitchToClassic}
                            ref={takeSwitchFocus}
                        />
                    )}
                </div>
                {rows.length === 0 && query.trim() !== "" ? (
                    <p className="atrium_SpaceNav_empty" role="status">
                        {t("no_matches")}
                    </p>
                ) : (
                    <NavigatorTree
                        ref={tree}
                        rows={rows}
                        label={t("tree")}
                        currentRoomId={currentRoomId}
                        revealKey={revealKey}
                        t={t}
                        renderBadges={props.renderBadges ?? slotDecorations}
                        onToggle={onToggle}
                        onOpen={onOpenRow}
                        onMenu={onMenuRow}
                    />
                )}
            </div>
        );
    },
);
