// The WAI-ARIA tree pattern's keys, as a pure function of the visible rows and the focused row:
// the component only carries out the action it returns.
import type { TreeRow } from "./rows";

export type TreeAction =
    | { type: "focus"; index: number }
    | { type: "expand"; index: number }
    | { type: "collapse"; index: number }
    | { type: "open"; index: number }
    | { type: "menu"; index: number }
    | { type: "none" };

export interface KeyInput {
    key: string;
    shiftKey?: boolean;
    ctrlKey?: boolean;
    altKey?: boolean;
    metaKey?: boolean;
}

const NONE: TreeAction = { type: "none" };

export function actionForKey(
    rows: readonly TreeRow[],
    index: number,
    input: KeyInput,
    typeAhead: TypeAhead,
): TreeAction {
    if (rows.length === 0) return NONE;
    const current = Math.min(Math.max(index, 0), rows.length - 1);
    const row = rows[current];
    if (input.ctrlKey || input.altKey || input.metaKey) return NONE;
    const typed = input.key.length === 1 && input.key !== " ";
    // Any other key ends a word being typed: "e", ArrowDown, "s" looks for "s", not "es".
    if (!typed) typeAhead.reset();
    switch (input.key) {
        case "ArrowDown":
            return { type: "focus", index: Math.min(current + 1, rows.length - 1) };
        case "ArrowUp":
            return { type: "focus", index: Math.max(current - 1, 0) };
        case "Home":
            return { type: "focus", index: 0 };
        case "End":
            return { type: "focus", index: rows.length - 1 };
        case "ArrowRight":
            if (!row.expandable) return NONE;
            if (!row.expanded) return { type: "expand", index: current };
            // Open already: step into the first child, if it has one.
            return rows[current + 1]?.parentKey === row.key ? { type: "focus", index: current + 1 } : NONE;
        case "ArrowLeft": {
            if (row.expandable && row.expanded) return { type: "collapse", index: current };
            const parent = rows.findIndex((r) => r.key === row.parentKey);
            return parent >= 0 ? { type: "focus", index: parent } : NONE;
        }
        case "Enter":
            return { type: "open", index: current };
        case "ContextMenu":
            return { type: "menu", index: current };
        case "F10":
            return input.shiftKey ? { type: "menu", index: current } : NONE;
    }
    if (typed) {
        const found = typeAhead.find(rows, current, input.key);
        return found >= 0 ? { type: "focus", index: found } : NONE;
    }
    return NONE;
}

/**
 * Type-ahead: letters typed in quick succession form a prefix; the next row (after the focused one,
 * wrapping) whose name starts with it gets focus. Typing one letter again cycles through its rows.
 */
export class TypeAhead {
    private typed = "";
    private lastAt = -Infinity;

    public constructor(
        private readonly resetAfterMs = 700,
        private readonly now: () => number = () => Date.now(),
    ) {}

    public reset(): void {
        this.typed = "";
    }

    public find(rows: readonly TreeRow[], from: number, char: string): number {
        const at = this.now();
        if (at - this.lastAt > this.resetAfterMs) this.typed = "";
        this.lastAt = at;
        const lower = char.toLocaleLowerCase();
        // The same letter again cycles; otherwise the letters build a longer prefix.
        this.typed = this.typed === lower ? lower : this.typed + lower;
        const sameLetterCycle = this.typed.length === 1;
        for (let step = sameLetterCycle ? 1 : 0; step <= rows.length; step++) {
            const candidate = (from + step) % rows.length;
            if (rows[candidate].kind !== "node") continue;
            if (rows[candidate].node.name.toLocaleLowerCase().startsWith(this.typed)) return candidate;
        }
        return -1;
    }
}
