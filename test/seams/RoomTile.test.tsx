import React from "react";
import { render, screen, within } from "@testing-library/react";
import type { Room } from "matrix-js-sdk/src/matrix";
// Imported by the SDK's own path, as RoomSublist imports it: the resolver gives Atrium's wrapper.
import RoomTile, { contextMenuBelow } from "matrix-react-sdk/src/components/views/rooms/RoomTile";

import { clearSlotsForTests, contribute } from "../../src/sdk/slotRegistry";
import { loadEnglish, putConfig } from "../helpers/sdkEnvironment";

// The SDK's tile in the shape the wrapper relies on: an option holding a title container.
jest.mock("$sdk-original/components/views/rooms/RoomTile", () => {
    const ReactInner = jest.requireActual("react");
    return {
        __esModule: true,
        contextMenuBelow: () => ({ left: 1, top: 2 }),
        RoomTile: class {},
        default: function OriginalRoomTile(props: { room: { roomId: string; name: string }; isMinimized: boolean }) {
            return ReactInner.createElement(
                "div",
                { role: "option", "aria-label": props.room.name, className: "mx_RoomTile" },
                props.isMinimized
                    ? null
                    : ReactInner.createElement(
                          "div",
                          { className: "mx_RoomTile_titleContainer" },
                          ReactInner.createElement("div", { className: "mx_RoomTile_title" }, props.room.name),
                      ),
            );
        },
    };
});

const room = { roomId: "!plans:example.org", name: "Plans" } as unknown as Room;
const renderTile = (isMinimized = false): ReturnType<typeof render> =>
    render(<RoomTile room={room} showMessagePreview={false} isMinimized={isMinimized} tag="im.vector.fake.recent" />);

describe("RoomTile seam: the room-decoration slot on the classic list", () => {
    beforeAll(loadEnglish);
    beforeEach(() => {
        clearSlotsForTests();
        putConfig({ brand: "Atrium" });
    });

    it("renders the SDK's tile alone when no module decorates rooms", () => {
        const { container } = renderTile();
        expect(container.querySelector(".atrium_RoomDecorations")).toBeNull();
        expect(screen.getByRole("option", { name: "Plans" })).toHaveTextContent(/^Plans$/);
    });

    it("draws a module's decoration at the end of the tile's title, for that room, as a tile", () => {
        contribute("roomDecoration", {
            id: "test.badge",
            module: "room-link",
            render: (roomId, place) => <span>{`badge ${roomId} ${place}`}</span>,
        });
        const { container } = renderTile();
        const title = container.querySelector(".mx_RoomTile_titleContainer")!;
        expect(within(title as HTMLElement).getByText("badge !plans:example.org tile")).toBeInTheDocument();
        expect(title.lastElementChild).toHaveClass("atrium_RoomDecorations");
    });

    it("draws nothing in the minimized panel, nor for a switched-off module", () => {
        contribute("roomDecoration", { id: "test.badge", module: "room-link", render: () => <span>badge</span> });
        renderTile(true);
        expect(screen.queryByText("badge")).toBeNull();
        putConfig({ brand: "Atrium", atrium: { modules: { "room-link": { enabled: false } } } });
        renderTile();
        expect(screen.queryByText("badge")).toBeNull();
    });

    it("passes on what the list's other modules import from the tile's module", () => {
        expect(contextMenuBelow({ left: 0, bottom: 0 })).toEqual({ left: 1, top: 2 });
    });
});
