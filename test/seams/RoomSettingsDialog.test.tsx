// The roomSettingsTab slot, drawn by src/seams/RoomSettingsDialog.tsx as extra tabs of the SDK's
// real room settings dialog.
import React from "react";
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { TooltipProvider } from "@vector-im/compound-web";
import type { MatrixClient } from "matrix-js-sdk/src/matrix";
import MatrixClientContext from "matrix-react-sdk/src/contexts/MatrixClientContext";
// Imported by the SDK's own path, as RoomView's dialogs import it: the resolver gives Atrium's wrapper.
import RoomSettingsDialog, { RoomSettingsTab } from "matrix-react-sdk/src/components/views/dialogs/RoomSettingsDialog";
import SdkRoomSettingsDialog from "$sdk-original/components/views/dialogs/RoomSettingsDialog";

import { contribute, clearSlotsForTests } from "@atrium/sdk/slotRegistry";
import { loadEnglish, putConfig, serveFetch } from "../helpers/sdkEnvironment";
import { withoutGeneratedIds } from "../helpers/markup";
import { joinedRoom, quietHomeserver, signedInClient, ROOM_ID } from "../helpers/testRoom";

const renderRetention = jest.fn((roomId: string) => <p>Messages in {roomId} are kept for 90 days.</p>);

function contributeRetention(extra: { isVisible?(roomId: string): boolean; order?: number } = {}): () => void {
    return contribute("roomSettingsTab", {
        id: "room-link.retention",
        module: "room-link",
        label: () => "Retention",
        icon: <svg data-testid="retention-icon" />,
        render: renderRetention,
        ...extra,
    });
}

describe("RoomSettingsDialog seam", () => {
    let client: MatrixClient;
    beforeAll(loadEnglish);
    beforeEach(() => {
        putConfig({ brand: "Atrium" });
        serveFetch(quietHomeserver().route);
        client = signedInClient();
        joinedRoom(client);
        renderRetention.mockClear();
    });
    afterEach(() => {
        act(() => clearSlotsForTests());
        jest.restoreAllMocks();
    });

    function renderDialog(Dialog = RoomSettingsDialog): HTMLElement {
        return render(
            <TooltipProvider>
                <MatrixClientContext.Provider value={client}>
                    <Dialog roomId={ROOM_ID} onFinished={jest.fn()} />
                </MatrixClientContext.Provider>
            </TooltipProvider>,
        ).container;
    }

    const tabNames = (): string[] =>
        within(screen.getByRole("tablist"))
            .getAllByRole("tab")
            .map((tab) => tab.textContent ?? "");

    it("adds a module's tab after the SDK's tabs; choosing it shows what the module renders for the room", async () => {
        contributeRetention();
        renderDialog();
        expect(tabNames()[0]).toBe("General");
        expect(tabNames().at(-1)).toBe("Retention");
        // Nothing of the module runs until its tab is chosen.
        expect(renderRetention).not.toHaveBeenCalled();

        const tab = screen.getByRole("tab", { name: "Retention" });
        expect(tab).toContainElement(screen.getByTestId("retention-icon"));
        await userEvent.click(tab);
        expect(tab).toHaveAttribute("aria-selected", "true");
        expect(screen.getByRole("dialog")).toHaveTextContent(`Messages in ${ROOM_ID} are kept for 90 days.`);
        expect(renderRetention).toHaveBeenCalledWith(ROOM_ID);
    });

    it("is reached with the keyboard like the SDK's tabs", async () => {
        // The SDK's roving focus skips elements without layout (offsetParent), which jsdom never has.
        jest.spyOn(HTMLElement.prototype, "offsetParent", "get").mockImplementation(function (this: HTMLElement) {
            return this.parentElement;
        });
        contributeRetention();
        renderDialog();
        screen.getByRole("tab", { name: "General" }).focus();
        await userEvent.keyboard("{End}");
        expect(screen.getByRole("tab", { name: "Retention" })).toHaveFocus();
        await userEvent.keyboard("{Enter}");
        expect(screen.getByRole("tab", { name: "Retention" })).toHaveAttribute("aria-selected", "true");
        expect(screen.getByRole("dialog")).toHaveTextContent("kept for 90 days");
    });

    it("leaves out a tab its module hides for the room", () => {
        contributeRetention({ isVisible: (roomId) => roomId !== ROOM_ID });
        renderDialog();
        expect(screen.queryByRole("tab", { name: "Retention" })).toBeNull();
    });

    it("leaves out the tabs of a module switched off in the config", () => {
        putConfig({ brand: "Atrium", atrium: { modules: { "room-link": { enabled: false } } } });
        contributeRetention();
        renderDialog();
        expect(screen.queryByRole("tab", { name: "Retention" })).toBeNull();
        expect(screen.getByRole("tab", { name: "General" })).toBeInTheDocument();
    });

    it("goes back to the SDK's first tab when the open contributed tab goes away", async () => {
        const withdraw = contributeRetention();
        renderDialog();
        await userEvent.click(screen.getByRole("tab", { name: "Retention" }));
        act(() => withdraw());
        expect(screen.queryByRole("tab", { name: "Retention" })).toBeNull();
        expect(screen.getByRole("tab", { name: "General" })).toHaveAttribute("aria-selected", "true");
    });

    it("without contributions, renders exactly the SDK's dialog", () => {
        const sdk = withoutGeneratedIds(renderDialog(SdkRoomSettingsDialog).innerHTML);
        document.body.innerHTML = "";
        const wrapped = withoutGeneratedIds(renderDialog().innerHTML);
        expect(wrapped).toBe(sdk);
        expect(tabNames()).not.toContain("Retention");
    });

    it("passes on the SDK's tab names, which RoomView and the slash commands import from this module", () => {
        expect(RoomSettingsTab.General).toBe("ROOM_GENERAL_TAB");
    });
});
