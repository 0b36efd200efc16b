// What the bench page reports for one load, read by bench/navigator.ts (one definition for both).
export type View = "classic" | "navigator";

/** A view measured with or without the policy badges (modules/policy-badges) on every row. */
export type Flavour = View | "classic+badges" | "navigator+badges";

export const FLAVOURS: readonly Flavour[] = ["classic", "classic+badges", "navigator", "navigator+badges"];

export interface BenchResult {
    view: View;
    badges: boolean;
    rooms: number;
    spaces: number;
    setupMs: number;
    /** The navigator's snapshot of all rooms, built again on its own after the timed parts (as a change of shape rebuilds it). */
    snapshotMs: number;
    firstRenderMs: number;
    collapseMs: number;
    expandMs: number;
    renderedRows: number;
    errors: string[];
}
