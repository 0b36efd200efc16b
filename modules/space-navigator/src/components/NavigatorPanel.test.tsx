import React, { useState } from "react";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { logger } from "matrix-js-sdk/src/logger";

import { contribute, initAtriumI18n } from "@atrium/sdk";
import { makeSnapshot, SECTION_IDS, type NavigatorNode, type NavigatorSnapshot } from "../tree/model";
import { childKey } from "../tree/rows";
import { companyTree, room, snapshotOf, space } from "../tree/testTree";
import { loadExpanded, saveExpanded } from "../userState";
import { NavigatorPanel, type NavigatorPanelProps } from "./NavigatorPanel";
import type { NodeDecorations } from "../badgeSlot";

/** The panel as SpaceNavigator uses it: expansion remembered for `userId` (SpaceNavigator's job, in small). */
function Harness(props: Partial<NavigatorPanelProps> & { userId?: string; snapshot?: NavigatorSnapshot }): JSX.Element {
    const userId = props.userId ?? "@alice:example.org";
    const [expanded, setExpanded] = useState(() => loadExpanded(userId));
    return (
        <NavigatorPanel
            snapshot={props.snapshot ?? companyTree()}
            expanded={expanded}
            onExpandedChange={(next) => {
                setExpanded(next);
                saveExpanded(userId, next);
            }}
            currentRoomId={props.currentRoomId ?? null}
            onOpen={props.onOpen ?? jest.fn()}
            onLoadMore={props.onLoadMore ?? jest.fn()}
            onMenu={props.onMenu}
            onSwitchToClassic={props.onSwitchToClassic}
            renderBadges={props.renderBadges}
        />
    );
}

const tree = (): HTMLElement => screen.getByRole("tree", { name: "Spaces" });
const items = (): string[] =>
    within(tree())
        .queryAllByRole("treeitem")
        .map((item) => item.getAttribute("aria-label")!);
const item = (name: string | RegExp): HTMLElement => within(tree()).getByRole("treeitem", { name });

