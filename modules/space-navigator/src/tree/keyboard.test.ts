import { actionForKey, TypeAhead } from "./keyboard";
import { childKey, visibleRows, type TreeRow } from "./rows";
import { companyTree, room, snapshotOf, space } from "./testTree";

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
        now += 700;
        expect(actionForKey(rows, 4, { key: "g" }, typeAhead)).toEqual({ type: "focus", index: 4 }); // "eng", at 700 ms still
        now += 701;
        expect(actionForKey(rows, 4, { key: "s" }, typeAhead)).toEqual({ type: "focus", index: 6 }); // Sales, not "engs"
    });
});

describe("keys at the edges", () => {
    it("does nothing in an empty tree", () => {
        for (const key of ["ArrowDown", "ArrowUp", "End", "Enter", "a"]) {
            expect(actionForKey([], 0, { key }, new TypeAhead())).toEqual({ type: "none" });
        }
    });

    it("moves up one row, and from a focus left past the end (the tree shrank) starts at the last row", () => {
        expect(press(3, "ArrowUp")).toEqual({ type: "focus", index: 2 });
        expect(press(99, "ArrowUp")).toEqual({ type: "focus", index: 6 });
        expect(press(99, "Enter")).toEqual({ type: "open", index: 7 });
    });

    it("Left on a child of the first row steps out to it", () => {
        expect(press(4, "ArrowLeft")).toEqual({ type: "focus", index: 0 });
    });

    it("Right on an open branch without children, last or not, does nothing", () => {
        const snapshot = snapshotOf([space("!empty", "Empty", []), space("!last", "Last", [])], ["!empty", "!last"]);
        const open = visibleRows(snapshot, { expanded: new Set(["!empty", "!last"]) });
        expect(actionForKey(open, 0, { key: "ArrowRight" }, new TypeAhead())).toEqual({ type: "none" });
        expect(actionForKey(open, 1, { key: "ArrowRight" }, new TypeAhead())).toEqual({ type: "none" });
    });
});

describe("type-ahead and other keys", () => {
    it("takes the space bar as no letter: it ends the word being typed", () => {
        const typeAhead = new TypeAhead(500, () => 0);
        expect(actionForKey(rows, 0, { key: "e" }, typeAhead)).toEqual({ type: "focus", index: 4 });
        expect(actionForKey(rows, 4, { key: " " }, typeAhead)).toEqual({ type: "none" });
        expect(actionForKey(rows, 4, { key: "e" }, typeAhead)).toEqual({ type: "focus", index: 5 }); // "e" again
    });

    it("never searches with a key that types no character", () => {
        const named = visibleRows(snapshotOf([room("!del", "Delete requests")], ["!del"]), { expanded: new Set() });
        expect(actionForKey(named, 0, { key: "Delete" }, new TypeAhead())).toEqual({ type: "none" });
    });

    it("stays on the only row starting with the letter", () => {
        expect(press(6, "s")).toEqual({ type: "focus", index: 6 }); // Sales
    });

    it("skips a space's trailing load-more row, which bears the space's name", () => {
        const snapshot = snapshotOf(
            [space("!s", "Sales", ["!d"], { hierarchy: "more" }), room("!d", "deals"), room("!z", "Support")],
            ["!s", "!z"],
        );
        const withMore = visibleRows(snapshot, { expanded: new Set(["!s"]) });
        expect(withMore.map((r) => r.kind)).toEqual(["node", "node", "more", "node"]);
        expect(actionForKey(withMore, 1, { key: "s" }, new TypeAhead())).toEqual({ type: "focus", index: 3 });
    });
});
