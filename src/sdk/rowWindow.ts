// Fixed-row-height virtualization for the modules' long lists (the navigator's tree, the directory's
// results): which rows a scroll position shows. With every row the same height, the window is
// arithmetic, so the DOM holds the same few rows for 30 rows or 100,000.

export interface RowWindow {
    /** First and one-past-last row index to render. */
    start: number;
    end: number;
}

export function rowWindow(
    scrollTop: number,
    viewportHeight: number,
    rowHeight: number,
    count: number,
    overscan = 8,
): RowWindow {
    const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
    const visible = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
    return {
        start: Math.min(count, Math.max(0, first - overscan)),
        end: Math.min(count, first + visible + overscan),
    };
}

/** The scrollTop that brings row `index` fully into view, moving as little as possible. */
export function scrollTopToShow(index: number, scrollTop: number, viewportHeight: number, rowHeight: number): number {
    const top = index * rowHeight;
    const bottom = top + rowHeight;
    if (top < scrollTop) return top;
    if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
    return scrollTop;
}
