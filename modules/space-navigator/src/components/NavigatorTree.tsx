// The tree itself: role "tree", rows virtualized at a fixed height (only the rows in view, plus the
// focused one, are in the DOM), roving tabindex and the WAI-ARIA tree keys from tree/keyboard.ts.
import React, { useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState } from "react";
import { rowWindow, scrollTopToShow } from "@atrium/sdk/rowWindow";

import { actionForKey, TypeAhead } from "../tree/keyboard";
import { idsOfKey, type TreeRow } from "../tree/rows";
import type { NodeDecorations } from "../badgeSlot";
import type { Translate } from "../strings";
import { ROW_HEIGHT, TreeRowView } from "./TreeRowView";

/** The rendered element of a row (only a screenful are rendered, so a scan is cheap). */
function rowElement(container: HTMLElement | null, key: string): HTMLElement | undefined {
    const rowsInDom = container?.querySelectorAll<HTMLElement>("[data-key]") ?? [];
    return Array.from(rowsInDom).find((element) => element.dataset.key === key);
}

/** Used until the browser has measured the tree (and in jsdom, which never does). */
const FALLBACK_VIEWPORT_PX = 640;

export interface NavigatorTreeHandle {
    focus(): void;
}

interface Props {
    rows: TreeRow[];
    label: string;
    currentRoomId: string | null;
    /** A row to make active and scroll into view (the current room, revealed), without taking focus. */
    revealKey?: { key: string; at: number };
    t: Translate;
    renderBadges?: NodeDecorations;
    onToggle(row: TreeRow, expand: boolean): void;
    onOpen(row: TreeRow): void;
    onMenu(row: TreeRow, anchor: { left: number; top: number }): void;
}

