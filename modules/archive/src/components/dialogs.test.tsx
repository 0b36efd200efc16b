import React from "react";
import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { initAtriumI18n } from "@atrium/sdk";

import { archiveStore } from "../archiveStore";
import { archiveRoom } from "../actions";
import { addRoom, putState, resetWorld, world } from "../testing/fakeSdk";
import { ArchiveForm, ExportForm, RestoreForm } from "./dialogs";

jest.mock("@atrium/sdk", () => ({
    ...jest.requireActual("@atrium/sdk"),
    ...jest.requireActual("../testing/fakeSdk").fakeSdk,
}));
jest.mock("@atrium/sdk/archiveView", () => ({ viewRoom: jest.fn(), openDialog: jest.fn(), exportRoom: jest.fn() }));

const { exportRoom } = jest.requireMock("@atrium/sdk/archiveView") as { exportRoom: jest.Mock };
const LEVELS = { users: { "@admin:hs": 100 }, events_default: 0 };
const flush = (): Promise<void> => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

describe("the archive dialogs", () => {
    beforeAll(() => initAtriumI18n("en"));
    beforeEach(async () => {
        resetWorld();
        addRoom("!a:hs", "Apollo", LEVELS);
        addRoom("!b:hs", "Budget", LEVELS);
        world.me = null;
        archiveStore.ensureWatching();
        world.me = "@admin:hs";
        archiveStore.ensureWatching();
        await flush();
    });

    it("archives several rooms with one reason", async () => {
        const onDone = jest.fn();
        render(<ArchiveForm roomIds={["!a:hs", "!b:hs"]} defaultReason="Quiet" onDone={onDone} />);
        const reason = screen.getByLabelText("Reason (everyone in the room sees it)");
        expect(reason).toHaveValue("Quiet");
        await userEvent.type(reason, " for months");
        await userEvent.click(screen.getByRole("button", { name: "Archive" }));
        await flush();
        expect(onDone).toHaveBeenCalled();
        expect(archiveStore.policyRecord("!a:hs")?.reason).toBe("Quiet for months");
        expect(archiveStore.policyRecord("!b:hs")?.reason).toBe("Quiet for months");
    });

    it("says which room failed and why, and stays open", async () => {
        world.me = "@admin:hs";
        putState("!b:hs", "m.room.power_levels", { users: { "@admin:hs": 10 } }, "@admin:hs");
        const onDone = jest.fn();
        render(<ArchiveForm roomIds={["!a:hs", "!b:hs"]} defaultReason="" onDone={onDone} />);
        await userEvent.click(screen.getByRole("button", { name: "Archive" }));
        await flush();
        expect(screen.getByRole("alert")).toHaveTextContent(
            "Budget: You do not have the power to do this in this room.",
        );
        expect(onDone).not.toHaveBeenCalled();
    });

    it("shows what was changed while archived, and what restoring changes, before restoring", async () => {
        await archiveRoom("!a:hs", "Done");
        const archived = world.rooms.get("!a:hs")!.state.get("m.room.power_levels\n")!.content as Record<
            string,
            unknown
        >;
        putState(
            "!a:hs",
            "m.room.power_levels",
            { ...archived, users: { "@admin:hs": 100, "@new:hs": 100 } },
            "@admin:hs",
        );
        await flush();
        const onDone = jest.fn();
        render(<RestoreForm roomId="!a:hs" onDone={onDone} />);
        expect(await screen.findByText(/changed while the room was archived/)).toBeInTheDocument();
        expect(screen.getByText("users › @new:hs: not set → 100")).toBeInTheDocument();
        expect(screen.getByText("events_default: 100 → 0")).toBeInTheDocument();
        await userEvent.click(screen.getByRole("button", { name: "Restore" }));
        await flush();
        expect(onDone).toHaveBeenCalled();
        expect(world.rooms.get("!a:hs")!.state.get("m.room.power_levels\n")!.content).toEqual({
            ...LEVELS,
            users: { "@admin:hs": 100, "@new:hs": 100 },
        });
    });

    it("exports in the chosen format, shows the exporter's progress and cancels it", async () => {
        let finish: (how: "done" | "cancelled") => void = () => {};
        const cancel = jest.fn(() => finish("cancelled"));
        exportRoom.mockImplementation((_roomId: string, _format: string, onProgress: (text: string) => void) => {
            onProgress("Fetched 12 events");
            return { done: new Promise((resolve) => (finish = resolve)), cancel };
        });
        render(<ExportForm roomId="!a:hs" onDone={jest.fn()} />);
        await userEvent.click(screen.getByRole("radio", { name: "JSON" }));
        await userEvent.click(screen.getByRole("button", { name: "Export" }));
        expect(exportRoom).toHaveBeenCalledWith("!a:hs", "json", expect.any(Function));
        expect(screen.getByRole("status")).toHaveTextContent("Fetched 12 events");
        await userEvent.click(screen.getByRole("button", { name: "Cancel export" }));
        await flush();
        expect(cancel).toHaveBeenCalled();
        expect(screen.getByRole("status")).toHaveTextContent("Export cancelled");
        expect(screen.getByRole("button", { name: "Export" })).toBeEnabled();
    });
});
