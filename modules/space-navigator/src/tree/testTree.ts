// A small company for the navigator's tests: departments, sub-spaces, rooms joined and not.
import { makeSnapshot, SECTION_IDS, type NavigatorNode, type NavigatorSnapshot } from "./model";

type Partial = Pick<NavigatorNode, "id" | "name"> & Omit<globalThis.Partial<NavigatorNode>, "id" | "name">;

export const room = (id: string, name: string, extra: globalThis.Partial<NavigatorNode> = {}): Partial => ({
    id,
    name,
    kind: "room",
    ...extra,
});
export const space = (
    id: string,
    name: string,
    children: string[],
    extra: globalThis.Partial<NavigatorNode> = {},
): Partial => ({
    id,
    name,
    kind: "space",
    children,
    ...extra,
});

export function snapshotOf(nodes: Partial[], roots: string[]): NavigatorSnapshot {
    return makeSnapshot(
        nodes.map((n) => ({ membership: "join", unread: 0, mentions: 0, kind: "room", ...n }) as NavigatorNode),
        roots,
    );
}

/**
 * Engineering (Platform (Databases: #db-ops), #eng-general, #eng-random), Sales (#deals, #sales-all
 * joinable and suggested), Other rooms (#lunch).
 */
export function companyTree(): NavigatorSnapshot {
    return snapshotOf(
        [
            space("!eng", "Engineering", ["!platform", "!eng-general", "!eng-random"]),
            space("!platform", "Platform", ["!databases", "!platform-chat"]),
            space("!databases", "Databases", ["!db-ops"]),
            room("!db-ops", "db-ops", { unread: 3, mentions: 1 }),
            room("!platform-chat", "platform-chat", { unread: 2 }),
            room("!eng-general", "eng-general"),
            room("!eng-random", "eng-random", { unread: 5 }),
            space("!sales", "Sales", ["!deals", "!sales-all"]),
            room("!deals", "deals"),
            room("!sales-all", "sales-all", { membership: "none", suggested: true, joinRule: "public" }),
            { id: SECTION_IDS.other, name: "Other rooms", kind: "section", children: ["!lunch"] },
            room("!lunch", "lunch"),
        ],
        ["!eng", "!sales", SECTION_IDS.other],
    );
}
