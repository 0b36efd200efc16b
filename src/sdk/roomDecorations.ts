// Draws the room-decoration slot's contributions after a room's name, for the classic tile (src/seams/
// RoomTile.tsx) and the navigator's nodes alike: each in a span of its own, a failing one left out.
import { logger } from "matrix-js-sdk/src/logger";

import type { RoomDecoration, RoomDecorationIds } from "./slots";

function report(decoration: RoomDecoration, error: unknown): void {
    logger.error(
        `Atrium: the roomDecoration contribution "${decoration.id}" of module ${decoration.module} failed`,
        error,
    );
}

/**
 * Draws each decoration for the room into a new span appended to `container`; returns what takes
 * them all away again. A decoration that throws (drawing, or taking its drawing away) is logged and
 * left out: the row and the other decorations stay.
 */
export function drawRoomDecorations(
    container: HTMLElement,
    decorations: readonly RoomDecoration[],
    roomId: string,
    ids?: (index: number) => RoomDecorationIds,
): () => void {
    const undraws = decorations.map((decoration, index) => {
        const element = container.appendChild(document.createElement("span"));
        try {
            const undraw = decoration.draw(element, roomId, ids?.(index));
            return (): void => {
                try {
                    undraw();
                } catch (error) {
                    report(decoration, error);
                }
                element.remove();
            };
        } catch (error) {
            report(decoration, error);
            element.remove();
            return (): void => {};
        }
    });
    return () => undraws.forEach((undraw) => undraw());
}
