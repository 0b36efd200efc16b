import { rowWindow } from "./virtualWindow";

// Rows of 40 px in a 400 px viewport: ten rows fit, one more for the partly shown row at the bottom.
describe("rowWindow", () => {
    it("at the top, renders the visible rows and the overscan below them only", () => {
        expect(rowWindow(0, 400, 40, 1000, 6)).toEqual({ start: 0, end: 17 });
    });

    it("scrolled down, keeps the overscan above and below the visible rows", () => {
        // Row 50 is the first visible one (2,000 px / 40 px).
        expect(rowWindow(2000, 400, 40, 1000, 6)).toEqual({ start: 44, end: 67 });
    });

    it("counts a partly scrolled-past row as the first visible one", () => {
        expect(rowWindow(2039, 400, 40, 1000, 0)).toEqual({ start: 50, end: 61 });
    });

    it("never goes past the last row", () => {
        expect(rowWindow(39_900, 400, 40, 1000, 6)).toEqual({ start: 991, end: 1000 });
        expect(rowWindow(100_000, 400, 40, 1000, 6)).toEqual({ start: 1000, end: 1000 });
        expect(rowWindow(0, 400, 40, 3, 6)).toEqual({ start: 0, end: 3 });
    });

    it("treats a negative scroll (elastic overscroll) or viewport as zero", () => {
        expect(rowWindow(-120, 400, 40, 1000, 0)).toEqual({ start: 0, end: 11 });
        expect(rowWindow(0, -50, 40, 1000, 0)).toEqual({ start: 0, end: 1 });
    });

    it("overscans six rows unless told otherwise", () => {
        expect(rowWindow(2000, 400, 40, 1000)).toEqual({ start: 44, end: 67 });
    });

    it("renders nothing for an empty list", () => {
        expect(rowWindow(0, 400, 40, 0)).toEqual({ start: 0, end: 0 });
    });
});
