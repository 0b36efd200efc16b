// The modules' virtualization arithmetic: which rows a scroll position renders, and where to
// scroll so that a row is fully visible.
import { rowWindow, scrollTopToShow } from "./rowWindow";

const ROW = 32;

describe("rowWindow", () => {
    it("at the top, renders the rows in view, one partial row more, and the overscan below", () => {
        // 10 rows fit in 320 px; one more for a partly shown row; 8 overscan below; none above row 0.
        expect(rowWindow(0, 320, ROW, 1000)).toEqual({ start: 0, end: 19 });
        expect(rowWindow(0, 320, ROW, 1000, 2)).toEqual({ start: 0, end: 13 });
    });

    it("scrolled, starts at the first row in view less the overscan", () => {
        // scrollTop 3,200 px: row 100 is first in view.
        expect(rowWindow(3200, 320, ROW, 1000)).toEqual({ start: 92, end: 119 });
        // Half-way through row 100 still counts row 100 as the first.
        expect(rowWindow(3200 + ROW / 2, 320, ROW, 1000)).toEqual({ start: 92, end: 119 });
        // A viewport that is not a whole number of rows rounds up.
        expect(rowWindow(3200, 330, ROW, 1000)).toEqual({ start: 92, end: 120 });
    });

    it("never ends past the last row, nor starts before the first (elastic overscroll gives negative scrollTop)", () => {
        expect(rowWindow(3200, 320, ROW, 105)).toEqual({ start: 92, end: 105 });
        expect(rowWindow(-500, 320, ROW, 1000)).toEqual({ start: 0, end: 19 });
        expect(rowWindow(0, 320, ROW, 0)).toEqual({ start: 0, end: 0 });
        // Scrolled far past a list that has since shrunk: an empty window, not one starting past its end.
        expect(rowWindow(32_000, 320, ROW, 50)).toEqual({ start: 50, end: 50 });
        // A viewport not laid out yet (height 0 or below) still renders the first row and the overscan.
        expect(rowWindow(0, -10, ROW, 1000)).toEqual({ start: 0, end: 9 });
    });
});

describe("scrollTopToShow", () => {
    it("keeps the scroll position when the row is already fully in view", () => {
        expect(scrollTopToShow(5, 0, 320, ROW)).toBe(0);
        // The last row that fits exactly (its bottom on the viewport's bottom edge).
        expect(scrollTopToShow(9, 0, 320, ROW)).toBe(0);
        expect(scrollTopToShow(100, 3200, 320, ROW)).toBe(3200);
    });

    it("scrolls up to a row above the view, bringing its top to the top edge", () => {
        expect(scrollTopToShow(3, 3200, 320, ROW)).toBe(96);
        // A row cut off at the top counts as above.
        expect(scrollTopToShow(99, 3200 - ROW / 2, 320, ROW)).toBe(99 * ROW);
    });

    it("scrolls down to a row below the view, bringing its bottom to the bottom edge", () => {
        expect(scrollTopToShow(10, 0, 320, ROW)).toBe(32);
        expect(scrollTopToShow(200, 0, 320, ROW)).toBe(201 * ROW - 320);
    });

    it("never asks for a negative scroll position (from an elastic overscroll past the top)", () => {
        expect(scrollTopToShow(0, -100, 50, ROW)).toBe(0);
        // In a viewport smaller than a row, the row's bottom edge goes to the viewport's bottom.
        expect(scrollTopToShow(1, 0, 16, ROW)).toBe(2 * ROW - 16);
    });
});

// The directory's proportions: rows of 40 px in a 400 px viewport, its overscan of 6.
describe("rowWindow with the directory's overscan", () => {
    it("scrolled down, keeps the overscan above and below the visible rows", () => {
        // Row 50 is the first visible one (2,000 px / 40 px).
        expect(rowWindow(2000, 400, 40, 1000, 6)).toEqual({ start: 44, end: 67 });
        // A partly scrolled-past row still counts as the first visible one.
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
});
