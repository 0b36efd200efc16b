import React from "react";
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { contributionsTo, initAtriumI18n, isRoomListed, openedLeftPanelView } from "@atrium/sdk";
import { clearSlotsForTests } from "@atrium/sdk/slotRegistry";

import { archiveStore } from "./archiveStore";
import { archiveForMe, archiveRoom } from "./actions";
import { contributeArchive } from "./ArchiveModule";
import { ArchiveView } from "./components/ArchiveView";
import { ArchiveSettingsTab } from "./components/ArchiveSettingsTab";
import { addRoom, resetWorld, world } from "./testing/fakeSdk";

jest.mock("@atrium/sdk", () => ({
    ...jest.requireActual("@atrium/sdk"),
    ...jest.requireActual("./testing/fakeSdk").fakeSdk,
}));
// The SDK's room view, modal and exporter at the lazily loaded edge.
jest.mock("@atrium/sdk/archiveView", () => ({
    viewRoom: jest.fn(),
    openDialog: jest.fn(async () => {}),
    exportRoom: jest.fn(),
}));
jest.mock("./lazyDialogs", () => ({
    openArchiveDialog: jest.fn(),
    openRestoreDialog: jest.fn(),
    openExportDialog: jest.fn(),
    openOptionsDialog: jest.fn(),
}));

const { viewRoom } = jest.requireMock("@atrium/sdk/archiveView") as { viewRoom: jest.Mock };
const dialogs = jest.requireMock("./lazyDialogs") as Record<string, jest.Mock>;

const ADMIN_LEVELS = { users: { "@admin:hs": 100, "@member:hs": 0 } };
const flush = (): Promise<void> => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

async function freshWorld(): Promise<void> {
    resetWorld();
    addRoom("!apollo:hs", "Project Apollo", ADMIN_LEVELS, "Moon landing");
    addRoom("!budget:hs", "Budget", ADMIN_LEVELS);
    addRoom("!lunch:hs", "Lunch", ADMIN_LEVELS);
    world.me = null;
    archiveStore.ensureWatching();
    world.me = "@admin:hs";
    archiveStore.ensureWatching();
    await flush();
}

describe("the archive module's contributions", () => {
    let stops: (() => void)[] = [];
    beforeAll(() => initAtriumI18n("en"));
    beforeEach(async () => {
        clearSlotsForTests();
        stops = contributeArchive();
        await freshWorld();
        Object.values(dialogs).forEach((mock) => mock.mockClear());
    });
    afterEach(() => stops.forEach((stop) => stop()));

    it("hides rooms archived by policy or for me from the room list", async () => {
        await archiveRoom("!apollo:hs", "Done");
        await archiveForMe("!budget:hs");
        expect(isRoomListed("!apollo:hs")).toBe(false);
        expect(isRoomListed("!budget:hs")).toBe(false);
        expect(isRoomListed("!lunch:hs")).toBe(true);
    });

    it("opens and closes the archive view from a space-bar button named Archive", () => {
        const [button] = contributionsTo("spaceBarButton");
        expect(button.label()).toBe("Archive");
        button.onClick();
        expect(openedLeftPanelView()).toBe("archive.view");
        expect(button.isPressed?.()).toBe(true);
        button.onClick();
        expect(openedLeftPanelView()).toBeNull();
    });

    it("offers archive and restore in the context menu to admins only, and archive for me to everyone", async () => {
        const visible = (roomId: string): string[] =>
            contributionsTo("roomContextMenuItem")
                .filter((item) => item.isVisible?.(roomId) ?? true)
                .map((item) => item.label());
        expect(visible("!apollo:hs")).toEqual(["Archive room", "Archive for me"]);
        await archiveRoom("!apollo:hs", "Done");
        expect(visible("!apollo:hs")).toEqual(["Restore room", "Archive for me"]);
        world.me = "@member:hs";
        expect(visible("!lunch:hs")).toEqual(["Archive for me"]);
        world.me = "@admin:hs";
        const archive = contributionsTo("roomContextMenuItem").find((item) => item.id === "archive.archive-room")!;
        archive.onSelect("!lunch:hs");
        expect(dialogs.openArchiveDialog).toHaveBeenCalledWith(["!lunch:hs"]);
    });

    it("shows the banner with who, when and why, Restore for admins, and hides the composer", async () => {
        await archiveRoom("!apollo:hs", "Project delivered");
        const header = contributionsTo("roomHeaderItem")[0];
        render(
            <div className="mx_RoomView">
                <div className="mx_RoomView_body">
                    <div>{header.render("!apollo:hs")}</div>
                </div>
            </div>,
        );
        const banner = screen.getByRole("note", { name: "Archived for everyone" });
        expect(banner).toHaveTextContent(/^Archived on .+ by Ada Admin: Project delivered/);
        expect(document.querySelector(".mx_RoomView")).toHaveAttribute("data-atrium-archived");
        await userEvent.click(within(banner).getByRole("button", { name: "Restore" }));
        expect(dialogs.openRestoreDialog).toHaveBeenCalledWith("!apollo:hs");
    });

    it("shows no Restore to a member", async () => {
        await archiveRoom("!apollo:hs", "");
        world.me = "@member:hs"; // another user signs in: the store checks the record again
        archiveStore.ensureWatching();
        await flush();
        render(<>{contributionsTo("roomHeaderItem")[0].render("!apollo:hs")}</>);
        expect(screen.getByRole("note", { name: "Archived for everyone" })).toHaveTextContent(
            /^Archived on .+ by Ada Admin$/,
        );
        expect(screen.queryByRole("button", { name: "Restore" })).toBeNull();
        world.me = "@admin:hs";
    });

    it("gives the settings tab the room's state and the actions allowed", async () => {
        render(<ArchiveSettingsTab roomId="!lunch:hs" />);
        expect(screen.getByRole("status")).toHaveTextContent("This room is not archived.");
        await userEvent.click(screen.getByRole("button", { name: "Archive for me" }));
        expect(await screen.findByText("You archived this room for yourself.")).toBeInTheDocument();
        expect(screen.getByRole("button", { name: "Back to my list" })).toBeInTheDocument();
        await userEvent.click(screen.getByRole("button", { name: "Archive room" }));
        expect(dialogs.openArchiveDialog).toHaveBeenCalledWith(["!lunch:hs"]);
    });
});

