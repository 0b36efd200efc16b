// The rightPanelCard slot: src/seams/RightPanel.tsx draws an open contributed card in the SDK's real
// right panel, and openRightPanelCard (@atrium/sdk, through src/sdk/rightPanel.ts) opens the panel.
import React from "react";
import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { TooltipProvider } from "@vector-im/compound-web";
import type { MatrixClient, Room } from "matrix-js-sdk/src/matrix";
import MatrixClientContext from "matrix-react-sdk/src/contexts/MatrixClientContext";
import { SdkContextClass } from "matrix-react-sdk/src/contexts/SDKContext";
// Imported by the SDK's own path, as RoomView imports it: the resolver gives Atrium's wrapper.
import RightPanel from "matrix-react-sdk/src/components/structures/RightPanel";
import SdkRightPanel from "$sdk-original/components/structures/RightPanel";
import RightPanelStore from "matrix-react-sdk/src/stores/right-panel/RightPanelStore";
import { UPDATE_EVENT } from "matrix-react-sdk/src/stores/AsyncStore";
import { RightPanelPhases } from "matrix-react-sdk/src/stores/right-panel/RightPanelStorePhases";
import { RoomPermalinkCreator } from "matrix-react-sdk/src/utils/permalinks/Permalinks";
import ResizeNotifier from "matrix-react-sdk/src/utils/ResizeNotifier";

import { closeRightPanelCard, openedRightPanelCard, openRightPanelCard } from "@atrium/sdk";
import { contribute, clearSlotsForTests } from "@atrium/sdk/slotRegistry";
import { withoutGeneratedIds } from "../helpers/markup";
import { loadEnglish, putConfig, serveFetch } from "../helpers/sdkEnvironment";
import { joinedRoom, quietHomeserver, signedInClient, ROOM_ID } from "../helpers/testRoom";

const CARD = "room-link.people";
const renderPeople = jest.fn((roomId: string) => <p>{`Who is who in ${roomId}`}</p>);

/** Opens the card as a module does, letting React draw what follows. */
const openCard = (): Promise<void> =>
    act(async () => {
        await openRightPanelCard(CARD);
    });

const settle = (): Promise<void> => act(() => new Promise((resolve) => setTimeout(resolve, 50)));

function contributePeople(): void {
    contribute("rightPanelCard", {
        id: CARD,
        module: "room-link",
        label: () => "People directory",
        render: renderPeople,
    });
}

