// CVE-2024-51750: which timestamps the SDK's date formatters can take.
import { isRenderableTimestamp } from "../../src/security/timestamps";

describe("isRenderableTimestamp", () => {
    it.each([0, 1_700_000_000_000, -1, 8.64e15, -8.64e15, 0.5])("accepts %p, which a Date can hold", (ts) => {
        expect(isRenderableTimestamp(ts)).toBe(true);
        expect(() => new Intl.DateTimeFormat("en", { dateStyle: "full" }).format(ts)).not.toThrow();
    });

    it.each([8.64e15 + 1, -8.64e15 - 1, Number.MAX_SAFE_INTEGER, NaN, Infinity, -Infinity])("refuses %p", (ts) => {
        expect(isRenderableTimestamp(ts)).toBe(false);
        expect(() => new Intl.DateTimeFormat("en", { dateStyle: "full" }).format(ts)).toThrow(RangeError);
    });

    it.each(["1700000000000", null, undefined, {}, 10n])("refuses %p, which is no number", (ts) => {
        expect(isRenderableTimestamp(ts)).toBe(false);
    });
});
