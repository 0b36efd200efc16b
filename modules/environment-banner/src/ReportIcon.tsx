import React from "react";

/** A speech bubble with an exclamation mark, in the header's icon colour. */
export function ReportIcon(): JSX.Element {
    return (
        <svg
            width="24"
            height="24"
            viewBox="0 0 24 24"
            aria-hidden="true"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
            strokeLinejoin="round"
        >
            <path d="M4 5h16v11H9l-5 4z" />
            <path d="M12 8v4" />
            <path d="M12 14.5v.01" />
        </svg>
    );
}
