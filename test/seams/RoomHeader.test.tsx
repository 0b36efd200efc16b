import React from "react";
import { render, screen } from "@testing-library/react";
import type { Room } from "matrix-js-sdk/src/matrix";
// Imported by the SDK's own path, as RoomView imports it: the resolver gives Atrium's wrapper.
import RoomHeader from "matrix-react-sdk/src/components/views/rooms/RoomHeader";

import { clearSlotsForTests, contribute } from "../../src/sdk/slotRegistry";
import { loadEnglish, putConfig } from "../helpers/sdkEnvironment";

// The SDK's header in the shape the wrapper relies on: the name (one button), then the buttons.
jest.mock("$sdk-original/components/views/rooms/RoomHeader", () => {
    const ReactInner = jest.requireActual("react");
    return {
        __esModule: true,
        default: function OriginalRoomHeader(props: { room: { name: string } }) {
            return ReactInner.createElement(
                "header",
                { className: "mx_RoomHeader" },
                ReactInner.createElement("button", { className: "mx_RoomHeader_infoWrapper" }, props.room.name),
                ReactInner.createElement(
                    "div",
                    { className: "buttons" },
                    ReactInner.createElement("button", null, "Threads"),
                ),
            );
        },
    };
});

const room = { roomId: "!plans:example.org", name: "Plans" } as unknown as Room;

describe("RoomHeader seam: the room-header item slot", () => {
    beforeAll(loadEnglish);
    beforeEach(() => {
        clearSlotsForTests();
        putConfig({ brand: "Atrium" });
    });

    it("renders the SDK's header alone when no module adds items", () => {
        const { container } = render(<RoomHeader room={room} />);
        expect(container.querySelector(".atrium_RoomHeaderItems")).toBeNull();
        expect(screen.getAllByRole("button").map((b) => b.textContent)).toEqual(["Plans", "Threads"]);
    });

    it("puts a module's item after the room's name (outside its button) and before the header's buttons", () => {
        contribute("roomHeaderItem", {
            id: "test.badge",
            module: "room-link",
            render: (roomId) => <button>{`Policy of ${roomId}`}</button>,
        });
        render(<RoomHeader room={room} />);
        expect(screen.getAllByRole("button").map((b) => b.textContent)).toEqual([
            "Plans",
            "Policy of !plans:example.org",
            "Threads",
        ]);
        expect(screen.getByRole("button", { name: "Plans" })).not.toContainElement(
            screen.getByRole("button", { name: "Policy of !plans:example.org" }),
        );
    });

    it("shows nothing of a switched-off module", () => {
        contribute("roomHeaderItem", { id: "test.badge", module: "room-link", render: () => <span>badge</span> });
        putConfig({ brand: "Atrium", atrium: { modules: { "room-link": { enabled: false } } } });
        render(<RoomHeader room={room} />);
        expect(screen.queryByText("badge")).toBeNull();
    });
});
