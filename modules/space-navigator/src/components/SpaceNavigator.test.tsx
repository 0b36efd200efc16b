import React from "react";
import { EventEmitter } from "events";
import { act, cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ClientEvent, RoomEvent } from "matrix-js-sdk/src/matrix";

import { initAtriumI18n } from "@atrium/sdk";
import { buildSnapshot } from "../sdkSnapshot";
import { companyTree } from "../tree/testTree";
import { SpaceNavigator } from "./SpaceNavigator";

// The SDK at the module's edge (@atrium/sdk/spaces) and the snapshot builder are stand-ins: this
// tests how the navigator reacts to the client, the room view and its own actions.
let mockFirstSyncDone = true;
// A new client per test: the navigator's store is kept per client (../snapshotStore).
const newClient = () =>
    Object.assign(new EventEmitter(), {
        getSafeUserId: () => "@alice:example.org",
        isInitialSyncComplete: () => mockFirstSyncDone,
        getRoom: (roomId: string) => ({ roomId }),
    });
let mockClient = newClient();
const mockRoomView = new EventEmitter();
let mockOpenRoom: string | null = null;
const mockCounts = new Map<string, { unread: number; mentions: number }>();
jest.mock("@atrium/sdk/spaces", () => ({
    __esModule: true,
    // The client's event names are the js-sdk's own.
    ClientEvent: jest.requireActual("matrix-js-sdk/src/matrix").ClientEvent,
    RoomEvent: jest.requireActual("matrix-js-sdk/src/matrix").RoomEvent,
    RoomStateEvent: jest.requireActual("matrix-js-sdk/src/matrix").RoomStateEvent,
    currentClient: () => mockClient,
    currentRoomId: () => mockOpenRoom,
    notificationCounts: (room: { roomId: string }) => mockCounts.get(room.roomId) ?? { unread: 0, mentions: 0 },
    onCurrentRoomChange: (listener: (roomId: string | null) => void) => {
        mockRoomView.on("change", listener);
        return () => mockRoomView.off("change", listener);
    },
    onSpaceBarSelection: (listener: (spaceId: string) => void) => {
        mockRoomView.on("space", listener);
        return () => mockRoomView.off("space", listener);
    },
    onTopLevelSpacesChange: () => () => {},
    viewRoom: jest.fn(),
    previewHierarchyRoom: jest.fn(),
    joinHierarchyRoom: jest.fn(),
    RoomHierarchy: jest.fn(),
}));
jest.mock("../sdkSnapshot", () => ({ __esModule: true, buildSnapshot: jest.fn() }));
const mockedBuild = buildSnapshot as jest.MockedFunction<typeof buildSnapshot>;
const { viewRoom } = jest.requireMock("@atrium/sdk/spaces") as { viewRoom: jest.Mock };

const item = (name: string | RegExp): HTMLElement =>
    within(screen.getByRole("tree", { name: "Spaces" })).getByRole("treeitem", { name });

