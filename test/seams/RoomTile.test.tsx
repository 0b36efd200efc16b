import React from "react";
import { cleanup, render, screen, within } from "@testing-library/react";
import { logger } from "matrix-js-sdk/src/logger";
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

    /** A decoration that writes the room it was drawn for, and counts what it took away. */
    function textDecoration(id = "test.badge"): { undraw: jest.Mock } {
        const undraw = jest.fn();
        contribute("roomDecoration", {
            id,
            module: "room-link",
            draw: (element, roomId) => {
                element.textContent = `${id} ${roomId}`;
                return undraw;
            },
        });
        return { undraw };
    }

    it("draws a module's decoration at the end of the tile's title, for that room, and takes it away after", () => {
        const { undraw } = textDecoration();
        const { container, unmount } = renderTile();
        const title = container.querySelector(".mx_RoomTile_titleContainer")!;
        expect(within(title as HTMLElement).getByText("test.badge !plans:example.org")).toBeInTheDocument();
        expect(title.lastElementChild).toHaveClass("atrium_RoomDecorations");
        expect(undraw).not.toHaveBeenCalled();
        unmount();
        expect(undraw).toHaveBeenCalledTimes(1);
    });

    it("draws nothing in the minimized panel, nor for a switched-off module", () => {
        const { undraw } = textDecoration();
        const { rerender } = renderTile(true);
        expect(screen.queryByText(/test\.badge/)).toBeNull();
        // Out of the minimized panel the title comes back, and the decoration with it.
        rerender(<RoomTile room={room} showMessagePreview={false} isMinimized={false} tag="im.vector.fake.recent" />);
        expect(screen.getByText("test.badge !plans:example.org")).toBeInTheDocument();
        rerender(<RoomTile room={room} showMessagePreview={false} isMinimized={true} tag="im.vector.fake.recent" />);
        expect(screen.queryByText(/test\.badge/)).toBeNull();
        expect(undraw).toHaveBeenCalledTimes(1);
        cleanup();
        putConfig({ brand: "Atrium", atrium: { modules: { "room-link": { enabled: false } } } });
        renderTile();
        expect(screen.queryByText(/test\.badge/)).toBeNull();
    });

    it("leaves out a decoration that fails to draw, and keeps the tile and the others", () => {
        const error = jest.spyOn(logger, "error").mockImplementation(() => {});
        contribute("roomDecoration", {
            id: "test.broken",
            module: "room-link",
            draw: () => {
                throw new Error("no badge today");
            },
        });
        textDecoration("test.working");
        renderTile();
        expect(screen.getByRole("option", { name: "Plans" })).toBeInTheDocument();
        expect(screen.getByText("test.working !plans:example.org")).toBeInTheDocument();
        expect(error).toHaveBeenCalledWith(expect.stringContaining('"test.broken"'), expect.any(Error));
        error.mockRestore();
    });

    it("passes on what the list's other modules import from the tile's module", () => {
        expect(contextMenuBelow({ left: 0, bottom: 0 })).toEqual({ left: 1, top: 2 });
    });
});
