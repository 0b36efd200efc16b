// The roomContextMenuItem slot, drawn by src/seams/RoomGeneralContextMenu.tsx inside the SDK's real
// room context menu (room list tiles) and, through @atrium/sdk/spaces, the space navigator's.
import React from "react";
import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { MatrixClient, Room } from "matrix-js-sdk/src/matrix";
import MatrixClientContext from "matrix-react-sdk/src/contexts/MatrixClientContext";
// Imported by the SDK's own path, as RoomTile imports it: the resolver gives Atrium's wrapper.
import { RoomGeneralContextMenu } from "matrix-react-sdk/src/components/views/context_menus/RoomGeneralContextMenu";
import { RoomGeneralContextMenu as SdkRoomGeneralContextMenu } from "$sdk-original/components/views/context_menus/RoomGeneralContextMenu";

import { contribute, clearSlotsForTests } from "@atrium/sdk/slotRegistry";
import * as navigatorSdk from "@atrium/sdk/spaces";
import { NodeMenu } from "../../modules/space-navigator/src/components/NodeMenu";
import { navigatorString } from "../../modules/space-navigator/src/strings";
import { loadEnglish, putConfig } from "../helpers/sdkEnvironment";
import { joinedRoom, signedInClient, ROOM_ID } from "../helpers/testRoom";

const archive = jest.fn();

function contributeArchive(extra: { isVisible?(roomId: string): boolean } = {}): void {
    contribute("roomContextMenuItem", {
        id: "room-link.archive",
        module: "room-link",
        label: () => "Archive room",
        icon: <svg data-testid="archive-icon" />,
        onSelect: archive,
        ...extra,
    });
}

describe("RoomGeneralContextMenu seam", () => {
    let client: MatrixClient;
    let room: Room;
    beforeAll(loadEnglish);
    beforeEach(() => {
        putConfig({ brand: "Atrium" });
        client = signedInClient();
        room = joinedRoom(client);
        archive.mockReset();
    });
    afterEach(() => {
        act(() => clearSlotsForTests());
        jest.restoreAllMocks();
    });

    function renderMenu(
        Menu = RoomGeneralContextMenu,
        onFinished = jest.fn(),
    ): { onFinished: jest.Mock; container: HTMLElement } {
        const { container } = render(
            <MatrixClientContext.Provider value={client}>
                <Menu room={room} onFinished={onFinished} />
            </MatrixClientContext.Provider>,
        );
        return { onFinished, container };
    }

    it("shows a module's item as an option of its own list, above the SDK's Leave, and closes the menu when chosen", async () => {
        contributeArchive();
        const { onFinished } = renderMenu();
        const names = screen.getAllByRole("menuitem").map((item) => item.getAttribute("aria-label"));
        expect(names.slice(-2)).toEqual(["Archive room", "Leave"]);
        expect(names).toContain("Settings");
        const item = screen.getByRole("menuitem", { name: "Archive room" });
        expect(item.closest(".mx_IconizedContextMenu_optionList")).not.toBe(
            screen.getByRole("menuitem", { name: "Settings" }).closest(".mx_IconizedContextMenu_optionList"),
        );
        expect(item).toContainElement(screen.getByTestId("archive-icon"));

        await userEvent.click(item);
        expect(archive).toHaveBeenCalledWith(ROOM_ID);
        expect(onFinished).toHaveBeenCalledTimes(1);
    });

    it("is reached and chosen with the keyboard like the SDK's options", async () => {
        // The SDK's roving focus skips elements without layout (offsetParent), which jsdom never has.
        jest.spyOn(HTMLElement.prototype, "offsetParent", "get").mockImplementation(function (this: HTMLElement) {
            return this.parentElement;
        });
        contributeArchive();
        const { onFinished } = renderMenu();
        // The menu takes focus when it opens; End goes to its last option (Leave), Up to the one before.
        await userEvent.keyboard("{End}{ArrowUp}");
        expect(screen.getByRole("menuitem", { name: "Archive room" })).toHaveFocus();
        await userEvent.keyboard("{Enter}");
        expect(archive).toHaveBeenCalledWith(ROOM_ID);
        expect(onFinished).toHaveBeenCalled();
    });

    it("leaves out an item its module hides for this room", () => {
        contributeArchive({ isVisible: (roomId) => roomId !== ROOM_ID });
        renderMenu();
        expect(screen.queryByRole("menuitem", { name: "Archive room" })).toBeNull();
    });

    it("leaves out an item that fails, keeping the rest of the menu", () => {
        jest.spyOn(console, "error").mockImplementation(() => {});
        contributeArchive({
            isVisible: () => {
                throw new Error("no answer");
            },
        });
        renderMenu();
        expect(screen.queryByRole("menuitem", { name: "Archive room" })).toBeNull();
        expect(screen.getByRole("menuitem", { name: "Leave" })).toBeInTheDocument();
    });

    it("leaves out the items of a module switched off in the config", () => {
        putConfig({ brand: "Atrium", atrium: { modules: { "room-link": { enabled: false } } } });
        contributeArchive();
        renderMenu();
        expect(screen.queryByRole("menuitem", { name: "Archive room" })).toBeNull();
        expect(screen.getByRole("menuitem", { name: "Leave" })).toBeInTheDocument();
    });

    it("without contributions, renders exactly the SDK's menu", () => {
        const sdk = renderMenu(SdkRoomGeneralContextMenu).container.innerHTML;
        document.body.innerHTML = "";
        const wrapped = renderMenu().container.innerHTML;
        expect(wrapped).toBe(sdk);
    });

    it("gives the space navigator's room menus the same items (it renders this menu through @atrium/sdk/spaces)", async () => {
        expect(navigatorSdk.RoomGeneralContextMenu).toBe(RoomGeneralContextMenu);
        contributeArchive();
        const onFinished = jest.fn();
        render(
            <MatrixClientContext.Provider value={client}>
                <NodeMenu
                    client={client}
                    node={{
                        id: ROOM_ID,
                        name: "Engineering",
                        kind: "room",
                        membership: "join",
                        unread: 0,
                        mentions: 0,
                    }}
                    anchor={{ left: 10, top: 10 }}
                    t={navigatorString}
                    onJoin={jest.fn()}
                    onPreview={jest.fn()}
                    onFinished={onFinished}
                />
            </MatrixClientContext.Provider>,
        );
        await userEvent.click(screen.getByRole("menuitem", { name: "Archive room" }));
        expect(archive).toHaveBeenCalledWith(ROOM_ID);
        expect(onFinished).toHaveBeenCalled();
    });
});
