// Draws the room-decoration slot's contributions after a room's name, for the classic tile (src/seams/
// RoomTile.tsx) and the navigator's nodes alike: each in a span of its own, a failing one left out.
import { askContribution } from "./askContribution";
import type { RoomDecoration, RoomDecorationIds } from "./slots";

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
        const draw = (): (() => void) => decoration.draw(element, roomId, ids?.(index));
        const undraw = askContribution("roomDecoration", decoration, draw, null);
        if (!undraw) element.remove();
        return (): void => {
            if (!undraw) return;
            askContribution("roomDecoration", decoration, undraw, undefined);
            element.remove();
        };
    });
    return () => undraws.forEach((undraw) => undraw());
}