export const NavigatorTree = React.forwardRef<NavigatorTreeHandle, Props>(function NavigatorTree(
    { rows, label, currentRoomId, revealKey, t, renderBadges, onToggle, onOpen, onMenu },
    ref,
) {
    const scroller = useRef<HTMLDivElement>(null);
    const [scrollTop, setScrollTop] = useState(0);
    const [viewport, setViewport] = useState(FALLBACK_VIEWPORT_PX);
    const [activeKey, setActiveKey] = useState<string | undefined>(undefined);
    const focusAfterRender = useRef(false);
    const typeAhead = useMemo(() => new TypeAhead(), []);

    const lastActiveIndex = useRef(0);
    // Whether focus is in the tree (a removed row fires no blur, so this outlives its element).
    const focusWithin = useRef(false);

    // The active row: the one last focused if still shown; if it went away (a "Loading…" row replaced
    // by what it loaded, a room left), the row now in its place; else the current room, else the first.
    const activeIndex = useMemo(() => {
        const byKey = activeKey === undefined ? -1 : rows.findIndex((r) => r.key === activeKey);
        if (byKey >= 0) return byKey;
        if (activeKey !== undefined && rows.length > 0) return Math.min(lastActiveIndex.current, rows.length - 1);
        const current = currentRoomId ? rows.findIndex((r) => r.kind === "node" && r.node.id === currentRoomId) : -1;
        return current >= 0 ? current : 0;
    }, [rows, activeKey, currentRoomId]);

    useLayoutEffect(() => {
        const element = scroller.current;
        if (!element) return;
        const measure = (): void => setViewport(element.clientHeight || FALLBACK_VIEWPORT_PX);
        measure();
        if (typeof ResizeObserver === "undefined") return;
        const observer = new ResizeObserver(measure);
        observer.observe(element);
        return () => observer.disconnect();
    }, []);

    const scrollToIndex = useCallback(
        (index: number) => {
            const element = scroller.current;
            if (!element) return;
            const next = scrollTopToShow(index, element.scrollTop, viewport, ROW_HEIGHT);
            if (next !== element.scrollTop) {
                element.scrollTop = next;
                setScrollTop(next);
            }
        },
        [viewport],
    );

    const moveTo = useCallback(
        (index: number, focus: boolean) => {
            const row = rows[index];
            if (!row) return;
            setActiveKey(row.key);
            scrollToIndex(index);
            focusAfterRender.current = focus;
        },
        [rows, scrollToIndex],
    );

    useEffect(() => {
        if (!revealKey) return;
        const revealedId = idsOfKey(revealKey.key).at(-1);
        // Opened from the tree itself (maybe one of several places the room is listed): stay there.
        if (rows[activeIndex]?.kind === "node" && rows[activeIndex].node.id === revealedId) return;
        const index = rows.findIndex((r) => r.key === revealKey.key);
        if (index >= 0) moveTo(index, false);
        // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new request reveals; rows changing later must not scroll the tree back
    }, [revealKey]);

    // After a key moved the active row, focus it once it is rendered; and when the focused row left
    // the DOM, focus stays in the tree, on the row in its place.
    useEffect(() => {
        lastActiveIndex.current = activeIndex;
        const lostFocus = focusWithin.current && !scroller.current?.contains(document.activeElement);
        if (!focusAfterRender.current && !lostFocus) return;
        focusAfterRender.current = false;
        const key = rows[activeIndex]?.key;
        const element = key === undefined ? undefined : rowElement(scroller.current, key);
        element?.focus();
    });

    useImperativeHandle(ref, () => ({ focus: () => moveTo(activeIndex, true) }), [moveTo, activeIndex]);

    const onKeyDown = (event: React.KeyboardEvent): void => {
        const action = actionForKey(rows, activeIndex, event, typeAhead);
        if (action.type === "none") return;
        event.preventDefault();
        event.stopPropagation();
        const row = rows[action.index];
        switch (action.type) {
            case "focus":
                moveTo(action.index, true);
                break;
            case "expand":
            case "collapse":
                onToggle(row, action.type === "expand");
                moveTo(action.index, true);
                break;
            case "open":
                moveTo(action.index, true);
                if (row.expandable) onToggle(row, !row.expanded);
                else onOpen(row);
                break;
            case "menu": {
                const element = rowElement(scroller.current, row.key);
                const rect = element?.getBoundingClientRect();
                onMenu(row, { left: (rect?.left ?? 0) + 24, top: rect?.bottom ?? 0 });
                break;
            }
        }
    };

    const onRowClick = useCallback(
        (row: TreeRow) => {
            setActiveKey(row.key);
            if (row.expandable) onToggle(row, !row.expanded);
            else onOpen(row);
        },
        [onToggle, onOpen],
    );
    const onRowContextMenu = useCallback(
        (row: TreeRow, event: React.MouseEvent) => {
            event.preventDefault();
            setActiveKey(row.key);
            onMenu(row, { left: event.clientX, top: event.clientY });
        },
        [onMenu],
    );
    const onRowFocus = useCallback((row: TreeRow) => setActiveKey(row.key), []);

    const { start, end } = rowWindow(scrollTop, viewport, ROW_HEIGHT, rows.length);
    const rendered: number[] = [];
    // The active row stays in the DOM even when scrolled away: it holds the tree's tab stop.
    if (activeIndex < start && rows.length > 0) rendered.push(activeIndex);
    for (let i = start; i < end; i++) rendered.push(i);
    if (activeIndex >= end && activeIndex < rows.length) rendered.push(activeIndex);

    return (
        // eslint-disable-next-line jsx-a11y/interactive-supports-focus -- roving tab stop: the active treeitem is focusable, not the tree
        <div
            ref={scroller}
            role="tree"
            aria-label={label}
            className="atrium_SpaceNav_tree"
            onScroll={(event) => setScrollTop((event.target as HTMLDivElement).scrollTop)}
            onKeyDown={onKeyDown}
            onFocus={() => (focusWithin.current = true)}
            onBlur={(event) => {
                if (!event.currentTarget.contains(event.relatedTarget as Node | null)) focusWithin.current = false;
            }}
        >
            <div role="presentation" className="atrium_SpaceNav_rows" style={{ height: rows.length * ROW_HEIGHT }}>
                {rendered.map((index) => (
                    <TreeRowView
                        key={rows[index].key}
                        row={rows[index]}
                        index={index}
                        active={index === activeIndex}
                        current={rows[index].kind === "node" && rows[index].node.id === currentRoomId}
                        t={t}
                        renderBadges={renderBadges}
                        onClick={onRowClick}
                        onContextMenu={onRowContextMenu}
                        onFocus={onRowFocus}
                    />
                ))}
            </div>
        </div>
    );
});