describe("RightPanel seam", () => {
    let client: MatrixClient;
    let room: Room;
    beforeAll(loadEnglish);
    beforeEach(() => {
        putConfig({ brand: "Atrium" });
        serveFetch(quietHomeserver().route);
        client = signedInClient();
        room = joinedRoom(client);
        RightPanelStore.instance.reset();
        // The room on screen, as RoomViewStore knows it once the user opened the room.
        jest.spyOn(SdkContextClass.instance.roomViewStore, "getRoomId").mockReturnValue(ROOM_ID);
        renderPeople.mockClear();
    });
    afterEach(() => {
        act(() => {
            closeRightPanelCard();
            clearSlotsForTests();
        });
        jest.restoreAllMocks();
    });

    function renderPanel(Panel: typeof RightPanel = RightPanel): HTMLElement {
        return render(
            <TooltipProvider>
                <MatrixClientContext.Provider value={client}>
                    <Panel
                        room={room}
                        permalinkCreator={new RoomPermalinkCreator(room)}
                        resizeNotifier={new ResizeNotifier()}
                    />
                </MatrixClientContext.Provider>
            </TooltipProvider>,
        ).container;
    }

    it("opens the right panel of the room on screen and shows the card there, in the SDK's card with a heading", async () => {
        contributePeople();
        expect(RightPanelStore.instance.isOpenForRoom(ROOM_ID)).toBe(false);
        await act(async () => {
            expect(await openRightPanelCard(CARD)).toBe(true);
        });
        // RoomView draws the right panel while its store says it is open for the room.
        expect(RightPanelStore.instance.isOpenForRoom(ROOM_ID)).toBe(true);

        const panel = renderPanel();
        expect(panel.querySelector("aside.mx_RightPanel .mx_BaseCard")).not.toBeNull();
        expect(screen.getByRole("heading", { name: "People directory" })).toBeInTheDocument();
        expect(screen.getByText(`Who is who in ${ROOM_ID}`)).toBeInTheDocument();
        expect(renderPeople).toHaveBeenCalledWith(ROOM_ID);
    });

    it("closes with its close button: closeRightPanelCard, and the panel hidden again as it was", async () => {
        contributePeople();
        await openCard();
        renderPanel();
        await userEvent.click(screen.getByRole("button", { name: "Close" }));
        expect(openedRightPanelCard()).toBeNull();
        expect(RightPanelStore.instance.isOpenForRoom(ROOM_ID)).toBe(false);
        expect(screen.queryByRole("heading", { name: "People directory" })).toBeNull();
    });

    it("over a panel already open: closing the card brings back the SDK's card, the panel staying open", async () => {
        contributePeople();
        RightPanelStore.instance.setCard({ phase: RightPanelPhases.PinnedMessages }, true, ROOM_ID);
        await openCard();
        renderPanel();
        expect(screen.getByRole("heading", { name: "People directory" })).toBeInTheDocument();
        await userEvent.click(screen.getByRole("button", { name: "Close" }));
        await settle();
        expect(screen.getByRole("heading", { name: "Pinned messages" })).toBeInTheDocument();
        expect(RightPanelStore.instance.isOpenForRoom(ROOM_ID)).toBe(true);
    });

    it("gives way when the user turns to one of the SDK's cards", async () => {
        contributePeople();
        await openCard();
        renderPanel();
        act(() => RightPanelStore.instance.setCard({ phase: RightPanelPhases.PinnedMessages }, true, ROOM_ID));
        await screen.findByRole("heading", { name: "Pinned messages" });
        await settle();
        expect(openedRightPanelCard()).toBeNull();
        expect(screen.queryByRole("heading", { name: "People directory" })).toBeNull();
        expect(RightPanelStore.instance.isOpenForRoom(ROOM_ID)).toBe(true);
    });

    it("gives way when the user opens another room", async () => {
        contributePeople();
        await openCard();
        jest.spyOn(SdkContextClass.instance.roomViewStore, "getRoomId").mockReturnValue("!other:example.org");
        act(() => void SdkContextClass.instance.roomViewStore.emit(UPDATE_EVENT));
        expect(openedRightPanelCard()).toBeNull();
    });

    it("hands the panel over from one card to the next: the last one closed hides the panel it opened", async () => {
        contributePeople();
        contribute("rightPanelCard", {
            id: "room-link.rota",
            module: "room-link",
            label: () => "On-call rota",
            render: () => <p>Rota</p>,
        });
        await openCard();
        await act(async () => {
            await openRightPanelCard("room-link.rota");
        });
        renderPanel();
        expect(screen.getByRole("heading", { name: "On-call rota" })).toBeInTheDocument();
        await userEvent.click(screen.getByRole("button", { name: "Close" }));
        expect(openedRightPanelCard()).toBeNull();
        expect(RightPanelStore.instance.isOpenForRoom(ROOM_ID)).toBe(false);
    });

    it("opens nothing when no room is on screen", async () => {
        contributePeople();
        jest.spyOn(SdkContextClass.instance.roomViewStore, "getRoomId").mockReturnValue(null);
        expect(await openRightPanelCard(CARD)).toBe(false);
        expect(openedRightPanelCard()).toBeNull();
    });

    it("shows the SDK's panel when the card's module is switched off in the config", async () => {
        putConfig({ brand: "Atrium", atrium: { modules: { "room-link": { enabled: false } } } });
        contributePeople();
        await openCard();
        renderPanel();
        expect(screen.queryByRole("heading", { name: "People directory" })).toBeNull();
        expect(renderPeople).not.toHaveBeenCalled();
    });

    it("without contributions, renders exactly the SDK's panel", async () => {
        RightPanelStore.instance.setCard({ phase: RightPanelPhases.PinnedMessages }, true, ROOM_ID);
        const sdkPanel = renderPanel(SdkRightPanel);
        // The pinned messages card loads its list after the first render.
        await settle();
        const sdk = withoutGeneratedIds(sdkPanel.innerHTML);
        document.body.innerHTML = "";
        const wrappedPanel = renderPanel();
        await settle();
        const wrapped = withoutGeneratedIds(wrappedPanel.innerHTML);
        expect(wrapped).toBe(sdk);
        expect(sdk).toContain("mx_PinnedMessagesCard");
    });
});
