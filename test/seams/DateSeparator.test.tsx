// CVE-2024-51750: a timestamp beyond what a Date can hold broke the whole timeline.
import React from "react";
import { render, screen } from "@testing-library/react";
import DateSeparator from "matrix-react-sdk/src/components/views/messages/DateSeparator";
import OriginalDateSeparator from "$sdk-original/components/views/messages/DateSeparator";

import { loadEnglish, putConfig } from "../helpers/sdkEnvironment";
import { withQuietReactErrors } from "../helpers/quietReactErrors";

// A server may send any integer JSON allows; Dates stop at ±8.64e15 ms.
const OUT_OF_RANGE = [8.64e15 + 1, -9e15, Number.MAX_SAFE_INTEGER, Number.NaN, Number.POSITIVE_INFINITY];
const NEW_YEAR_2026 = Date.UTC(2026, 0, 1, 12);

describe("DateSeparator seam", () => {
    beforeAll(loadEnglish);
    beforeEach(() => putConfig({ brand: "Acme" }));

    it.each(OUT_OF_RANGE)("the SDK's own separator throws for ts %p (the advisory)", (ts) => {
        expect(() =>
            withQuietReactErrors(() => render(<OriginalDateSeparator roomId="!r:example.org" ts={ts} />)),
        ).toThrow(RangeError);
    });

    it.each(OUT_OF_RANGE)("Atrium's shows an 'Unknown date' separator for ts %p", (ts) => {
        render(<DateSeparator roomId="!r:example.org" ts={ts} />);
        expect(screen.getByRole("separator", { name: "Unknown date" })).toBeInTheDocument();
    });

    it("renders the SDK's own separator for a valid date", () => {
        const { container } = render(<DateSeparator roomId="!r:example.org" ts={NEW_YEAR_2026} />);
        const original = render(<OriginalDateSeparator roomId="!r:example.org" ts={NEW_YEAR_2026} />).container;
        expect(screen.getAllByRole("separator")).toHaveLength(2);
        expect(container.innerHTML).toBe(original.innerHTML);
        expect(container.textContent).toMatch(/2026/);
    });
});
