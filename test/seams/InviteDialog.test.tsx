// The inviteDialogNotice slot, drawn by src/seams/InviteDialog.tsx inside the SDK's real invite dialog.
import React from "react";
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { TooltipProvider } from "@vector-im/compound-web";
import type { MatrixClient } from "matrix-js-sdk/src/matrix";
import MatrixClientContext from "matrix-react-sdk/src/contexts/MatrixClientContext";
import { SdkContextClass } from "matrix-react-sdk/src/contexts/SDKContext";
// Imported by the SDK's own path, as RoomInvite imports it: the resolver gives Atrium's wrapper.
import InviteDialog from "matrix-react-sdk/src/components/views/dialogs/InviteDialog";
import SdkInviteDialog from "$sdk-original/components/views/dialogs/InviteDialog";
import { InviteKind } from "matrix-react-sdk/src/components/views/dialogs/InviteDialogTypes";

import { contribute, clearSlotsForTests } from "@atrium/sdk/slotRegistry";
import { withoutGeneratedIds } from "../helpers/markup";
import { loadEnglish, putConfig, serveFetch } from "../helpers/sdkEnvironment";
import { joinedRoom, quietHomeserver, signedInClient, ROOM_ID } from "../helpers/testRoom";

// What a module might say: how many of the people picked are from outside the company.
const renderExternalNotice = jest.fn(({ roomId, userIds }: { roomId: string | null; userIds: readonly string[] }) => {
    const external = userIds.filter((userId) => !userId.endsWith(":example.org"));
    return <p>{`${roomId ?? "New chat"}: ${external.length} external of ${userIds.length}`}</p>;
});

function contributeExternalNotice(): void {
    contribute("inviteDialogNotice", { id: "room-link.external", module: "room-link", render: renderExternalNotice });
}

describe("InviteDialog seam", () => {
    let client: MatrixClient;
    beforeAll(loadEnglish);
    beforeEach(() => {
        putConfig({ brand: "Atrium" });
        serveFetch(quietHomeserver().route);
        client = signedInClient();
        joinedRoom(client);
        // The dialog reads profiles through the SDK's context, as the signed-in app sets it.
        SdkContextClass.instance.client = client;
        renderExternalNotice.mockClear();
    });
    afterEach(() => {
        act(() => clearSlotsForTests());
        SdkContextClass.instance.onLoggedOut();
        SdkContextClass.instance.client = undefined;
        jest.restoreAllMocks();
    });

    function renderInvite(Dialog: typeof InviteDialog = InviteDialog, kind: "invite" | "dm" = "invite"): HTMLElement {
        const dialog =
            kind === "invite" ? (
                <Dialog kind={InviteKind.Invite} roomId={ROOM_ID} onFinished={jest.fn()} />
            ) : (
                <Dialog kind={InviteKind.Dm} onFinished={jest.fn()} />
            );
        return render(
            <TooltipProvider>
                <MatrixClientContext.Provider value={client}>{dialog}</MatrixClientContext.Provider>
            </TooltipProvider>,
        ).container;
    }

    async function pick(userId: string): Promise<void> {
        await userEvent.type(screen.getByTestId("invite-dialog-input"), `${userId}{Enter}`);
    }

    it("shows a module's notice inside the dialog, following the people picked as they are added and removed", async () => {
        contributeExternalNotice();
        renderInvite();
        const notices = within(screen.getByRole("dialog")).getByRole("status");
        expect(notices).toHaveTextContent(`${ROOM_ID}: 0 external of 0`);

        await pick("@bob:example.org");
        await pick("@carol:partner.example");
        expect(notices).toHaveTextContent(`${ROOM_ID}: 1 external of 2`);
        expect(renderExternalNotice).toHaveBeenLastCalledWith({
            roomId: ROOM_ID,
            userIds: ["@bob:example.org", "@carol:partner.example"],
        });

        // Backspace in the empty field takes back the last person picked, as in the SDK.
        await userEvent.type(screen.getByTestId("invite-dialog-input"), "{Backspace}");
        expect(notices).toHaveTextContent(`${ROOM_ID}: 0 external of 1`);
        await userEvent.click(screen.getByRole("button", { name: "Remove" }));
        expect(notices).toHaveTextContent(`${ROOM_ID}: 0 external of 0`);
    });

    it("tells a new direct message's notice that there is no room yet", async () => {
        contributeExternalNotice();
        renderInvite(InviteDialog, "dm");
        await pick("@carol:partner.example");
        expect(screen.getByRole("status")).toHaveTextContent("New chat: 1 external of 1");
    });

    it("leaves out the notices of a module switched off in the config", () => {
        putConfig({ brand: "Atrium", atrium: { modules: { "room-link": { enabled: false } } } });
        contributeExternalNotice();
        renderInvite();
        expect(screen.queryByRole("status")).toBeNull();
        expect(renderExternalNotice).not.toHaveBeenCalled();
    });

    it("keeps the dialog working when a notice fails", async () => {
        contribute("inviteDialogNotice", {
            id: "room-link.broken",
            module: "room-link",
            render: () => {
                throw new Error("broken notice");
            },
        });
        contributeExternalNotice();
        jest.spyOn(console, "error").mockImplementation(() => {});
        renderInvite();
        await pick("@bob:example.org");
        expect(screen.getByRole("status")).toHaveTextContent(`${ROOM_ID}: 0 external of 1`);
    });

    it("without contributions, renders exactly the SDK's dialog", () => {
        const sdk = withoutGeneratedIds(renderInvite(SdkInviteDialog).innerHTML);
        document.body.innerHTML = "";
        const wrapped = withoutGeneratedIds(renderInvite().innerHTML);
        expect(wrapped).toBe(sdk);
    });
});
