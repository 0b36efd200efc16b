import React from "react";
import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { MatrixClient } from "matrix-js-sdk/src/matrix";
import MatrixClientContext from "matrix-react-sdk/src/contexts/MatrixClientContext";
import dis from "matrix-react-sdk/src/dispatcher/dispatcher";
// Imported by the SDK's own path, as its UserOnboardingPage imports it: the resolver gives Atrium's.
import HomePage from "matrix-react-sdk/src/components/structures/HomePage";
import * as pages from "matrix-react-sdk/src/utils/pages";
import { getHomePageUrl as originalGetHomePageUrl } from "$sdk-original/utils/pages";

import { clearSlotsForTests, contribute } from "../../src/sdk/slotRegistry";
import { fakeResponse } from "../helpers/fakeResponse";
import { loadEnglish, putConfig, serveFetch } from "../helpers/sdkEnvironment";

/** Just what the home pages ask of the client: the homeserver's .well-known and guest status. */
function fakeClient(clientWellKnown: Record<string, unknown> = {}): MatrixClient {
    return {
        getClientWellKnown: () => clientWellKnown,
        isGuest: () => false,
        getUserId: () => "@alice:example.org",
    } as unknown as MatrixClient;
}

function renderHomePage(client = fakeClient()): ReturnType<typeof render> {
    return render(
        <MatrixClientContext.Provider value={client}>
            <HomePage />
        </MatrixClientContext.Provider>,
    );
}

/** Lets pending fetches answer and their pages render: long enough for the SDK's own to show one (below). */
const settle = (): Promise<void> =>
    act(async () => {
        for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setTimeout(resolve, 0));
    });

const WELL_KNOWN_HOME = { "io.element.embedded_pages": { home_url: "https://intranet.example.org/home.html" } };

const intranetPage = (url: string): Response | undefined =>
    url === "https://intranet.example.org/home.html"
        ? fakeResponse(200, "<h2>Company intranet</h2>", "text/html")
        : undefined;

describe("HomePage seam", () => {
    beforeAll(loadEnglish);
    afterEach(() => jest.restoreAllMocks());

    it("welcomes people to the brand, with its logo, and offers the three ways to start", () => {
        putConfig({ brand: "Acme", atrium: { brand: { logo_url: "acme.svg" } } });
        const { container } = renderHomePage();
        expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Welcome to Acme");
        expect(screen.getByText("Your company's rooms, spaces and people in one place.")).toBeInTheDocument();
        expect(container.querySelector(".atrium_HomeBanner img")).toHaveAttribute("src", "acme.svg");
        expect(screen.getAllByRole("button").map((b) => b.textContent)).toEqual([
            "Send a Direct Message",
            "Explore Public Rooms",
            "Create a Group Chat",
        ]);
        expect(screen.getByRole("main")).toHaveClass("mx_HomePage", "atrium_HomePage");
    });

    it("dispatches the SDK's actions for each button", async () => {
        putConfig({ brand: "Acme" });
        const dispatch = jest.spyOn(dis, "dispatch");
        renderHomePage();
        await userEvent.click(screen.getByRole("button", { name: "Send a Direct Message" }));
        await userEvent.click(screen.getByRole("button", { name: "Explore Public Rooms" }));
        await userEvent.click(screen.getByRole("button", { name: "Create a Group Chat" }));
        expect(dispatch.mock.calls.map(([payload]) => payload.action)).toEqual([
            "view_create_chat",
            "view_room_directory",
            "view_create_room",
        ]);
    });

    it("renders the SDK's original, embedding the page, when embedded_pages.home_url is set", async () => {
        putConfig({ brand: "Acme", embedded_pages: { home_url: "https://intranet.example.org/home.html" } });
        const fetchMock = serveFetch(intranetPage);
        const { container } = renderHomePage();
        expect(await screen.findByRole("heading", { name: "Company intranet" })).toBeInTheDocument();
        expect(fetchMock).toHaveBeenCalledWith("https://intranet.example.org/home.html", { method: "GET" });
        expect(screen.queryByText("Welcome to Acme")).toBeNull();
        expect(container.querySelector(".atrium_HomePage")).toBeNull();
    });

    describe("a home page named by the homeserver's .well-known (CVE-2026-55850)", () => {
        it("is fetched and shown by the SDK's own page lookup, within the time the test waits (the baseline)", async () => {
            putConfig({ brand: "Acme" });
            const fetchMock = serveFetch(intranetPage);
            jest.spyOn(pages, "getHomePageUrl").mockImplementation(originalGetHomePageUrl);
            renderHomePage(fakeClient(WELL_KNOWN_HOME));
            await settle();
            expect(fetchMock.mock.calls.map(([url]) => String(url))).toContain(
                "https://intranet.example.org/home.html",
            );
            expect(screen.getByRole("heading", { name: "Company intranet" })).toBeInTheDocument();
        });

        it("is ignored by Atrium's: after the same wait, nothing was fetched and the brand's home stays", async () => {
            putConfig({ brand: "Acme" });
            const fetchMock = serveFetch(intranetPage);
            renderHomePage(fakeClient(WELL_KNOWN_HOME));
            await settle();
            expect(fetchMock.mock.calls.map(([url]) => String(url))).not.toContain(
                "https://intranet.example.org/home.html",
            );
            expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Welcome to Acme");
            expect(screen.queryByRole("heading", { name: "Company intranet" })).toBeNull();
        });
    });

    describe("the home-page card slot", () => {
        // No cards and every module on, whichever test ran before.
        beforeEach(() => {
            clearSlotsForTests();
            putConfig({ brand: "Atrium" });
        });

        it("shows no card area while no module contributes one", () => {
            const { container } = renderHomePage();
            expect(container.querySelector(".atrium_HomePage_cards")).toBeNull();
        });

        it("shows each enabled module's card below the actions, in order", () => {
            contribute("homePageCard", {
                id: "b.second",
                module: "room-link",
                order: 2,
                render: () => <h2>Second</h2>,
            });
            contribute("homePageCard", { id: "a.first", module: "room-link", order: 1, render: () => <h2>First</h2> });
            renderHomePage();
            expect(screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent)).toEqual(["First", "Second"]);
        });

        it("leaves out a switched-off module's card", () => {
            contribute("homePageCard", { id: "a.first", module: "room-link", render: () => <h2>First</h2> });
            putConfig({ brand: "Atrium", atrium: { modules: { "room-link": { enabled: false } } } });
            renderHomePage();
            expect(screen.queryByRole("heading", { name: "First" })).toBeNull();
        });
    });
});
