import React from "react";
import { act, render, screen } from "@testing-library/react";
import type { MatrixClient } from "matrix-js-sdk/src/matrix";
import MatrixClientContext from "matrix-react-sdk/src/contexts/MatrixClientContext";
// Imported by the SDK's own path, as LoggedInView imports it: the resolver gives Atrium's wrapper.
import SpacePanel, { HomeButtonContextMenu } from "matrix-react-sdk/src/components/views/spaces/SpacePanel";

import { chooseView } from "../../modules/space-navigator";
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
                ? ReactInner.createElement("ul", { key: "b", className: "mx_SpaceTreeLevel", role: "tree", "aria-label": "Spaces" })
                : ReactInner.createElement("ul", { key: "a", className: "mx_SpaceTreeLevel", role: "tree", "aria-label": "Spaces" }),
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

describe("SpacePanel seam", () => {
    beforeAll(loadEnglish);
    beforeEach(() => {
        localStorage.clear();
        putConfig({ brand: "Atrium" });
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
