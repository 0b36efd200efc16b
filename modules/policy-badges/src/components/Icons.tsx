// Atrium's own classification icons (the catalogue names one; a config never supplies markup or URLs).
import React from "react";

import type { ClassificationIcon } from "../catalogue";

const PATHS: Record<ClassificationIcon, string> = {
    globe: "M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1Zm0 1.5c.8 0 1.9 1.6 2.2 4.5H5.8C6.1 4.1 7.2 2.5 8 2.5ZM2.6 7h1.7c.1-1.5.4-2.8.9-3.8A5.5 5.5 0 0 0 2.6 7Zm0 2a5.5 5.5 0 0 0 2.6 3.8c-.5-1-.8-2.3-.9-3.8H2.6Zm3.2 0c.3 2.9 1.4 4.5 2.2 4.5s1.9-1.6 2.2-4.5H5.8Zm5.9 0c-.1 1.5-.4 2.8-.9 3.8A5.5 5.5 0 0 0 13.4 9h-1.7Zm1.7-2a5.5 5.5 0 0 0-2.6-3.8c.5 1 .8 2.3.9 3.8h1.7Z",
    building:
        "M3 2h7v4h3v8H3V2Zm2 2v2h1.5V4H5Zm2.5 0v2H9V4H7.5ZM5 7.5v2h1.5v-2H5Zm2.5 0v2H9v-2H7.5ZM10 8v2h1.5V8H10ZM6.5 11v3h2v-3h-2Z",
    lock: "M5 6V4.5a3 3 0 0 1 6 0V6h1v8H4V6h1Zm1.5 0h3V4.5a1.5 1.5 0 0 0-3 0V6Z",
    shield: "M8 1 2.5 3v4.5C2.5 11 5 13.6 8 15c3-1.4 5.5-4 5.5-7.5V3L8 1Zm0 1.6 4 1.4v3.5c0 2.5-1.7 4.6-4 5.8V2.6Z",
};

export function ClassificationGlyph({ icon }: { icon: ClassificationIcon }): JSX.Element {
    return (
        <svg
            className="atrium_Policy_glyph"
            viewBox="0 0 16 16"
            width="12"
            height="12"
            aria-hidden="true"
            focusable="false"
        >
            <path fill="currentColor" d={PATHS[icon]} />
        </svg>
    );
}
