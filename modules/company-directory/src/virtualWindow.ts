// Fixed-row-height virtualization: which rows a scroll position shows. Every row has the same
// height, so the window is arithmetic and the DOM holds the same few rows for 100 or 100,000 people.

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
    overscan = 6,
): RowWindow {
    const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
    const visible = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
    return { start: Math.min(count, Math.max(0, first - overscan)), end: Math.min(count, first + visible + overscan) };
}
