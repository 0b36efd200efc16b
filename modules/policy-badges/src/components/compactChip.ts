// The room-decoration slot: on room tiles and navigator nodes, the classification (its colour and
// name) and the one computed badge that matters most, in one chip ("Confidential · ⚠ Encryption").
// A list shows this on every row, so it is one element with its words, found ahead by the policy
// store, drawn with the DOM (see RoomDecoration in @atrium/sdk) and kept current by the store; the
// header and the settings tab show each badge on its own, with its icon. Text is set as text, never
// as markup.
import type { RoomDecorationIds } from "@atrium/sdk";

import type { CompactParts } from "../compactParts";
import { compactLook, onRoomChange } from "../policyStore";

/** The chip and, on a node, the hidden explanation the row's description reads. */
export interface DrawnChip {
    chip: HTMLElement;
    explanation?: HTMLElement;
}

/**
 * On a tile, the chip is an image named by the full explanation. On a node (an explanation element
 * beside it), its name is the words it shows (the row's name reads it) and the full explanation is
 * hidden text the row's description reads.
 */
export function paintChip({ chip, explanation }: DrawnChip, look: CompactParts): void {
    chip.setAttribute("aria-label", explanation ? look.words : look.explanation);
    chip.title = look.tooltip;
    chip.toggleAttribute("data-warning", look.isWarning);
    chip.style.backgroundColor = look.colour;
    chip.style.color = look.textColour;
    chip.textContent = look.text;
    if (explanation) explanation.textContent = look.explanation;
}

/** The chip's elements painted with the look, made once per look and kind of place (see makeChip). */
const templates = { node: new WeakMap<CompactParts, DrawnChip>(), tile: new WeakMap<CompactParts, DrawnChip>() };

function templateOf(look: CompactParts, onNode: boolean): DrawnChip {
    const made = templates[onNode ? "node" : "tile"];
    let template = made.get(look);
    if (!template) {
        const chip = document.createElement("span");
        chip.className = "atrium_Policy_compact";
        chip.setAttribute("role", "img");
        template = { chip };
        if (onNode) {
            template.explanation = document.createElement("span");
            template.explanation.hidden = true;
        }
        paintChip(template, look);
        made.set(look, template);
    }
    return template;
}

/**
 * Makes the chip's elements painted with the look (with `ids`, as on a node) and appends them to
 * `element`. A list shows a handful of looks on thousands of rows: each is painted once and cloned.
 */
export function makeChip(element: HTMLElement, look: CompactParts, ids?: RoomDecorationIds): DrawnChip {
    const template = templateOf(look, ids !== undefined);
    const chip = element.appendChild(template.chip.cloneNode(true) as HTMLElement);
    if (!ids) return { chip };
    chip.id = ids.words;
    const explanation = element.appendChild(template.explanation!.cloneNode(true) as HTMLElement);
    explanation.id = ids.description;
    return { chip, explanation };
}

/** Draws the room's chip into `element` and follows the room's changes; returns what takes it away. */
export function drawCompactChip(element: HTMLElement, roomId: string, ids?: RoomDecorationIds): () => void {
    let shown = compactLook(roomId);
    const drawn = makeChip(element, shown, ids);
    const stopFollowing = onRoomChange(roomId, () => {
        const look = compactLook(roomId);
        if (look !== shown) paintChip(drawn, (shown = look));
    });
    return () => {
        stopFollowing();
        drawn.chip.remove();
        drawn.explanation?.remove();
    };
}
