import React from "react";
import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { MatrixClient } from "matrix-js-sdk/src/matrix";
import MatrixClientContext from "matrix-react-sdk/src/contexts/MatrixClientContext";
// Imported by the SDK's own path, as LeftPanel imports it: the resolver gives Atrium's wrapper.
import RoomList, { TAG_ORDER } from "matrix-react-sdk/src/components/views/rooms/RoomList";

import type { ModuleApi } from "@matrix-org/react-sdk-module-api/lib/ModuleApi";

import spaceNavigator from "../../modules/space-navigator";
import { configStore } from "../../src/config/configStore";
import { clearSlotsForTests, contribute } from "../../src/sdk/slotRegistry";
import { closeLeftPanelView, openLeftPanelView } from "../../src/sdk/panels";
import { loadEnglish, putConfig } from "../helpers/sdkEnvironment";

// The SDK's original list and the navigator are both heavy and tested on their own: here they are
// stand-ins that say which one the wrapper chose and whether focus reached it.
const mockOriginalFocus = jest.fn();
jest.mock("$sdk-original/components/views/rooms/RoomList", () => {
    const ReactInner = jest.requireActual("react");
    return {
        __esModule: true,
        TAG_ORDER: ["im.vector.fake.invite", "m.favourite"],
        default: class OriginalRoomList extends ReactInner.Component {
            public focus(): void {
                mockOriginalFocus();
            }
            public render(): JSX.Element {
                return ReactInner.createElement("div", { role: "tree", "aria-label": "Rooms" });
            }
        },
    };
});
const mockNavigatorFocus = jest.fn();
jest.mock("../../modules/space-navigator/src/components/SpaceNavigator", () => {
    const ReactInner = jest.requireActual("react");
    return {
        SpaceNavigator: ReactInner.forwardRef((props: { onSwitchToClassic(): void }, ref: React.Ref<unknown>) => {
            ReactInner.useImperativeHandle(ref, () => ({ focus: mockNavigatorFocus }));
            return ReactInner.createElement(
                "div",
                null,
                ReactInner.createElement("button", { onClick: props.onSwitchToClassic }, "Switch to classic room list"),
                ReactInner.createElement("div", { role: "tree", "aria-label": "Spaces" }),
            );
        }),
    };
});

const client = { getUserId: () => "@alice:example.org" } as unknown as MatrixClient;
const props = {
    onKeyDown: jest.fn(),
    onFocus: jest.fn(),
    onBlur: jest.fn(),
    onResize: jest.fn(),
    resizeNotifier: {} as never,
    isMinimized: false,
    activeSpace: "home-space",
};

function renderList(overrides: Partial<typeof props> = {}): { list: React.RefObject<RoomList> } {
    const list = React.createRef<RoomList>();
    render(
        <MatrixClientContext.Provider value={client}>
            <RoomList ref={list} {...props} {...overrides} />
        </MatrixClientContext.Provider>,
    );
    return { list };
}

// The room list store is the SDK's; the wrapper only asks it to sort again when a filter changes.
const mockRegenerate = jest.fn();
jest.mock("matrix-react-sdk/src/stores/room-list/RoomListStore", () => ({
    __esModule: true,
    default: { instance: { regenerateAllLists: (...args: unknown[]) => mockRegenerate(...args) } },
}));

