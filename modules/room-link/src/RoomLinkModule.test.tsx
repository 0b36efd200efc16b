import SdkConfig from "matrix-react-sdk/src/SdkConfig";
import React from "react";
import { render, screen } from "@testing-library/react";
import { RoomViewLifecycle, ViewRoomOpts } from "@matrix-org/react-sdk-module-api/lib/lifecycles/RoomViewLifecycle";
import { ModuleRunner } from "matrix-react-sdk/src/modules/ModuleRunner";
import { copyToClipboard, initAtriumI18n, roomPermalink } from "@atrium/sdk";

import roomLink from "../index";
import { COPY_ROOM_LINK_BUTTON_ID, copyRoomLink } from "./RoomLinkModule";

// The SDK at the module's one edge: the permalink and the clipboard. Everything else is real.
jest.mock("@atrium/sdk", () => ({
    ...jest.requireActual("@atrium/sdk"),
    roomPermalink: jest.fn((roomId: string) => `https://matrix.to/#/${roomId}`),
    copyToClipboard: jest.fn(async () => true),
}));

const mockedCopy = copyToClipboard as jest.MockedFunction<typeof copyToClipboard>;
const mockedPermalink = roomPermalink as jest.MockedFunction<typeof roomPermalink>;

function statusText(): string | null {
    return document.querySelector("[role=status]")?.textContent ?? null;
}

/** What the SDK's RoomHeader does on viewing a room: ask the modules for header buttons. */
function headerButtonsFor(roomId: string): ViewRoomOpts["buttons"] {
    const opts: ViewRoomOpts = { buttons: [] };
    ModuleRunner.instance.invoke(RoomViewLifecycle.ViewRoom, opts, roomId);
    return opts.buttons;
}

describe("room-link module", () => {
    beforeAll(async () => {
        await initAtriumI18n("en");
        ModuleRunner.instance.reset();
        ModuleRunner.instance.registerModule(roomLink.factory);
    });
    afterAll(() => ModuleRunner.instance.reset());

    beforeEach(async () => {
        await initAtriumI18n("en");
        document.body.replaceChildren();
    });

    it("adds one header button to every room it is asked about", () => {
        const buttons = headerButtonsFor("!abc:example.org");
        expect(buttons).toHaveLength(1);
        expect(buttons[0].id).toBe(COPY_ROOM_LINK_BUTTON_ID);
        expect(buttons[0].id).toBe("atrium.room-link.copy");
        expect(buttons[0].label()).toBe("Copy room link");
        expect(headerButtonsFor("!other:example.org")).toHaveLength(1);
    });

    it("adds no button while the config switches the module off, and adds it again when switched on", () => {
        SdkConfig.put({ atrium: { modules: { "room-link": { enabled: false } } } } as never);
        try {
            expect(headerButtonsFor("!abc:example.org")).toHaveLength(0);
            SdkConfig.put({ atrium: { modules: { "room-link": { enabled: true } } } } as never);
            expect(headerButtonsFor("!abc:example.org")).toHaveLength(1);
        } finally {
            SdkConfig.reset();
        }
    });

    it("labels the button in the current language", async () => {
        const [button] = headerButtonsFor("!abc:example.org");
        await initAtriumI18n("de");
        expect(button.label()).toBe("Raumlink kopieren");
        await initAtriumI18n("fr");
        expect(button.label()).toBe("Copier le lien du salon");
    });

    it("gives the button a decorative icon", () => {
        const [button] = headerButtonsFor("!abc:example.org");
        const icon = typeof button.icon === "function" ? button.icon() : button.icon;
        const { container } = render(<>{icon}</>);
        expect(container.querySelector("svg")).toHaveAttribute("aria-hidden", "true");
    });

    it("copies the link of the room it was made for and announces it", async () => {
        const [button] = headerButtonsFor("!abc:example.org");
        button.onClick();
        await screen.findByText("Room link copied");
        expect(mockedPermalink).toHaveBeenCalledWith("!abc:example.org");
        expect(mockedCopy).toHaveBeenCalledWith("https://matrix.to/#/!abc:example.org");
        expect(statusText()).toBe("Room link copied");
    });
});

describe("copyRoomLink", () => {
    // The module registers its strings when it is loaded, as in the app: on its own here too, so
    // these tests do not depend on the ones above having run first.
    beforeAll(async () => {
        await initAtriumI18n("en");
        ModuleRunner.instance.reset();
        ModuleRunner.instance.registerModule(roomLink.factory);
    });
    afterAll(() => ModuleRunner.instance.reset());

    beforeEach(async () => {
        await initAtriumI18n("en");
    });

    it("resolves true and announces success when the link was copied", async () => {
        mockedCopy.mockResolvedValueOnce(true);
        await expect(copyRoomLink("!r:example.org")).resolves.toBe(true);
        expect(mockedCopy).toHaveBeenCalledWith("https://matrix.to/#/!r:example.org");
        expect(screen.getByRole("status")).toHaveTextContent("Room link copied");
    });

    it("resolves false and announces the failure when the browser refused", async () => {
        mockedCopy.mockResolvedValueOnce(false);
        await expect(copyRoomLink("!r:example.org")).resolves.toBe(false);
        expect(screen.getByRole("status")).toHaveTextContent("Could not copy the room link");
    });

    it("announces the failure when there is no client to make the link", async () => {
        mockedPermalink.mockImplementationOnce(() => {
            throw new Error("no client");
        });
        await expect(copyRoomLink("!r:example.org")).resolves.toBe(false);
        expect(screen.getByRole("status")).toHaveTextContent("Could not copy the room link");
    });

    it("announces in the current language", async () => {
        await initAtriumI18n("ru");
        await copyRoomLink("!r:example.org");
        expect(screen.getByRole("status")).toHaveTextContent("Ссылка на комнату скопирована");
    });
});
