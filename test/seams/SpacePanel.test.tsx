import React from "react";
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { MatrixClient } from "matrix-js-sdk/src/matrix";
import MatrixClientContext from "matrix-react-sdk/src/contexts/MatrixClientContext";
// Imported by the SDK's own path, as LoggedInView imports it: the resolver gives Atrium's wrapper.
import SpacePanel, { HomeButtonContextMenu } from "matrix-react-sdk/src/components/views/spaces/SpacePanel";

import type { ModuleApi } from "@matrix-org/react-sdk-module-api/lib/ModuleApi";

import spaceNavigator from "../../modules/space-navigator";
import { chooseView } from "../../modules/space-navigator/src/view";
import { configStore } from "../../src/config/configStore";
import { clearSlotsForTests, contribute } from "../../src/sdk/slotRegistry";
import { closeLeftPanelView, openLeftPanelView } from "../../src/sdk/panels";
import { loadEnglish, putConfig } from "../helpers/sdkEnvironment";

// The space bar as the SDK renders it, in the shape the wrapper relies on: a nav landmark and a
// tree, both labelled "Spaces", the tree re-created by the SDK at times (drag and drop).
let mockShowSecondTree: (show: boolean) => void = () => {};
jest.mock("$sdk-original/components/views/spaces/SpacePanel", () => {
    const ReactInner = jest.requireActual("react");
    const HomeMenu = (): null => null;
    return {
        __esModule: true,
        HomeButtonContextMenu: HomeMenu,
        default: function OriginalSpacePanel(): JSX.Element {
            const [second, setSecond] = ReactInner.useState(false);
            mockShowSecondTree = setSecond;
            return ReactInner.createElement(
                "nav",
                { className: "mx_SpacePanel", "aria-label": "Spaces" },
                second
                    ? ReactInner.createElement("ul", {
                          key: "b",
                          className: "mx_SpaceTreeLevel",
                          role: "tree",
                          "aria-label": "Spaces",
                      })
                    : ReactInner.createElement("ul", {
                          key: "a",
                          className: "mx_SpaceTreeLevel",
                          role: "tree",
                          "aria-label": "Spaces",
                      }),
                ReactInner.createElement("div", {
                    key: "q",
                    className: "mx_QuickSettingsButton",
                    role: "button",
                    "aria-label": "Quick settings",
                }),
            );
        },
    };
});

const client = { getUserId: () => "@alice:example.org" } as unknown as MatrixClient;

function renderPanel(): void {
    render(
        <MatrixClientContext.Provider value={client}>
            <SpacePanel />
        </MatrixClientContext.Provider>,
    );
}

describe("SpacePanel seam: the space-bar button slot", () => {
    beforeAll(loadEnglish);
    beforeEach(() => {
        localStorage.clear();
        clearSlotsForTests();
        closeLeftPanelView();
        putConfig({ brand: "Atrium" });
    });

    function contributeButton(onClick = jest.fn(), pressed?: () => boolean): void {
        contribute("spaceBarButton", {
            id: "test.directory",
            module: "room-link",
            label: () => "Company directory",
            icon: <svg />,
            onClick,
            isPressed: pressed,
        });
    }

    it("renders the SDK's bar alone when no module contributes", () => {
        const { container } = render(
            <MatrixClientContext.Provider value={client}>
                <SpacePanel />
            </MatrixClientContext.Provider>,
        );
        expect(container.querySelector(".atrium_SpaceBarButtons")).toBeNull();
        expect(screen.getByRole("tree", { name: "Spaces" })).toBeInTheDocument();
    });

    it("puts a module's button inside the bar, above its bottom buttons, operable by keyboard", async () => {
        const onClick = jest.fn();
        let pressed = false;
        contributeButton(onClick, () => pressed);
        renderPanel();
        const bar = screen.getByRole("navigation", { name: "Spaces" });
        const button = within(bar).getByRole("button", { name: "Company directory" });
        expect(button).toHaveAttribute("aria-pressed", "false");
        const order = within(bar)
            .getAllByRole("button")
            .map((b) => b.getAttribute("aria-label"));
        expect(order).toEqual(["Company directory", "Quick settings"]);
        button.focus();
        await userEvent.keyboard("{Enter}");
        expect(onClick).toHaveBeenCalledTimes(1);
        pressed = true;
        act(() => configStore.update({}));
        expect(within(bar).getByRole("button", { name: "Company directory" })).toHaveAttribute("aria-pressed", "true");
    });

    it("takes the button away when its module is switched off", () => {
        contributeButton();
        putConfig({ brand: "Atrium", atrium: { modules: { "room-link": { enabled: false } } } });
        renderPanel();
        expect(screen.queryByRole("button", { name: "Company directory" })).toBeNull();
    });

    it("renames the bar while an opened view names it, and gives the SDK's name back after", () => {
        contribute("leftPanelView", {
            id: "test.tree",
            module: "room-link",
            label: () => "Tree",
            render: () => null,
            spaceBarLabel: () => "Space bar",
        });
        renderPanel();
        expect(screen.getByRole("tree", { name: "Spaces" })).toBeInTheDocument();
        act(() => openLeftPanelView("test.tree"));
        expect(screen.getByRole("tree", { name: "Space bar" })).toBeInTheDocument();
        act(() => closeLeftPanelView());
        expect(screen.getByRole("tree", { name: "Spaces" })).toBeInTheDocument();
    });
});

describe("SpacePanel seam: the space navigator through the slot", () => {
    beforeAll(loadEnglish);
    beforeEach(() => {
        localStorage.clear();
        clearSlotsForTests();
        closeLeftPanelView();
        putConfig({ brand: "Atrium" });
        spaceNavigator.factory({} as ModuleApi);
    });

    it("renames the space bar's tree and landmark while the navigator is the tree named Spaces", () => {
        renderPanel();
        expect(screen.getByRole("tree", { name: "Space bar" })).toBeInTheDocument();
        expect(screen.getByRole("navigation", { name: "Space bar" })).toBeInTheDocument();
        expect(screen.queryByRole("tree", { name: "Spaces" })).toBeNull();
    });

    it("renames a tree the SDK re-creates", async () => {
        renderPanel();
        act(() => mockShowSecondTree(true));
        expect(await screen.findByRole("tree", { name: "Space bar" })).toBeInTheDocument();
    });

    it("gives the SDK's names back when the user switches to the classic list, and takes them again", () => {
        renderPanel();
        act(() => chooseView("@alice:example.org", "classic"));
        expect(screen.getByRole("tree", { name: "Spaces" })).toBeInTheDocument();
        act(() => chooseView("@alice:example.org", "navigator"));
        expect(screen.getByRole("tree", { name: "Space bar" })).toBeInTheDocument();
    });

    it("passes on the Home button's menu, which RoomListHeader imports from this module", () => {
        expect(HomeButtonContextMenu).toBeInstanceOf(Function);
        expect(HomeButtonContextMenu.name).toBe("HomeMenu");
    });

    it("leaves the space bar as the SDK made it when the module is off", () => {
        putConfig({ brand: "Atrium", atrium: { modules: { "space-navigator": { enabled: false } } } });
        renderPanel();
        expect(screen.getByRole("tree", { name: "Spaces" })).toBeInTheDocument();
    });
});
