import React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import { initAtriumI18n } from "@atrium/sdk";

import { DirectoryError } from "../directoryClient";
import { MemoryDirectory, person, recordingPeople, smallCompany } from "../testDirectory";
import { FALLBACK_DEBOUNCE_MS } from "../useDirectorySearch";
import { CompanyDirectoryPanel } from "./CompanyDirectoryPanel";

/**
 * userEvent inside an async act: the searches a keystroke starts resolve inside it, so React applies
 * their results within act (as it would in the browser's next task) rather than warning.
 */
const user = {
    type: (element: HTMLElement, text: string) =>
        act(async () => {
            await userEvent.type(element, text);
        }),
    click: (element: HTMLElement) =>
        act(async () => {
            await userEvent.click(element);
        }),
    keyboard: (keys: string) =>
        act(async () => {
            await userEvent.keyboard(keys);
        }),
    selectOptions: (element: HTMLElement, value: string) =>
        act(async () => {
            await userEvent.selectOptions(element, value);
        }),
};

const search = (): HTMLElement => screen.getByRole("combobox", { name: "Search people" });
const resultNames = (): string[] =>
    within(screen.getByRole("listbox", { name: "People" }))
        .queryAllByRole("option")
        .map((option) => option.querySelector(".atrium_DirectoryResults_name")!.textContent!);

function renderPanel(directory = new MemoryDirectory(smallCompany()), people = recordingPeople()) {
    const onClose = jest.fn();
    render(<CompanyDirectoryPanel onClose={onClose} directory={directory} people={people} />);
    return { directory, people, onClose };
}

