import { actionForKey, TypeAhead } from "./keyboard";
import { childKey, visibleRows, type TreeRow } from "./rows";
import { companyTree } from "./testTree";

// Engineering, Platform, Databases, platform-chat, eng-general, eng-random, Sales, Other rooms. Built
// before each case, not at load, so mutation testing sees which case covers which line of visibleRows.
let rows: TreeRow[];
beforeEach(() => {
    rows = visibleRows(companyTree(), { expanded: new Set(["!eng", childKey("!eng", "!platform")]) });
});
const press = (index: number, key: string, typeAhead = new TypeAhead()) =>
    actionForKey(rows, index, { key }, typeAhead);

describe("tree keys", () => {
    it("moves with the arrows, Home and End, stopping at the ends", () => {
        expect(press(0, "ArrowDown")).toEqual({ type: "focus", index: 1 });
        expect(press(0, "ArrowUp")).toEqual({ type: "focus", index: 0 });
        expect(press(7, "ArrowDown")).toEqual({ type: "focus", index: 7 });
        expect(press(4, "Home")).toEqual({ type: "focus", index: 0 });
        expect(press(4, "End")).toEqual({ type: "focus", index: 7 });
    });

    it("Right opens a closed branch, then steps into it; Left closes, then steps out", () => {
        expect(press(2, "ArrowRight")).toEqual({ type: "expand", index: 2 });
        expect(press(1, "ArrowRight")).toEqual({ type: "focus", index: 2 });
        expect(press(3, "ArrowRight")).toEqual({ type: "none" });
        expect(press(1, "ArrowLeft")).toEqual({ type: "collapse", index: 1 });
        expect(press(3, "ArrowLeft")).toEqual({ type: "focus", index: 1 });
        expect(press(2, "ArrowLeft")).toEqual({ type: "focus", index: 1 });
        expect(press(6, "ArrowLeft")).toEqual({ type: "none" });
    });

    it("Enter opens; the context-menu key and Shift+F10 ask for the menu", () => {
        expect(press(3, "Enter")).toEqual({ type: "open", index: 3 });
        expect(press(3, "ContextMenu")).toEqual({ type: "menu", index: 3 });
        expect(actionForKey(rows, 3, { key: "F10", shiftKey: true }, new TypeAhead())).toEqual({
            type: "menu",
            index: 3,
        });
        expect(actionForKey(rows, 3, { key: "ArrowDown", ctrlKey: true }, new TypeAhead())).toEqual({ type: "none" });
    });
});

describe("type-ahead", () => {
    it("jumps to the next row starting with the typed letters, wrapping, and cycles on one letter", () => {
        let now = 0;
        const typeAhead = new TypeAhead(500, () => now);
        expect(actionForKey(rows, 0, { key: "e" }, typeAhead)).toEqual({ type: "focus", index: 4 }); // eng-general
        now += 100;
        expect(actionForKey(rows, 4, { key: "e" }, typeAhead)).toEqual({ type: "focus", index: 5 }); // eng-random
        now += 100;
        expect(actionForKey(rows, 5, { key: "e" }, typeAhead)).toEqual({ type: "focus", index: 0 }); // Engineering
        now += 1000;
        expect(actionForKey(rows, 0, { key: "p" }, typeAhead)).toEqual({ type: "focus", index: 1 }); // Platform
        now += 100;
        expect(actionForKey(rows, 1, { key: "l" }, typeAhead)).toEqual({ type: "focus", index: 1 }); // "pl": stays
        now += 100;
        expect(actionForKey(rows, 1, { key: "a" }, typeAhead)).toEqual({ type: "focus", index: 1 });
        now += 100;
        expect(actionForKey(rows, 1, { key: "t" }, typeAhead)).toEqual({ type: "focus", index: 1 });
        now += 100;
        expect(actionForKey(rows, 1, { key: "f" }, typeAhead)).toEqual({ type: "focus", index: 1 }); // "platf" still names Platform
        now += 1000;
        expect(actionForKey(rows, 0, { key: "z" }, typeAhead)).toEqual({ type: "none" });
    });

    it("starts a new word after any other key, however quickly typed", () => {
        const typeAhead = new TypeAhead(500, () => 0);
        expect(actionForKey(rows, 0, { key: "e" }, typeAhead)).toEqual({ type: "focus", index: 4 });
        expect(actionForKey(rows, 4, { key: "Home" }, typeAhead)).toEqual({ type: "focus", index: 0 });
        expect(actionForKey(rows, 0, { key: "s" }, typeAhead)).toEqual({ type: "focus", index: 6 }); // Sales, not "es"
    });
});

describe("type-ahead on the real clock", () => {
    afterEach(() => jest.restoreAllMocks());

    it("builds a word from letters typed within 700 ms, and starts again after a longer pause", () => {
        let now = 10_000;
        jest.spyOn(Date, "now").mockImplementation(() => now);
        const typeAhead = new TypeAhead();
        expect(actionForKey(rows, 0, { key: "e" }, typeAhead)).toEqual({ type: "focus", index: 4 }); // eng-general
        now += 600;
        expect(actionForKey(rows, 4, { key: "n" }, typeAhead)).toEqual({ type: "focus", index: 4 }); // "en"
        now += 800;
        expect(actionForKey(rows, 4, { key: "s" }, typeAhead)).toEqual({ type: "focus", index: 6 }); // Sales, not "ens"
    });
});