describe("RoomList seam: the left-panel view slot", () => {
    beforeAll(loadEnglish);
    beforeEach(() => {
        localStorage.clear();
        clearSlotsForTests();
        closeLeftPanelView();
        putConfig({ brand: "Atrium", atrium: { modules: { "space-navigator": { enabled: false } } } });
    });

    function contributeDirectory(): () => void {
        return contribute("leftPanelView", {
            id: "test.directory",
            module: "room-link",
            label: () => "Directory",
            render: ({ close, focusRef }) => (
                <div role="region" aria-label="Directory">
                    <button ref={focusRef as React.Ref<HTMLButtonElement>} onClick={close}>
                        Close directory
                    </button>
                </div>
            ),
        });
    }

    it("renders exactly the SDK's list when no module contributes a view", () => {
        const { list } = renderList();
        expect(screen.getByRole("tree", { name: "Rooms" })).toBeInTheDocument();
        expect(screen.queryByRole("button")).toBeNull();
        list.current!.focus();
        expect(mockOriginalFocus).toHaveBeenCalled();
    });

    it("shows a view opened on demand in the list's place, focus reaching it, until it closes", async () => {
        contributeDirectory();
        const { list } = renderList();
        expect(screen.getByRole("tree", { name: "Rooms" })).toBeInTheDocument();
        act(() => openLeftPanelView("test.directory"));
        expect(screen.getByRole("region", { name: "Directory" })).toBeInTheDocument();
        expect(screen.queryByRole("tree", { name: "Rooms" })).toBeNull();
        list.current!.focus();
        expect(screen.getByRole("button", { name: "Close directory" })).toHaveFocus();
        await userEvent.click(screen.getByRole("button", { name: "Close directory" }));
        expect(screen.getByRole("tree", { name: "Rooms" })).toBeInTheDocument();
    });

    it("takes a switched-off module's view away live, and gives it back", () => {
        contributeDirectory();
        putConfig({ brand: "Atrium", atrium: { modules: { "room-link": { enabled: false } } } });
        renderList();
        act(() => openLeftPanelView("test.directory"));
        expect(screen.queryByRole("region", { name: "Directory" })).toBeNull();
        act(() => {
            putConfig({ brand: "Atrium", atrium: { modules: { "space-navigator": { enabled: false } } } });
            configStore.update({});
        });
        expect(screen.getByRole("region", { name: "Directory" })).toBeInTheDocument();
    });

    it("asks the SDK's room list to sort again when a room-list filter comes or says it changed", () => {
        renderList();
        mockRegenerate.mockClear();
        let changed = (): void => {};
        act(() => {
            contribute("roomListFilter", {
                id: "test.filter",
                module: "room-link",
                isHidden: () => false,
                onChange: (listener) => {
                    changed = listener;
                    return () => {};
                },
            });
        });
        expect(mockRegenerate).toHaveBeenCalledWith({ trigger: true });
        mockRegenerate.mockClear();
        act(() => changed());
        expect(mockRegenerate).toHaveBeenCalledTimes(1);
    });
});

describe("RoomList seam: the space navigator through the slot", () => {
    beforeAll(loadEnglish);
    beforeEach(() => {
        localStorage.clear();
        clearSlotsForTests();
        closeLeftPanelView();
        putConfig({ brand: "Atrium" });
        spaceNavigator.factory({} as ModuleApi);
    });

    it("shows the space navigator in the list's place by default (loaded on demand), and LeftPanel's focus() reaches it", async () => {
        const { list } = renderList();
        // Its code is a chunk of its own, fetched when the navigator first shows.
        expect(await screen.findByRole("tree", { name: "Spaces" })).toBeInTheDocument();
        expect(screen.queryByRole("tree", { name: "Rooms" })).toBeNull();
        list.current!.focus();
        expect(mockNavigatorFocus).toHaveBeenCalled();
    });

    it("switches to the classic list and back, per user, remembered, focus following the switch", async () => {
        const { list } = renderList();
        await userEvent.click(await screen.findByRole("button", { name: "Switch to classic room list" }));
        expect(screen.getByRole("tree", { name: "Rooms" })).toBeInTheDocument();
        const back = screen.getByRole("button", { name: "Switch to space navigator" });
        expect(back).toHaveFocus();
        expect(localStorage.getItem("atrium_space_navigator_view:@alice:example.org")).toBe("classic");
        list.current!.focus();
        expect(mockOriginalFocus).toHaveBeenCalled();

        await userEvent.keyboard("{Enter}");
        expect(await screen.findByRole("tree", { name: "Spaces" })).toBeInTheDocument();
        expect(localStorage.getItem("atrium_space_navigator_view:@alice:example.org")).toBe("navigator");
    });

    it("starts with the classic list when the config says so, still offering the navigator", () => {
        putConfig({ brand: "Atrium", atrium: { modules: { "space-navigator": { default_view: "classic" } } } });
        renderList();
        expect(screen.getByRole("tree", { name: "Rooms" })).toBeInTheDocument();
        expect(screen.getByRole("button", { name: "Switch to space navigator" })).toBeInTheDocument();
    });

    it("keeps the SDK's original alone, without a switch, when the config turns the module off", () => {
        putConfig({ brand: "Atrium", atrium: { modules: { "space-navigator": { enabled: false } } } });
        localStorage.setItem("atrium_space_navigator_view:@alice:example.org", "navigator");
        renderList();
        expect(screen.getByRole("tree", { name: "Rooms" })).toBeInTheDocument();
        expect(screen.queryByRole("button")).toBeNull();
    });

    it("passes on the SDK's tag order, which SpaceStore imports from this module", () => {
        expect(TAG_ORDER).toEqual(["im.vector.fake.invite", "m.favourite"]);
    });

    it("keeps the original in the minimized left panel", () => {
        renderList({ isMinimized: true });
        expect(screen.getByRole("tree", { name: "Rooms" })).toBeInTheDocument();
        expect(screen.queryByRole("tree", { name: "Spaces" })).toBeNull();
    });
});
