// A module's mistake never takes the UI around it down: a contribution's function that throws is
// logged, naming the slot, the contribution and its module, and answered for by a fallback. Used by
// the slot wrappers (src/seams) and the room decorations (roomDecorations.ts).
import { logger } from "matrix-js-sdk/src/logger";

import type { SlotName } from "./slots";

interface Named {
    id: string;
    module: string;
}

/** Logs that a contribution failed. */
export function reportContributionFailure(slot: SlotName, contribution: Named, error: unknown): void {
    logger.error(
        `Atrium: the ${slot} contribution "${contribution.id}" of module ${contribution.module} failed`,
        error,
    );
}

/** Calls a contribution's function; when it throws, reports it and answers `fallback`. */
export function askContribution<T>(slot: SlotName, contribution: Named, ask: () => T, fallback: T): T {
    try {
        return ask();
    } catch (error) {
        reportContributionFailure(slot, contribution, error);
        return fallback;
    }
}