describe("SpaceNavigator", () => {
    beforeAll(() => initAtriumI18n("en"));
    beforeEach(() => {
        jest.useFakeTimers();
        localStorage.clear();
        mockCounts.clear();
        mockOpenRoom = null;
        mockFirstSyncDone = true;
        mockClient = newClient();
        mockedBuild.mockImplementation(() => companyTree());
    });
    afterEach(() => jest.useRealTimers());

    it("refreshes counts on messages without rebuilding, and rebuilds on a change of shape", () => {
        render(<SpaceNavigator />);
        expect(mockedBuild).toHaveBeenCalledTimes(1);
        expect(item("Sales")).toBeInTheDocument();

        mockCounts.set("!deals", { unread: 2, mentions: 0 });
        act(() => {
            mockClient.emit(RoomEvent.Timeline);
            mockClient.emit(RoomEvent.Receipt);
            jest.advanceTimersByTime(200);
        });
        expect(item("Sales, 2 unread")).toBeInTheDocument();
        expect(mockedBuild).toHaveBeenCalledTimes(1);

        act(() => {
            mockClient.emit(ClientEvent.Room);
            mockClient.emit(RoomEvent.Timeline);
            jest.advanceTimersByTime(200);
        });
        expect(mockedBuild).toHaveBeenCalledTimes(2);
    });

    it("builds the tree once when the first sync is done, not while its rooms arrive", () => {
        mockFirstSyncDone = false;
        render(<SpaceNavigator />);
        expect(mockedBuild).toHaveBeenCalledTimes(1); // what the client holds at mount
        act(() => {
            for (let i = 0; i < 50; i++) {
                mockClient.emit(ClientEvent.Room);
                mockClient.emit(RoomEvent.Timeline);
                jest.advanceTimersByTime(200);
            }
        });
        expect(mockedBuild).toHaveBeenCalledTimes(1);

        mockFirstSyncDone = true;
        act(() => {
            mockClient.emit(ClientEvent.Sync, "PREPARED");
        });
        expect(mockedBuild).toHaveBeenCalledTimes(2);
        act(() => {
            mockClient.emit(ClientEvent.Room);
            jest.advanceTimersByTime(200);
        });
        expect(mockedBuild).toHaveBeenCalledTimes(3);
    });

    it("shows the kept snapshot when shown again, with what changed while hidden applied once", () => {
        const first = render(<SpaceNavigator />);
        expect(mockedBuild).toHaveBeenCalledTimes(1);
        first.unmount();

        // Hidden: messages and new rooms are only noted, nothing is built or counted meanwhile.
        render(<SpaceNavigator />).unmount();
        expect(mockedBuild).toHaveBeenCalledTimes(1);
        mockCounts.set("!deals", { unread: 2, mentions: 0 });
        act(() => {
            mockClient.emit(RoomEvent.Timeline);
            jest.advanceTimersByTime(1000);
        });
        expect(mockedBuild).toHaveBeenCalledTimes(1);
        render(<SpaceNavigator />);
        expect(item("Sales, 2 unread")).toBeInTheDocument(); // counts refreshed at the showing, no rebuild
        expect(mockedBuild).toHaveBeenCalledTimes(1);
        cleanup();

        act(() => {
            mockClient.emit(ClientEvent.Room);
            mockClient.emit(ClientEvent.Room);
            jest.advanceTimersByTime(1000);
        });
        expect(mockedBuild).toHaveBeenCalledTimes(1);
        render(<SpaceNavigator />);
        expect(mockedBuild).toHaveBeenCalledTimes(2); // one rebuild, when shown
        act(() => {
            jest.advanceTimersByTime(1000);
        });
        expect(mockedBuild).toHaveBeenCalledTimes(2);
    });

    it("lets go of the previous client when another one signs in", () => {
        render(<SpaceNavigator />).unmount();
        const previous = mockClient;
        expect(previous.listenerCount(ClientEvent.Room)).toBe(1);
        mockClient = newClient();
        render(<SpaceNavigator />);
        expect(mockedBuild).toHaveBeenCalledTimes(2);
        // Nothing holds the previous client any more, and its events change nothing.
        for (const event of [ClientEvent.Room, RoomEvent.Timeline, ClientEvent.Sync])
            expect(previous.listenerCount(event)).toBe(0);
        act(() => {
            previous.emit(ClientEvent.Room);
            jest.advanceTimersByTime(1000);
        });
        expect(mockedBuild).toHaveBeenCalledTimes(2);
    });

    it("follows the room opened elsewhere: opens its branch, highlights it, remembers the branch", () => {
        render(<SpaceNavigator />);
        act(() => {
            mockRoomView.emit("change", "!db-ops");
        });
        expect(item("db-ops, 3 unread, 1 mention")).toHaveAttribute("aria-selected", "true");
        expect(item("Engineering")).toHaveAttribute("aria-expanded", "true");
        expect(item(/^Databases/)).toHaveAttribute("aria-expanded", "true");
        expect(localStorage.getItem("atrium_space_navigator_expanded:@alice:example.org")).toContain("!databases");
    });

    it("reveals the room already open when it mounts (opened by a link at start)", () => {
        mockOpenRoom = "!db-ops";
        render(<SpaceNavigator />);
        expect(item("db-ops, 3 unread, 1 mention")).toHaveAttribute("aria-selected", "true");
        expect(item(/^Platform/)).toHaveAttribute("aria-expanded", "true");
        expect(item(/^Databases/)).toHaveAttribute("aria-expanded", "true");
    });

    it("reveals a room opened before the tree knew it, once it appears", () => {
        const withoutLunch = companyTree();
        const nodes = new Map(withoutLunch.nodes);
        nodes.delete("!lunch");
        nodes.set("atrium.section.other", { ...nodes.get("atrium.section.other")!, children: [] });
        mockedBuild.mockImplementationOnce(() => ({ nodes, roots: withoutLunch.roots }));
        localStorage.setItem("atrium_space_navigator_expanded:@alice:example.org", "[]");
        render(<SpaceNavigator />);
        act(() => {
            mockRoomView.emit("change", "!lunch");
        });
        expect(item("Other rooms")).toHaveAttribute("aria-expanded", "false");
        act(() => {
            mockClient.emit(ClientEvent.Room);
            jest.advanceTimersByTime(200);
        });
        expect(item("Other rooms")).toHaveAttribute("aria-expanded", "true");
        expect(item("lunch")).toHaveAttribute("aria-selected", "true");
    });

    it("opens the space picked in the space bar, with the branches above it", () => {
        render(<SpaceNavigator />);
        act(() => {
            mockRoomView.emit("space", "!platform");
        });
        expect(item("Engineering")).toHaveAttribute("aria-expanded", "true");
        expect(item("Platform")).toHaveAttribute("aria-expanded", "true");
        expect(item(/^Databases/)).toBeInTheDocument();
    });

    it("opens joined rooms with the SDK's view action", async () => {
        jest.useRealTimers();
        render(<SpaceNavigator />);
        await userEvent.click(item(/^Engineering/));
        await userEvent.click(item("eng-general"));
        expect(viewRoom).toHaveBeenCalledWith("!eng-general");
    });
});
