// Room facts for tests: a joined room on the company's server that follows every default rule,
// changed field by field.
import { readCatalogue, type Catalogue } from "./catalogue";
import type { RoomFacts } from "./policy";

export const OWN = "company.example";
export const OTHER = "partner.example";

export const catalogue: Catalogue = readCatalogue({ own_servers: [OWN] }, null).catalogue;

export function facts(changes: Partial<RoomFacts> = {}): RoomFacts {
    return {
        knowledge: "joined",
        creatorServer: OWN,
        encrypted: true,
        federate: false,
        joinRule: "invite",
        guestAccess: "forbidden",
        historyVisibility: "joined",
        retention: null,
        memberServers: [OWN],
        classification: null,
        archive: null,
        ...changes,
    };
}

export const classified = (id: unknown, senderHasPower = true): Pick<RoomFacts, "classification"> => ({
    classification: { content: { id }, senderHasPower },
});
