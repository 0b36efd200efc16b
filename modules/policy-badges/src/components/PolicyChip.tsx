// One badge. Never colour alone: it always shows text (and the classification's icon). In the header
// each chip is focusable and explains itself in a tooltip on hover and on focus, announced as its
// description.
import React, { useRef } from "react";

import { NEUTRAL_COLOUR, textColourOn, type ClassificationIcon } from "../catalogue";
import type { Tone } from "../policy";
import { ClassificationGlyph } from "./Icons";

let nextTooltipId = 0;

interface Props {
    text: string;
    explanation: string;
    tone: Tone | "warning" | "classification";
    /** Classification chips: the catalogue's colour and icon. */
    colour?: string;
    icon?: ClassificationIcon;
    kind: string;
}

export function PolicyChip({ text, explanation, tone, colour, icon, kind }: Props): JSX.Element {
    const id = useRef<string>();
    id.current ??= `atrium_Policy_tip_${++nextTooltipId}`;
    const background = colour ?? (tone === "classification" ? NEUTRAL_COLOUR : undefined);
    const style = background ? { backgroundColor: background, color: textColourOn(background) } : undefined;
    return (
        <span className="atrium_Policy_item">
            <span
                className={`atrium_Policy_chip atrium_Policy_chip_${tone}`}
                data-kind={kind}
                style={style}
                // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- focusable so its explanation shows on focus as on hover
                tabIndex={0}
                aria-describedby={id.current}
            >
                {icon && <ClassificationGlyph icon={icon} />}
                {tone === "warning" && <span aria-hidden="true">⚠ </span>}
                {text}
            </span>
            <span role="tooltip" id={id.current} className="atrium_Policy_tooltip">
                {explanation}
            </span>
        </span>
    );
}
