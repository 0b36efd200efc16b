import type { Room } from "matrix-js-sdk/src/matrix";
// Imported by the SDK's own path, as its VisibilityProvider imports it: the resolver gives ours.
import { RoomListCustomisations } from "matrix-react-sdk/src/customisations/RoomList";

import { clearSlotsForTests, contribute } from "../../src/sdk/slotRegistry";
import { putConfig } from "../helpers/sdkEnvironment";

const room = (roomId: string): Room => ({ roomId }) as unknown as Room;
const visible = (roomId: string): boolean | undefined => RoomListCustomisations.isRoomVisible?.(room(roomId));

describe("the SDK's RoomList customisation: the room-list filter slot", () => {
    beforeEach(() => {
        clearSlotsForTests();
        putConfig({ brand: "Atrium" });
    });

    it("lists every room while no module filters", () => {
        expect(visible("!a:example.org")).toBe(true);
    });

    it("hides the rooms an enabled module's filter hides, and only those", () => {
        contribute("roomListFilter", {
            id: "test.archive",
            module: "room-link",
            isHidden: (id) => id === "!old:example.org",
        });
        expect(visible("!old:example.org")).toBe(false);
        expect(visible("!new:example.org")).toBe(true);
        putConfig({ brand: "Atrium", atrium: { modules: { "room-link": { enabled: false } } } });
        expect(visible("!old:example.org")).toBe(true);
    });

    it("ignores a filter that throws rather than emptying the list", () => {
        contribute("roomListFilter", {
            id: "test.broken",
            module: "room-link",
            isHidden: () => {
                throw new Error("broken");
            },
        });
        expect(visible("!a:example.org")).toBe(true);
    });
});
