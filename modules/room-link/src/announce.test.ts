import { getByRole } from "@testing-library/react";

import { announce } from "./announce";

describe("announce", () => {
    beforeEach(() => {
        jest.useFakeTimers();
        document.body.replaceChildren();
    });
    afterEach(() => {
        jest.useRealTimers();
    });

    it("shows the message in a polite status region that screen readers announce", () => {
        const region = announce("Room link copied");
        expect(getByRole(document.body, "status")).toBe(region);
        expect(region).toHaveTextContent("Room link copied");
        expect(region).toHaveAttribute("aria-live", "polite");
        expect(region.dataset.visible).toBe("true");
    });

    it("reuses one region for every message", () => {
        const first = announce("one");
        const second = announce("two");
        expect(second).toBe(first);
        expect(document.querySelectorAll("[role=status]")).toHaveLength(1);
        expect(second).toHaveTextContent("two");
    });

    it("clears the message after its duration", () => {
        const region = announce("Room link copied", 1000);
        jest.advanceTimersByTime(999);
        expect(region).toHaveTextContent("Room link copied");
        jest.advanceTimersByTime(1);
        expect(region).toHaveTextContent("");
        expect(region.dataset.visible).toBeUndefined();
    });

    it("does not clear a newer message when an older one expires", () => {
        const region = announce("first", 1000);
        jest.advanceTimersByTime(500);
        announce("second", 1000);
        jest.advanceTimersByTime(500);
        expect(region).toHaveTextContent("second");
        expect(region.dataset.visible).toBe("true");
        jest.advanceTimersByTime(500);
        expect(region).toHaveTextContent("");
    });

    it("keeps text as text", () => {
        const region = announce('<img src=x onerror="alert(1)">');
        expect(region.querySelector("img")).toBeNull();
        expect(region.textContent).toBe('<img src=x onerror="alert(1)">');
    });
});