describe("NavigatorPanel", () => {
    beforeAll(() => initAtriumI18n("en"));
    beforeEach(() => localStorage.clear());

    it("is one tree named Spaces with the spaces in order, sections open, counts rolled up to collapsed spaces", () => {
        render(<Harness />);
        expect(items()).toEqual(["Engineering, 10 unread, 1 mention", "Sales", "Other rooms", "lunch"]);
        expect(item(/^Engineering/)).toHaveAttribute("aria-expanded", "false");
        expect(item(/^Engineering/)).toHaveAttribute("aria-level", "1");
        expect(item("lunch")).toHaveAttribute("aria-level", "2");
        expect(within(item(/^Engineering/)).getByText("10")).toBeInTheDocument();
    });

    it("expands a space on click, leaving the counts to its rooms and sub-spaces", async () => {
        render(<Harness />);
        await userEvent.click(item(/^Engineering/));
        expect(item("Engineering")).toHaveAttribute("aria-expanded", "true");
        expect(items().slice(0, 4)).toEqual([
            "Engineering",
            "Platform, 5 unread, 1 mention",
            "eng-general",
            "eng-random, 5 unread",
        ]);
    });

    it("marks rooms not joined and suggested, and opens rooms through onOpen", async () => {
        const onOpen = jest.fn();
        render(<Harness onOpen={onOpen} />);
        await userEvent.click(item("Sales"));
        expect(item("sales-all, Not joined, Suggested")).toBeInTheDocument();
        await userEvent.click(item("sales-all, Not joined, Suggested"));
        expect(onOpen).toHaveBeenLastCalledWith(
            expect.objectContaining({ id: "!sales-all", membership: "none" }),
            expect.anything(),
        );
    });

    it("works with the keyboard as the WAI-ARIA tree pattern, with one tab stop", async () => {
        const onOpen = jest.fn();
        render(<Harness onOpen={onOpen} />);
        const tabStops = (): HTMLElement[] =>
            within(tree())
                .getAllByRole("treeitem")
                .filter((el) => el.tabIndex === 0);
        expect(tabStops()).toHaveLength(1);

        await userEvent.tab(); // the filter box
        await userEvent.keyboard("{ArrowDown}"); // into the tree
        expect(item(/^Engineering/)).toHaveFocus();
        await userEvent.keyboard("{ArrowRight}");
        expect(item("Engineering")).toHaveAttribute("aria-expanded", "true");
        await userEvent.keyboard("{ArrowRight}");
        expect(item(/^Platform/)).toHaveFocus();
        await userEvent.keyboard("{ArrowRight}{ArrowRight}{ArrowRight}");
        expect(item(/^Databases/)).toHaveAttribute("aria-expanded", "true");
        await userEvent.keyboard("{ArrowRight}");
        expect(item(/^db-ops/)).toHaveFocus();
        await userEvent.keyboard("{Enter}");
        expect(onOpen).toHaveBeenLastCalledWith(expect.objectContaining({ id: "!db-ops" }), expect.anything());
        await userEvent.keyboard("{ArrowLeft}");
        expect(item("Databases")).toHaveFocus();
        await userEvent.keyboard("{ArrowLeft}");
        expect(item(/^Databases/)).toHaveAttribute("aria-expanded", "false");
        await userEvent.keyboard("{End}");
        expect(item("lunch")).toHaveFocus();
        await userEvent.keyboard("{Home}");
        expect(item("Engineering")).toHaveFocus();
        await userEvent.keyboard("s"); // type-ahead
        expect(item("Sales")).toHaveFocus();
        expect(tabStops()).toEqual([item("Sales")]);
        await userEvent.keyboard("{ArrowUp}");
        expect(item("eng-random, 5 unread")).toHaveFocus();
    });

    it("keeps focus in the tree when the focused row goes away (Loading… replaced by what it loaded)", async () => {
        const salesWith = (children: string[], hierarchy: "loading" | "complete"): NavigatorSnapshot =>
            snapshotOf(
                [
                    space("!sales", "Sales", children, { hierarchy }),
                    room("!deals", "deals"),
                    room("!sales-new", "sales-new", { membership: "none", joinRule: "public" }),
                ],
                ["!sales"],
            );
        const { rerender } = render(<Harness snapshot={salesWith(["!deals"], "loading")} />);
        await userEvent.click(item("Sales"));
        await userEvent.keyboard("{End}");
        expect(item("Loading…")).toHaveFocus();

        rerender(<Harness snapshot={salesWith(["!deals", "!sales-new"], "complete")} />);
        expect(items()).toEqual(["Sales", "deals", "sales-new, Not joined"]);
        expect(item("sales-new, Not joined")).toHaveFocus();
    });

    it("opens a node's menu with the context-menu key, Shift+F10 or a right click, never for a section", async () => {
        const onMenu = jest.fn();
        render(<Harness onMenu={onMenu} />);
        item(/^Engineering/).focus();
        await userEvent.keyboard("{ContextMenu}");
        expect(onMenu).toHaveBeenLastCalledWith(expect.objectContaining({ key: "!eng" }), expect.any(Object));
        await userEvent.keyboard("{Shift>}{F10}{/Shift}");
        expect(onMenu).toHaveBeenCalledTimes(2);
        fireEvent.contextMenu(item("lunch"), { clientX: 40, clientY: 50 });
        expect(onMenu).toHaveBeenLastCalledWith(
            expect.objectContaining({ key: childKey(SECTION_IDS.other, "!lunch") }),
            {
                left: 40,
                top: 50,
            },
        );
        fireEvent.contextMenu(item("Other rooms"));
        expect(onMenu).toHaveBeenCalledTimes(3);
    });

    it("filters to matching rooms, keeping their ancestors visible, and says when nothing matches", async () => {
        render(<Harness />);
        const filter = screen.getByRole("searchbox", { name: "Filter spaces and rooms" });
        await userEvent.type(filter, "ops");
        expect(items()).toEqual(["Engineering", "Platform", "Databases", "db-ops, 3 unread, 1 mention"]);
        await userEvent.clear(filter);
        await userEvent.type(filter, "nothing like this");
        expect(screen.queryByRole("tree")).toBeNull();
        expect(screen.getByRole("status")).toHaveTextContent("No spaces or rooms match");
        await userEvent.keyboard("{Escape}");
        expect(items()).toHaveLength(4);
    });

    it("remembers open branches per user across reloads", async () => {
        const first = render(<Harness userId="@alice:example.org" />);
        await userEvent.click(item(/^Engineering/));
        await userEvent.click(item(/^Platform/));
        await userEvent.click(item("Other rooms"));
        first.unmount();

        render(<Harness userId="@alice:example.org" />); // a reload, as far as the tree knows
        expect(item("Engineering")).toHaveAttribute("aria-expanded", "true");
        expect(item("Platform")).toHaveAttribute("aria-expanded", "true");
        expect(item("Other rooms")).toHaveAttribute("aria-expanded", "false");
        expect(loadExpanded("@alice:example.org")).toEqual(
            new Set([SECTION_IDS.people, "!eng", childKey("!eng", "!platform")]),
        );
        // Another user on the same browser starts from the defaults.
        expect(loadExpanded("@bob:example.org")).toEqual(new Set([SECTION_IDS.people, SECTION_IDS.other]));
    });

    it("highlights the current room as the selected item", () => {
        render(<Harness currentRoomId="!lunch" />);
        expect(item("lunch")).toHaveAttribute("aria-selected", "true");
        expect(item("Sales")).toHaveAttribute("aria-selected", "false");
        expect(item("lunch").tabIndex).toBe(0);
    });

    it("renders names as text", () => {
        const hostile = '<img src=x onerror="alert(1)">';
        const snapshot = makeSnapshot(
            [
                { id: "!x", name: hostile, kind: "room", membership: "join", unread: 0, mentions: 0 },
                {
                    id: SECTION_IDS.other,
                    name: "Other rooms",
                    kind: "section",
                    membership: "join",
                    children: ["!x"],
                    unread: 0,
                    mentions: 0,
                },
            ],
            [SECTION_IDS.other],
        );
        const { container } = render(<Harness snapshot={snapshot} />);
        expect(container.querySelector("img")).toBeNull();
        expect(item(hostile)).toHaveTextContent(hostile);
    });

    /** Appends a span with `text` (and `id`) to `element`; what removes it. */
    function drawText(element: HTMLElement, text: string, id?: string): () => void {
        const span = element.appendChild(document.createElement("span"));
        span.textContent = text;
        if (id) span.id = id;
        return () => span.remove();
    }

    it("gives every node a badge slot, filled by the room-decoration slot or the prop, and empties it after", () => {
        const undrawn: string[] = [];
        const stop = contribute("roomDecoration", {
            id: "test.policy",
            module: "room-link",
            draw: (element, roomId, ids) => {
                const remove = drawText(element, `policy:${roomId}`, ids?.words);
                return () => (remove(), undrawn.push(roomId));
            },
        });
        try {
            const { container, unmount } = render(<Harness />);
            expect(container.querySelectorAll(".atrium_SpaceNav_badges")).toHaveLength(4);
            expect(within(item(/^lunch/)).getByText("policy:!lunch")).toBeInTheDocument();
            expect(item(/^lunch/)).toHaveAccessibleName("lunch policy:!lunch");
            unmount();
            expect(undrawn).toContain("!lunch");
            const fromProp: NodeDecorations = {
                count: 2,
                draw: (element, _roomId, ids) => {
                    const removes = [
                        drawText(element, "from prop", ids(0).words),
                        drawText(element, "what it means", ids(0).description),
                        drawText(element, "and more", ids(1).words),
                    ];
                    return () => removes.forEach((remove) => remove());
                },
            };
            render(<Harness renderBadges={fromProp} />);
            // What each decoration shows is part of the row's name, after the room's own name; what it
            // means, the row's description.
            expect(item("lunch from prop and more").querySelector(".atrium_SpaceNav_badges")).toHaveTextContent(
                "from prop",
            );
            expect(item(/^Engineering/)).toHaveAccessibleName("Engineering from prop and more 10 unread, 1 mention");
            expect(item(/^Engineering/)).toHaveAccessibleDescription("what it means");
        } finally {
            act(() => stop());
        }
    });

    it("keeps a row's drawn decorations through a new snapshot of the same rooms", () => {
        const drawn: string[] = [];
        const decorations: NodeDecorations = {
            count: 1,
            draw: (element, roomId, ids) => (drawn.push(roomId), drawText(element, `policy:${roomId}`, ids(0).words)),
        };
        const { rerender } = render(<Harness renderBadges={decorations} />);
        const first = drawn.length;
        expect(first).toBeGreaterThan(0);
        rerender(<Harness renderBadges={decorations} snapshot={companyTree()} />);
        expect(within(item(/^lunch/)).getByText("policy:!lunch")).toBeInTheDocument();
        expect(drawn).toHaveLength(first);
    });

    it("names a decorated row by what it shows, in order: its name and tags, the decorations' words", async () => {
        const decorations: NodeDecorations = {
            count: 1,
            draw: (element, roomId, ids) => drawText(element, `policy:${roomId}`, ids(0).words),
        };
        render(<Harness renderBadges={decorations} />);
        await userEvent.click(item(/^Sales/));
        expect(item(/^sales-all/)).toHaveAccessibleName("sales-all, Not joined, Suggested policy:!sales-all");
    });

    it("leaves out a decoration that fails to draw, and keeps the tree and the others", () => {
        const error = jest.spyOn(logger, "error").mockImplementation(() => {});
        const stops = [
            contribute("roomDecoration", {
                id: "test.broken",
                module: "room-link",
                draw: () => {
                    throw new Error("no badge today");
                },
            }),
            contribute("roomDecoration", {
                id: "test.working",
                module: "room-link",
                draw: (element, roomId) => drawText(element, `working:${roomId}`),
            }),
        ];
        try {
            render(<Harness />);
            expect(within(item(/^lunch/)).getByText("working:!lunch")).toBeInTheDocument();
            expect(error).toHaveBeenCalledWith(expect.stringContaining('"test.broken"'), expect.any(Error));
        } finally {
            act(() => stops.forEach((stop) => stop()));
            error.mockRestore();
        }
    });

    it("offers the switch back to the classic list", async () => {
        const onSwitch = jest.fn();
        render(<Harness onSwitchToClassic={onSwitch} />);
        await userEvent.click(screen.getByRole("button", { name: "Switch to classic room list" }));
        expect(onSwitch).toHaveBeenCalled();
    });

    it("renders only the rows in view of a 10,000-room tree, and keeps the focused row's tab stop", () => {
        const nodes: NavigatorNode[] = [];
        const roots: string[] = [];
        for (let s = 0; s < 500; s++) {
            const children: string[] = [];
            for (let r = 0; r < 20; r++) {
                const id = `!r${s}-${r}`;
                children.push(id);
                nodes.push({
                    id,
                    name: `room ${s}-${r}`,
                    kind: "room",
                    membership: "join",
                    unread: r === 0 ? 1 : 0,
                    mentions: 0,
                });
            }
            nodes.push({
                id: `!s${s}`,
                name: `space ${s}`,
                kind: "space",
                membership: "join",
                children,
                unread: 0,
                mentions: 0,
            });
            roots.push(`!s${s}`);
        }
        localStorage.setItem("atrium_space_navigator_expanded:@alice:example.org", JSON.stringify(roots));
        render(<Harness snapshot={makeSnapshot(nodes, roots)} />);
        const rendered = within(tree()).getAllByRole("treeitem");
        expect(rendered.length).toBeGreaterThan(10);
        expect(rendered.length).toBeLessThan(60);
        const spacer = tree().firstElementChild as HTMLElement;
        expect(spacer.style.height).toBe(`${10_500 * 32}px`);

        // Scrolled far down, the rows there render; the first row keeps the tab stop in the DOM.
        act(() => {
            tree().scrollTop = 5_000 * 32;
            fireEvent.scroll(tree());
        });
        const after = within(tree()).getAllByRole("treeitem");
        expect(after[0]).toHaveAttribute("aria-label", "space 0");
        expect(after[0].tabIndex).toBe(0);
        expect(after.some((el) => el.getAttribute("aria-label") === "room 238-1")).toBe(true);
    });
});
