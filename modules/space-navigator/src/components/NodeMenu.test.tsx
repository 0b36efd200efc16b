import React from "react";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { MatrixClient } from "matrix-js-sdk/src/matrix";

import { initAtriumI18n } from "@atrium/sdk";
import type { NavigatorNode } from "../tree/model";
import { navigatorString } from "../strings";
import { canJoinDirectly, NodeMenu } from "./NodeMenu";

// The SDK's room and space menus are tested by the SDK; here they are stand-ins that show which one
// the navigator picked. The SDK's generic menu (for rooms not joined) is the real one.
jest.mock("@atrium/sdk/spaces", () => {
    const ReactInner = jest.requireActual("react");
    const menus = jest.requireActual("matrix-react-sdk/src/components/views/context_menus/IconizedContextMenu");
    return {
        __esModule: true,
        IconizedContextMenu: menus.default,
        IconizedContextMenuOption: menus.IconizedContextMenuOption,
        IconizedContextMenuOptionList: menus.IconizedContextMenuOptionList,
        RoomGeneralContextMenu: ({ room }: { room: { roomId: string } }) =>
            ReactInner.createElement("div", { role: "menu", "aria-label": `room menu ${room.roomId}` }),
        SpaceContextMenu: ({ space }: { space: { roomId: string } }) =>
            ReactInner.createElement("div", { role: "menu", "aria-label": `space menu ${space.roomId}` }),
    };
});

const client = { getRoom: (roomId: string) => ({ roomId }) } as unknown as MatrixClient;
const node = (extra: Partial<NavigatorNode>): NavigatorNode => ({
    id: "!r",
    name: "r",
    kind: "room",
    membership: "join",
    unread: 0,
    mentions: 0,
    ...extra,
});

function renderMenu(n: NavigatorNode, handlers = { onJoin: jest.fn(), onPreview: jest.fn(), onFinished: jest.fn() }) {
    render(<NodeMenu client={client} node={n} anchor={{ left: 10, top: 10 }} t={navigatorString} {...handlers} />);
    return handlers;
}

describe("NodeMenu", () => {
    beforeAll(() => initAtriumI18n("en"));

    it("gives joined rooms the SDK's room menu, and joined spaces the SDK's space menu", () => {
        renderMenu(node({}));
        expect(screen.getByRole("menu", { name: "room menu !r" })).toBeInTheDocument();
        renderMenu(node({ id: "!s", kind: "space", children: [] }));
        expect(screen.getByRole("menu", { name: "space menu !s" })).toBeInTheDocument();
    });

    it("offers Join and Preview for a room not joined that anyone (or a space member) may join", async () => {
        const handlers = renderMenu(node({ membership: "none", joinRule: "restricted" }));
        expect(screen.getAllByRole("menuitem").map((item) => item.textContent)).toEqual(["Join", "Preview"]);
        await userEvent.click(screen.getByRole("menuitem", { name: "Join" }));
        expect(handlers.onJoin).toHaveBeenCalled();
        expect(handlers.onFinished).toHaveBeenCalled();
    });

    it("offers only Preview where joining needs a knock or an invite: the room view explains what to do", async () => {
        const handlers = renderMenu(node({ membership: "none", joinRule: "knock" }));
        expect(screen.getAllByRole("menuitem").map((item) => item.textContent)).toEqual(["Preview"]);
        await userEvent.click(screen.getByRole("menuitem", { name: "Preview" }));
        expect(handlers.onPreview).toHaveBeenCalled();
        expect(canJoinDirectly("invite")).toBe(false);
        expect(canJoinDirectly("public")).toBe(true);
    });
});
