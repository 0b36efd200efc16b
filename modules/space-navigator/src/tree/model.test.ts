import { isExpandable, withFreshCounts, type NavigatorNode } from "./model";
import { companyTree } from "./testTree";
import { rollUpCounts } from "./rows";

describe("withFreshCounts", () => {
    it("updates only the rooms whose counts changed, sharing the rest, and the roll-up follows", () => {
        const before = companyTree();
        const after = withFreshCounts(before, (id) => (id === "!deals" ? { unread: 7, mentions: 2 } : undefined));
        expect(after).not.toBe(before);
        expect(after.roots).toBe(before.roots);
        expect(after.nodes.get("!deals")).toMatchObject({ unread: 7, mentions: 2 });
        expect(after.nodes.get("!lunch")).toBe(before.nodes.get("!lunch"));
        expect(rollUpCounts(after).get("!sales")).toEqual({ unread: 7, mentions: 2 });
    });

    it("gives back the same snapshot when nothing changed, and leaves rooms not joined alone", () => {
        const before = companyTree();
        const same = withFreshCounts(before, (id) => {
            const node = before.nodes.get(id)!;
            return id === "!sales-all" ? { unread: 9, mentions: 9 } : { unread: node.unread, mentions: node.mentions };
        });
        expect(same).toBe(before);
    });
});

describe("withFreshCounts, one count at a time", () => {
    it.each([
        ["unread only", { unread: 7, mentions: 0 }],
        ["mentions only", { unread: 0, mentions: 2 }],
    ])("takes a change of %s", (_, counts) => {
        const before = companyTree();
        expect(before.nodes.get("!deals")).toMatchObject({ unread: 0, mentions: 0 });
        const after = withFreshCounts(before, (id) => (id === "!deals" ? counts : undefined));
        expect(after).not.toBe(before);
        expect(after.nodes.get("!deals")).toMatchObject(counts);
    });
});

describe("isExpandable", () => {
    const node = (kind: NavigatorNode["kind"], membership: NavigatorNode["membership"]): NavigatorNode =>
        ({ id: "!x", name: "x", kind, membership, unread: 0, mentions: 0 }) as NavigatorNode;

    it("opens sections and joined spaces", () => {
        expect(isExpandable(node("section", "join"))).toBe(true);
        expect(isExpandable(node("space", "join"))).toBe(true);
    });

    it("keeps spaces not joined yet, and rooms, as leaves", () => {
        expect(isExpandable(node("space", "invite"))).toBe(false);
        expect(isExpandable(node("space", "none"))).toBe(false);
        expect(isExpandable(node("room", "join"))).toBe(false);
    });
});