describe("CompanyDirectoryPanel", () => {
    beforeAll(() => initAtriumI18n("en"));

    describe("search", () => {
        it("lists everyone at first and narrows the results as you type (title, accents folded)", async () => {
            renderPanel();
            await waitFor(() => expect(resultNames()).toHaveLength(6));
            await user.type(search(), "reliab");
            await waitFor(() => expect(resultNames()).toEqual(["Inès Dubois"]));
            await user.type(search(), "{Backspace>6/}ines");
            await waitFor(() => expect(resultNames()).toEqual(["Inès Dubois"]));
        });

        it("says what to try when no one matches", async () => {
            renderPanel();
            await user.type(search(), "zzz");
            expect(await screen.findByText(/No one matches “zzz”. Try part of a name/)).toBeInTheDocument();
        });

        it("opens a result with the keyboard: arrows move through the list, Enter opens", async () => {
            renderPanel();
            await user.type(search(), "lead");
            await waitFor(() => expect(resultNames()).toEqual(["Erin Walsh", "Farid Haddad", "Grace Tan"]));
            await user.keyboard("{ArrowDown}{ArrowDown}");
            expect(screen.getByRole("option", { name: /Farid Haddad/ })).toHaveAttribute("aria-selected", "true");
            expect(search()).toHaveAttribute("aria-activedescendant", screen.getByRole("option", { name: /Farid/ }).id);
            await user.keyboard("{Enter}");
            expect(await screen.findByRole("heading", { name: "Farid Haddad" })).toBeInTheDocument();
        });

        it("says when it shows an old copy because the source is down, and how old", async () => {
            const directory = new MemoryDirectory(smallCompany());
            directory.source = {
                state: "stale",
                refreshed_at: "2026-01-01T00:00:00Z",
                age_seconds: 7260,
                error: "ECONNREFUSED",
                people: 6,
            };
            renderPanel(directory);
            expect(
                await screen.findByText(/cannot be read right now; showing its copy from 2 h ago/),
            ).toBeInTheDocument();
            expect(resultNames()).toHaveLength(6);
        });

        it("closes with Escape", async () => {
            const { onClose } = renderPanel();
            await waitFor(() => expect(resultNames()).toHaveLength(6));
            fireEvent.keyDown(search(), { key: "Escape" });
            expect(onClose).toHaveBeenCalledTimes(1);
        });

        it("keeps the DOM row count constant however many people match (virtualized), paging on scroll", async () => {
            const many = Array.from({ length: 100_000 }, (_, i) =>
                person(`p${i}`, `Person ${String(i).padStart(6, "0")}`),
            );
            const directory = new MemoryDirectory(many);
            renderPanel(directory);
            await waitFor(() => expect(resultNames().length).toBeGreaterThan(0));
            const rendered = resultNames().length;
            expect(rendered).toBeLessThan(40);
            const listbox = screen.getByRole("listbox", { name: "People" });
            const viewport = listbox.parentElement!;
            // Scrolled to the end of the first page, the next page is asked for and the row count stays.
            act(() => {
                viewport.scrollTop = 90 * 52;
                fireEvent.scroll(viewport);
            });
            await waitFor(() => expect(directory.searches.some((s) => s.cursor)).toBe(true));
            await waitFor(() => expect(Number(listbox.style.height.replace("px", ""))).toBe(200 * 52));
            expect(resultNames().length).toBeLessThanOrEqual(rendered + 12);
            expect(resultNames()[0]).not.toBe("Person 000000");
        }, 20_000); // 100,000 people in memory, filtered and sorted per request: seconds on a busy machine
    });

    describe("browsing by department and location", () => {
        it("shows the department tree with head counts; choosing one filters the results", async () => {
            const { directory } = renderPanel();
            await user.click(await screen.findByRole("button", { name: "Browse by department" }));
            const tree = screen.getByRole("navigation", { name: "Departments" });
            expect(within(tree).getByRole("button", { name: /Everyone\s*6 people/ })).toBeInTheDocument();
            expect(within(tree).getByRole("button", { name: /^Engineering\s*4 people/ })).toBeInTheDocument();
            expect(within(tree).queryByRole("button", { name: /^Platform/ })).toBeNull();
            await user.click(within(tree).getByRole("button", { name: "Expand Engineering" }));
            await user.click(within(tree).getByRole("button", { name: /^Platform\s*2 people/ }));
            await waitFor(() => expect(resultNames()).toEqual(["Erin Walsh", "Inès Dubois"]));
            // The first answer held the whole company (no next cursor): the department's people were
            // known from it without asking the service again.
            expect(directory.searches.filter((s) => s.department)).toEqual([]);
            expect(within(tree).getByRole("button", { name: /^Platform/ })).toHaveAttribute("aria-pressed", "true");
        });

        it("filters by location", async () => {
            renderPanel();
            const location = await screen.findByRole("combobox", { name: "Location" });
            await user.selectOptions(location, "Paris");
            await waitFor(() => expect(resultNames()).toEqual(["Grace Tan"]));
        });
    });

    describe("the person card", () => {
        it("shows who they are and how to reach them, and the manager chain and reports, each clickable", async () => {
            const { people } = renderPanel();
            await user.type(search(), "platform lead");
            await user.click(await screen.findByRole("option", { name: /Erin Walsh/ }));
            const card = await screen.findByRole("article", { name: "Erin Walsh" });
            expect(within(card).getByText("Platform Lead")).toBeInTheDocument();
            expect(within(card).getByText("Engineering › Platform")).toBeInTheDocument();
            expect(within(card).getByText("London")).toBeInTheDocument();
            expect(within(card).getByText(/^Local time \d\d:\d\d/)).toBeInTheDocument();
            expect(within(card).getByRole("link", { name: "Email erin@example.com" })).toHaveAttribute(
                "href",
                "mailto:erin@example.com",
            );
            expect(within(card).getByRole("link", { name: "Call +44 20 5550 1004" })).toHaveAttribute(
                "href",
                "tel:+442055501004",
            );
            expect(await within(card).findByText("Online")).toBeInTheDocument();
            expect(people.presence).toHaveBeenCalledWith("@erin:example.com");

            const chain = within(card).getByRole("region", { name: "Reports to" });
            expect(
                within(chain)
                    .getAllByRole("button")
                    .map((b) => b.textContent),
            ).toEqual(["Boris OkaforVP Engineering", "Ada LindqvistChief Executive Officer"]);
            const reports = within(card).getByRole("region", { name: "Direct reports" });
            expect(within(reports).getByRole("button", { name: /Inès Dubois/ })).toBeInTheDocument();

            await user.click(within(chain).getByRole("button", { name: /Boris Okafor/ }));
            const boris = await screen.findByRole("article", { name: "Boris Okafor" });
            expect(
                within(within(boris).getByRole("region", { name: "Direct reports" })).getAllByRole("button"),
            ).toHaveLength(2);
        });

        it("messages, copies the Matrix ID and shows the profile", async () => {
            const { people } = renderPanel();
            await user.click(await screen.findByRole("option", { name: /Grace Tan/ }));
            const card = await screen.findByRole("article", { name: "Grace Tan" });
            await user.click(within(card).getByRole("button", { name: "Message" }));
            expect(people.openDirectMessage).toHaveBeenCalledWith("@grace:example.com");
            await user.click(within(card).getByRole("button", { name: "Copy Matrix ID" }));
            expect(people.copyToClipboard).toHaveBeenCalledWith("@grace:example.com");
            expect(within(card).getByRole("status")).toHaveTextContent("Matrix ID copied");
            await user.click(within(card).getByRole("button", { name: "View profile" }));
            expect(people.showProfile).toHaveBeenCalledWith("@grace:example.com");
            await user.click(within(card).getByRole("button", { name: "Back to results" }));
            expect(search()).toBeInTheDocument();
        });

        it("says why a person without a Matrix account cannot be messaged", async () => {
            renderPanel(new MemoryDirectory([person("x", "Xavier Ng", { matrix_id: null })]));
            await user.click(await screen.findByRole("option", { name: /Xavier Ng/ }));
            expect(
                await screen.findByText("Xavier Ng has no Matrix account yet, so there is no one to message."),
            ).toBeInTheDocument();
            expect(screen.getByRole("button", { name: "Message" })).toBeDisabled();
        });

        it("says when the conversation cannot be opened", async () => {
            const people = recordingPeople({
                openDirectMessage: jest.fn(async () => Promise.reject(new Error("M_FORBIDDEN"))),
            });
            renderPanel(undefined, people);
            await user.click(await screen.findByRole("option", { name: /Grace Tan/ }));
            await user.click(await screen.findByRole("button", { name: "Message" }));
            expect(await screen.findByText("The conversation could not be opened: M_FORBIDDEN")).toBeInTheDocument();
        });
    });

    describe("when the directory service cannot answer", () => {
        afterEach(() => jest.useRealTimers());

        it("falls back to the homeserver's user directory, says so, and can message from there", async () => {
            const directory = new MemoryDirectory(smallCompany());
            directory.failure = new DirectoryError(
                "unreachable",
                "The directory service cannot be reached: Failed to fetch",
            );
            const people = recordingPeople({
                searchUserDirectory: jest.fn(async () => ({
                    users: [{ userId: "@grace:example.com", displayName: "Grace Tan", avatarMxc: null }],
                    limited: false,
                })),
            });
            renderPanel(directory, people);
            expect(
                await screen.findByText(/Type a name to search the homeserver’s user directory instead/),
            ).toBeInTheDocument();
            expect(people.searchUserDirectory).not.toHaveBeenCalled();

            await user.type(search(), "grace");
            await waitFor(() => expect(resultNames()).toEqual(["Grace Tan"]), { timeout: FALLBACK_DEBOUNCE_MS + 1000 });
            // Debounced: one homeserver search for the whole word, not one per key (it is rate-limited).
            expect(people.searchUserDirectory).toHaveBeenCalledTimes(1);
            expect(people.searchUserDirectory).toHaveBeenCalledWith("grace");
            expect(screen.getByText(/come from the homeserver’s user directory/)).toBeInTheDocument();

            await user.click(screen.getByRole("option", { name: /Grace Tan/ }));
            await user.click(await screen.findByRole("button", { name: "Message" }));
            expect(people.openDirectMessage).toHaveBeenCalledWith("@grace:example.com");
        });

        it("says so when the homeserver does not answer either, and tries the service again on request", async () => {
            const directory = new MemoryDirectory(smallCompany());
            directory.failure = new DirectoryError("source_unavailable", "LDAP down");
            const people = recordingPeople({
                searchUserDirectory: jest.fn(async () => Promise.reject(new Error("429"))),
            });
            renderPanel(directory, people);
            await user.type(search(), "grace");
            expect(
                await screen.findByText(
                    /Neither the company directory nor the homeserver’s user directory answered/,
                    {},
                    { timeout: 2000 },
                ),
            ).toBeInTheDocument();
            directory.failure = null;
            await user.click(screen.getByRole("button", { name: "Try again" }));
            await waitFor(() => expect(resultNames()).toEqual(["Grace Tan"]));
        });
    });
});
