import React from "react";
import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { contributionsTo, initAtriumI18n, onRoomStateChange, roomState, senderMayHaveSent } from "@atrium/sdk";
import type { ModuleApi } from "@matrix-org/react-sdk-module-api/lib/ModuleApi";

import wikiLink from "../index";
import { trustedWikiSpace, WIKI_SPACE_EVENT, wikiSpaceUrl } from "./wikiSpace";
import { WikiSpaceLink } from "./WikiSpaceLink";

// The SDK at the module's edge: the room's state, the power check and state changes.
jest.mock("@atrium/sdk", () => ({
    ...jest.requireActual("@atrium/sdk"),
    roomState: jest.fn(),
    senderMayHaveSent: jest.fn(),
    onRoomStateChange: jest.fn(() => () => undefined),
}));
const mockedState = roomState as jest.MockedFunction<typeof roomState>;
const mockedMayHaveSent = senderMayHaveSent as jest.MockedFunction<typeof senderMayHaveSent>;
const mockedOnChange = onRoomStateChange as jest.MockedFunction<typeof onRoomStateChange>;

const ROOM = "!project:acme.test";
const entry = (content: Record<string, unknown>) => ({
    content,
    sender: "@admin:acme.test",
    stateKey: "",
    eventId: "$e",
    ts: 1,
});

describe("wikiSpaceUrl", () => {
    it("keeps http(s) URLs", () => {
        expect(wikiSpaceUrl({ url: "https://wiki.acme.test/bin/view/Projects/Atlas/" })).toBe(
            "https://wiki.acme.test/bin/view/Projects/Atlas/",
        );
        expect(wikiSpaceUrl({ url: "http://127.0.0.1:8080/xwiki" })).toBe("http://127.0.0.1:8080/xwiki");
    });

    it.each([
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "https://user:pw@wiki.acme.test/",
        "//wiki.acme.test/",
        "https://wiki.acme.test/a b",
        "",
    ])("refuses %j", (url) => expect(wikiSpaceUrl({ url })).toBeNull());

    it("refuses content without a string url", () => {
        expect(wikiSpaceUrl({ url: 7 })).toBeNull();
        expect(wikiSpaceUrl(null)).toBeNull();
    });
});

describe("trustedWikiSpace", () => {
    it("trusts the link only from a sender with the power to set it", () => {
        mockedState.mockReturnValue(entry({ url: "https://wiki.acme.test/Atlas" }));
        mockedMayHaveSent.mockReturnValue(true);
        expect(trustedWikiSpace(ROOM)).toBe("https://wiki.acme.test/Atlas");
        expect(mockedMayHaveSent).toHaveBeenCalledWith(ROOM, WIKI_SPACE_EVENT, expect.anything());
        mockedMayHaveSent.mockReturnValue(false);
        expect(trustedWikiSpace(ROOM)).toBeNull();
        mockedState.mockReturnValue(null);
        expect(trustedWikiSpace(ROOM)).toBeNull();
    });
});

// Registering the module gives its strings and its header contribution (once per test file).
beforeAll(async () => {
    await initAtriumI18n("en");
    wikiLink.factory({} as ModuleApi);
});

describe("WikiSpaceLink", () => {
    beforeEach(() => initAtriumI18n("en"));

    it("is a keyboard-reachable link opening the wiki space in a new tab, and follows state changes", async () => {
        mockedState.mockReturnValue(null);
        mockedMayHaveSent.mockReturnValue(true);
        render(<WikiSpaceLink roomId={ROOM} />);
        expect(screen.queryByRole("link")).toBeNull();

        mockedState.mockReturnValue(entry({ url: "https://wiki.acme.test/Atlas" }));
        const listener = mockedOnChange.mock.calls.at(-1)![0];
        act(() => listener(ROOM));
        const link = screen.getByRole("link", { name: "Wiki space" });
        expect(link).toHaveAccessibleDescription("Open this room's wiki space in a new tab");
        expect(link).toHaveAttribute("href", "https://wiki.acme.test/Atlas");
        expect(link).toHaveAttribute("target", "_blank");
        expect(link).toHaveAttribute("rel", "noopener noreferrer");
        await userEvent.tab();
        expect(link).toHaveFocus();
    });

    it("shows nothing for a hostile URL", () => {
        mockedState.mockReturnValue(entry({ url: "javascript:alert(1)" }));
        mockedMayHaveSent.mockReturnValue(true);
        render(<WikiSpaceLink roomId={ROOM} />);
        expect(screen.queryByRole("link")).toBeNull();
    });
});

describe("wiki-link module", () => {
    it("contributes the link to the room header", () => {
        expect(contributionsTo("roomHeaderItem").map((c) => c.id)).toContain("wiki-link.header");
    });
});
