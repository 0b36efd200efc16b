// What the bench page reports for one load, and the loads bench/navigator.ts makes (one definition for both).
export type View = "classic" | "navigator";

/** One measured load: a view, with or without the policy badges (modules/policy-badges) on every row, at a size. */
export interface BenchCase {
    id: string;
    view: View;
    badges: boolean;
    /** Departments of the company (bench/navigator/company.ts): 200 rooms and 10 spaces each. */
    departments: number;
}

const cases = (view: View, departments: number, suffix = ""): BenchCase[] => [
    { id: `${view}${suffix}`, view, badges: false, departments },
    { id: `${view}+badges${suffix}`, view, badges: true, departments },
];

/**
 * Both views at 10,000 rooms (500 spaces), and the classic list at 1,000 rooms (50 spaces): the
 * policy badges' budget is about the classic list at 1,000 rooms and the navigator at 10,000.
 */
export const CASES: readonly BenchCase[] = [
    ...cases("classic", 50),
    ...cases("navigator", 50),
    ...cases("classic", 5, "@1k"),
];

export interface BenchResult {
    view: View;
    badges: boolean;
    rooms: number;
    spaces: number;
    setupMs: number;
    /** The navigator's store made in the setup: its first snapshot of all rooms (what the first showing after sign-in adds). */
    snapshotMs: number;
    /** With badges: every room's compact policy look found by the policy store (the app does it in idle time after the first sync). */
    looksAheadMs: number;
    /** The snapshot built again on its own after the timed parts (what a change of shape costs). */
    rebuildMs: number;
    firstRenderMs: number;
    collapseMs: number;
    expandMs: number;
    renderedRows: number;
    errors: string[];
}
