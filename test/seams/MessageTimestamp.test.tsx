// CVE-2024-51750, second half: every event tile formats its event's time too.
import React from "react";
import { render as renderPlain, RenderResult, screen } from "@testing-library/react";
import { TooltipProvider } from "@vector-im/compound-web";
import MessageTimestamp from "matrix-react-sdk/src/components/views/messages/MessageTimestamp";
import OriginalMessageTimestamp from "$sdk-original/components/views/messages/MessageTimestamp";

import { loadEnglish, putConfig } from "../helpers/sdkEnvironment";
import { withQuietReactErrors } from "../helpers/quietReactErrors";

/** The SDK's timestamp shows its full date in a compound tooltip, which needs its provider. */
const render = (ui: React.ReactElement): RenderResult => renderPlain(<TooltipProvider>{ui}</TooltipProvider>);

const TOO_FAR = 8.64e15 + 1;
const NOON = Date.UTC(2026, 0, 1, 12);

describe("MessageTimestamp seam", () => {
    beforeAll(loadEnglish);
    beforeEach(() => putConfig({ brand: "Acme" }));

    it("the SDK's own timestamp throws for an out-of-range time (the advisory)", () => {
        expect(() => withQuietReactErrors(() => render(<OriginalMessageTimestamp ts={TOO_FAR} />))).toThrow(RangeError);
    });

    it("Atrium's shows an unknown time, with a title saying why", () => {
        render(<MessageTimestamp ts={TOO_FAR} />);
        expect(screen.getByTitle("This message carries a time that cannot be shown")).toHaveTextContent("--:--");
    });

    it("keeps the sent-at time when only the received-at time is out of range", () => {
        const { container } = render(<MessageTimestamp ts={NOON} receivedTs={TOO_FAR} />);
        const expected = render(<OriginalMessageTimestamp ts={NOON} />).container;
        expect(container.textContent).toBe(expected.textContent);
        expect(container.querySelector(".mx_MessageTimestamp_lateIcon")).toBeNull();
    });

    it("is the SDK's own for a valid time", () => {
        const { container } = render(<MessageTimestamp ts={NOON} showFullDate />);
        const expected = render(<OriginalMessageTimestamp ts={NOON} showFullDate />).container;
        expect(container.innerHTML).toBe(expected.innerHTML);
        expect(container.textContent).toMatch(/2026/);
    });
});