describe("the archive view", () => {
    beforeAll(() => initAtriumI18n("en"));
    beforeEach(async () => {
        clearSlotsForTests();
        await freshWorld();
        await archiveRoom("!apollo:hs", "Mission over");
        await archiveForMe("!budget:hs");
    });

    const renderView = () => {
        const focusRef = React.createRef<{ focus(): void }>();
        const close = jest.fn();
        render(<ArchiveView userId="@admin:hs" close={close} focusRef={focusRef} />);
        return { focusRef, close };
    };

    it("lists both kinds, marked, with who and why", () => {
        renderView();
        const apollo = screen.getByRole("listitem", { name: "Project Apollo" });
        expect(apollo).toHaveTextContent("Archived for everyone");
        expect(apollo).toHaveTextContent("by Ada Admin");
        expect(apollo).toHaveTextContent("Reason: Mission over");
        expect(screen.getByRole("listitem", { name: "Budget" })).toHaveTextContent("Archived for me");
        expect(screen.queryByRole("listitem", { name: "Lunch" })).toBeNull();
    });

    it("searches by topic, keyboard first: the left panel's focus lands in the search box", async () => {
        const { focusRef } = renderView();
        act(() => focusRef.current!.focus());
        expect(screen.getByRole("searchbox", { name: "Search archived rooms" })).toHaveFocus();
        await userEvent.keyboard("moon");
        expect(
            screen
                .getAllByRole("listitem")
                .map((item) => item.getAttribute("aria-labelledby") && item.querySelector("h3")!.textContent),
        ).toEqual(["Project Apollo"]);
        await userEvent.clear(screen.getByRole("searchbox"));
        await userEvent.keyboard("zzz");
        expect(screen.getByRole("status")).toHaveTextContent("No archived rooms match");
    });

    it("opens, exports and restores from an entry, and brings a personal one back", async () => {
        const { close } = renderView();
        const apollo = screen.getByRole("listitem", { name: "Project Apollo" });
        await userEvent.click(within(apollo).getByRole("button", { name: "Open" }));
        expect(viewRoom).toHaveBeenCalledWith("!apollo:hs");
        await userEvent.click(within(apollo).getByRole("button", { name: "Export" }));
        expect(dialogs.openExportDialog).toHaveBeenCalledWith("!apollo:hs");
        await userEvent.click(within(apollo).getByRole("button", { name: "Restore" }));
        expect(dialogs.openRestoreDialog).toHaveBeenCalledWith("!apollo:hs");
        await userEvent.click(
            within(screen.getByRole("listitem", { name: "Budget" })).getByRole("button", { name: "Back to my list" }),
        );
        await flush();
        expect(screen.queryByRole("listitem", { name: "Budget" })).toBeNull();
        await userEvent.click(screen.getByRole("button", { name: "Close the archive" }));
        expect(close).toHaveBeenCalled();
    });
});
