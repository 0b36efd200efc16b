import type { Room } from "matrix-js-sdk/src/matrix";

import { HIERARCHY_PAGE_SIZE, HierarchyLoader } from "./hierarchyLoader";

// The js-sdk's RoomHierarchy is real; the homeserver's /hierarchy answers are scripted.
function spaceWithPages(pages: Array<{ rooms: object[]; next_batch?: string } | Error>): {
    space: Room;
    calls: unknown[][];
} {
    const calls: unknown[][] = [];
    const client = {
        getRoomHierarchy: jest.fn(async (...args: unknown[]) => {
            calls.push(args);
            const page = pages.shift()!;
            if (page instanceof Error) throw page;
            return page;
        }),
    };
    return { space: { roomId: "!space", client } as unknown as Room, calls };
}

const child = (id: string, extra: object = {}) => ({ room_id: id, name: id.slice(1), children_state: [], ...extra });
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe("HierarchyLoader", () => {
    it("loads a space's first page once, one level deep, then more pages on request", async () => {
        const { space, calls } = spaceWithPages([
            { rooms: [child("!space"), child("!a", { join_rule: "public" })], next_batch: "b1" },
            { rooms: [child("!b", { room_type: "m.space" })] },
        ]);
        const changed = jest.fn();
        const loader = new HierarchyLoader(changed);
        loader.ensureLoaded(space);
        loader.ensureLoaded(space);
        expect(loader.get("!space")?.status).toBe("loading");
        await settle();
        expect(calls).toEqual([["!space", HIERARCHY_PAGE_SIZE, 1, false, undefined]]);
        expect(loader.get("!space")?.status).toBe("more");
        expect([...loader.get("!space")!.rooms.keys()]).toEqual(["!a"]); // the space itself is not its own child
        expect(loader.get("!space")!.rooms.get("!a")).toEqual({ name: "a", joinRule: "public", isSpace: false });

        loader.loadMore("!space");
        await settle();
        expect(calls[1][4]).toBe("b1");
        expect(loader.get("!space")?.status).toBe("complete");
        expect(loader.get("!space")!.rooms.get("!b")).toMatchObject({ isSpace: true });
        expect(changed.mock.calls.length).toBeGreaterThanOrEqual(4);
    });

    it("marks a failed load, and tries again on request", async () => {
        const { space } = spaceWithPages([new Error("502"), { rooms: [child("!a")] }]);
        const loader = new HierarchyLoader(() => {});
        loader.ensureLoaded(space);
        await settle();
        expect(loader.get("!space")?.status).toBe("failed");
        loader.loadMore("!space");
        await settle();
        expect(loader.get("!space")?.status).toBe("complete");
        expect(loader.get("!space")!.rooms.has("!a")).toBe(true);
    });
});
