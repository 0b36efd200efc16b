// A plain-text table: a label column, then right-aligned value columns.

export type Cell = string | number | null | undefined;

export interface Row {
    label: string;
    cells: Cell[];
}

/** A section heading inside the table (a row with no values). */
export function heading(label: string): Row {
    return { label, cells: [] };
}

export function formatInteger(n: number): string {
    return Math.round(n).toLocaleString("en-US");
}

/** Atrium − stock with its sign ("+1,234", "-56", "+0"). */
export function formatDifference(atrium: number, stock: number): string {
    const difference = atrium - stock;
    return `${difference >= 0 ? "+" : ""}${formatInteger(difference)}`;
}

/** Atrium / stock, two decimals ("1.07"), or "–" when it cannot be computed. */
export function formatRatio(atrium: number | null | undefined, stock: number | null | undefined): string {
    if (atrium == null || stock == null || stock === 0) return "–";
    return (atrium / stock).toFixed(2);
}

function render(cell: Cell): string {
    if (cell == null) return "";
    return typeof cell === "number" ? formatInteger(cell) : cell;
}

export function renderTable(header: Cell[], rows: Row[]): string {
    const columns = header.length;
    const texts = rows.map((r) => [r.label, ...Array.from({ length: columns - 1 }, (_, i) => render(r.cells[i]))]);
    const headerTexts = header.map(render);
    const dataTexts = texts.filter((_, i) => rows[i].cells.length > 0);
    const widths = headerTexts.map((h, i) => Math.max(h.length, ...dataTexts.map((t) => t[i].length)));
    const line = (cells: string[]): string =>
        cells
            .map((c, i) => (i === 0 ? c.padEnd(widths[0]) : c.padStart(widths[i])))
            .join("   ")
            .trimEnd();
    const out = [line(headerTexts), widths.map((w) => "-".repeat(w)).join("   ")];
    rows.forEach((row, i) => out.push(row.cells.length ? line(texts[i]) : row.label));
    return out.join("\n");
}
