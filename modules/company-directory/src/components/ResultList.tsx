// The results, virtualized: only the rows in view (and a few around them) are in the DOM, so 100
// and 100,000 people cost the same. Rows are options of a listbox that the search box drives
// (arrow keys, Enter); a click opens the person too. Scrolling near the end asks for the next page.
import React, { useEffect, useLayoutEffect, useRef, useState } from "react";
import { rowWindow } from "@atrium/sdk/rowWindow";

export const ROW_HEIGHT = 52;
/** Used until the list has been laid out (and in tests, where nothing has a size). */
const FALLBACK_VIEWPORT = 520;
/** Rows rendered beyond each edge of the view (people rows are tall: fewer than the navigator's). */
const DIRECTORY_OVERSCAN = 6;
/** Rows before the end at which the next page is asked for. */
const PREFETCH_ROWS = 20;

export interface ResultRow {
    key: string;
    name: string;
    detail: string;
    avatar: JSX.Element;
}

interface ResultListProps {
    id: string;
    label: string;
    rows: ResultRow[];
    activeIndex: number;
    onOpen(index: number): void;
    onNearEnd?(): void;
    /** Row index to scroll into view (the active one, when keys move it). */
    scrollTo?: number;
    /** The rows shown are not the service's answer yet (a prediction's start of it, or the previous list). */
    busy?: boolean;
    /** Whether `rows` is everyone who matches; if not, assistive tech is told the size is unknown. */
    sizeKnown?: boolean;
}

export const optionId = (listId: string, index: number): string => `${listId}-option-${index}`;

export function ResultList({
    id,
    label,
    rows,
    activeIndex,
    onOpen,
    onNearEnd,
    scrollTo,
    busy = false,
    sizeKnown = true,
}: ResultListProps): JSX.Element {
    const viewport = useRef<HTMLDivElement>(null);
    const [scrollTop, setScrollTop] = useState(0);
    const [height, setHeight] = useState(FALLBACK_VIEWPORT);

    useLayoutEffect(() => {
        const element = viewport.current;
        if (!element) return;
        const measure = (): void => setHeight(element.clientHeight || FALLBACK_VIEWPORT);
        measure();
        const observer = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(measure);
        observer?.observe(element);
        return () => observer?.disconnect();
    }, []);

    useLayoutEffect(() => {
        const element = viewport.current;
        if (!element || scrollTo === undefined || scrollTo < 0) return;
        const top = scrollTo * ROW_HEIGHT;
        if (top < element.scrollTop) element.scrollTop = top;
        else if (top + ROW_HEIGHT > element.scrollTop + height) element.scrollTop = top + ROW_HEIGHT - height;
        setScrollTop(element.scrollTop);
    }, [scrollTo, height]);

    const { start, end } = rowWindow(scrollTop, height, ROW_HEIGHT, rows.length, DIRECTORY_OVERSCAN);
    const nearEnd = rows.length > 0 && end >= rows.length - PREFETCH_ROWS;
    useEffect(() => {
        if (nearEnd) onNearEnd?.();
    }, [nearEnd, rows.length, onNearEnd]);

    return (
        <div
            ref={viewport}
            className="atrium_DirectoryResults"
            onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
        >
            <div
                id={id}
                role="listbox"
                aria-label={label}
                aria-busy={busy}
                className="atrium_DirectoryResults_canvas"
                style={{ height: rows.length * ROW_HEIGHT }}
            >
                {rows.slice(start, end).map((row, offset) => {
                    const index = start + offset;
                    return (
                        // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/interactive-supports-focus -- a listbox with aria-activedescendant: the search box holds focus and its keys pick options
                        <div
                            key={row.key}
                            id={optionId(id, index)}
                            role="option"
                            aria-selected={index === activeIndex}
                            aria-setsize={sizeKnown ? rows.length : -1}
                            aria-posinset={index + 1}
                            className="atrium_DirectoryResults_row"
                            style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT }}
                            onClick={() => onOpen(index)}
                        >
                            {row.avatar}
                            <span className="atrium_DirectoryResults_text">
                                <span className="atrium_DirectoryResults_name">{row.name}</span>
                                <span className="atrium_DirectoryResults_detail">{row.detail}</span>
                            </span>
                        </div>
                    );
                })}
            </div>
        </div>
    );
}
