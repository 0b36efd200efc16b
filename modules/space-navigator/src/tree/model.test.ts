import { withFreshCounts } from "./model";
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
