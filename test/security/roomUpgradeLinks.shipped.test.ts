// CVE-2025-59160 / CVE-2025-59161 in the SDK as shipped: a room that names someone else's room as its
// predecessor hides that room and takes it along when it is left. What Atrium's hardening fixes
// (roomUpgradeLinks.test.ts); in a file of its own, as the hardening stays installed once installed.
import { EventType } from "matrix-js-sdk/src/matrix";

import { ids, joinInRoomList, ME, roomsLeftBy, scenario, stateEvent } from "./roomUpgradeScenario";

describe("room upgrade links in the SDK as shipped (the advisories)", () => {
    afterEach(() => jest.restoreAllMocks());

    it("a forged predecessor claim hides a tombstoned room it does not replace", () => {
        const visible = ids(scenario().getVisibleRooms());
        expect(visible).not.toContain("!tombstoned-alone:example.org");
    });

    it("a forged dynamic predecessor hides it too, when dynamic predecessors are on", () => {
        const client = scenario();
        client
            .getRoom("!claims-tombstoned:evil.example")!
            .currentState.setStateEvents([
                stateEvent("!claims-tombstoned:evil.example", EventType.RoomCreate, { creator: ME }),
            ]);
        expect(ids(client.getVisibleRooms(false))).toContain("!tombstoned-alone:example.org");
        expect(ids(client.getVisibleRooms(true))).not.toContain("!tombstoned-alone:example.org");
    });

    it("leaving a forged room also leaves the room it claims as history", async () => {
        const client = scenario();
        expect(await roomsLeftBy(client, "!bait:evil.example")).toContain("!payroll-v2:example.org");
    });

    it("joining a forged room drops the claimed room from the room list", async () => {
        const client = scenario();
        const { removed } = await joinInRoomList(client, client.getRoom("!bait:evil.example")!);
        expect(removed).toEqual(["!payroll-v2:example.org"]);
    });
});
