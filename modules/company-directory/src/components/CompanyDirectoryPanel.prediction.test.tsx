// The results predicted in the keystroke's own render (searchCache.ts), and what happens when the
// service answers: its answer replaces the prediction in place; an answer to an older query is dropped.
import React from "react";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import { initAtriumI18n } from "@atrium/sdk";

import { MemoryDirectory, pageSizedCompany, recordingPeople, smallCompany } from "../testDirectory";
import type { SearchPage, SearchParams } from "../types";
import { CompanyDirectoryPanel } from "./CompanyDirectoryPanel";

/** The in-memory service, answering only when a test lets it (and, unlike HTTP, deaf to aborts). */
class GatedDirectory extends MemoryDirectory {
    readonly waiting: Array<{ params: SearchParams; release(): Promise<void> }> = [];

    search(params: SearchParams): Promise<SearchPage> {
        const answer = super.search(params);
        return new Promise((resolve) => {
            this.waiting.push({
                params,
                release: async () => {
                    resolve(await answer);
                    await answer;
                },
            });
        });
    }

    /** Lets the oldest (or the given) waiting search answer, and lets React apply it. */
    async answer(q?: string): Promise<void> {
        const at = q === undefined ? 0 : this.waiting.findIndex((w) => w.params.q === q);
        const [waiting] = this.waiting.splice(at, 1);
        await act(async () => {
            await waiting.release();
        });
    }
}

/** More people than one page: the first answer ("") is partial, so predictions are starts. */
const bigCompany = pageSizedCompany();

const search = (): HTMLInputElement => screen.getByRole("combobox", { name: "Search people" });
const listbox = (): HTMLElement => screen.getByRole("listbox", { name: "People" });
const options = (): HTMLElement[] => within(listbox()).queryAllByRole("option");
const names = (): string[] => options().map((o) => o.querySelector(".atrium_DirectoryResults_name")!.textContent!);
/** Selects the query and types `q` over it, key by key; no search answers meanwhile. */
const typeQuery = (q: string): Promise<void> =>
    act(async () => {
        const box = search();
        const selection = { initialSelectionStart: 0, initialSelectionEnd: box.value.length };
        await userEvent.type(box, q || "{Backspace}", selection);
    });
/** The queries waiting for the service's answer, oldest first. */
const waitingFor = (directory: GatedDirectory): string[] => directory.waiting.map((w) => w.params.q);
const count = (): string => document.querySelector(".atrium_CompanyDirectory_count")?.textContent ?? "";

function renderPanel(directory: MemoryDirectory): void {
    render(<CompanyDirectoryPanel onClose={jest.fn()} directory={directory} people={recordingPeople()} />);
}

/** The names the service would put first for a query, as the rows show them. */
async function firstOfAnswer(directory: MemoryDirectory, q: string, n: number): Promise<string[]> {
    const page = await MemoryDirectory.prototype.search.call(directory, { q, limit: n });
    return page.people.map((p) => p.name);
}

describe("CompanyDirectoryPanel: results predicted before the service answers", () => {
    beforeAll(() => initAtriumI18n("en"));

    it("shows the start of the answer in the keystroke's own render, then the service's answer in its place", async () => {
        const directory = new GatedDirectory(bigCompany);
        renderPanel(directory);
        await directory.answer(""); // the browse page, asked on open
        expect(options().length).toBeGreaterThan(5);
        search().focus();

        await typeQuery("sit");
        // No answer yet: the rows are already those of "sit", filtered from the browse page.
        expect(waitingFor(directory)).toEqual(["s", "si", "sit"]);
        const predicted = names();
        expect(predicted.length).toBeGreaterThan(5);
        expect(predicted).toEqual(await firstOfAnswer(directory, "sit", predicted.length));
        // Said to be waiting, with no count and no size until the service has answered.
        expect(listbox()).toHaveAttribute("aria-busy", "true");
        expect(options()[0]).toHaveAttribute("aria-setsize", "-1");
        expect(count()).toBe("");
        const firstRow = options()[0];

        await directory.answer("sit");
        expect(listbox()).toHaveAttribute("aria-busy", "false");
        expect(count()).toBe("100 people shown, more match: scroll for more");
        // The same rows stay the same elements (nothing flickers), and the search box keeps focus.
        expect(options()[0]).toBe(firstRow);
        expect(document.activeElement).toBe(search());
        expect(listbox().style.height).toBe(`${100 * 52}px`);
    });

    it("asks nothing when a remembered answer was complete, and a backspace finds its answer again", async () => {
        const directory = new GatedDirectory(smallCompany());
        renderPanel(directory);
        await directory.answer("");
        expect(count()).toBe("6 people found");

        await typeQuery("l");
        await typeQuery("le");
        await typeQuery("lea");
        expect(names()).toEqual(["Erin Walsh", "Farid Haddad", "Grace Tan"]);
        await typeQuery("le");
        await typeQuery("");
        expect(options()).toHaveLength(6);
        await act(async () => undefined);
        expect(directory.waiting).toEqual([]);
        expect(directory.searches).toHaveLength(1);
        expect(count()).toBe("6 people found");
    });

    it("says no one matches at once when the complete answer it narrows holds no one", async () => {
        const directory = new GatedDirectory(smallCompany());
        renderPanel(directory);
        await directory.answer("");
        await typeQuery("zzz");
        expect(screen.getByText(/No one matches “zzz”/)).toBeInTheDocument();
        expect(directory.waiting).toEqual([]);
    });

    it("drops the answer to an older query that comes after the newer one's", async () => {
        const directory = new GatedDirectory(bigCompany);
        renderPanel(directory);
        await directory.answer("");
        // Neither query narrows what is known (the browse page starts with the Annas).
        await typeQuery("zoe");
        await typeQuery("ben");
        expect(waitingFor(directory)).toEqual(["z", "zo", "zoe", "b", "be", "ben"]);
        await directory.answer("ben");
        const bens = await firstOfAnswer(directory, "ben", options().length);
        expect(names()).toEqual(bens);
        while (directory.waiting.length) await directory.answer();
        expect(names()).toEqual(bens);
        expect(count()).toBe("100 people shown, more match: scroll for more");
        // The late answer is still the service's answer to "zoe": going back to it needs no request.
        await typeQuery("zoe");
        await waitFor(() => expect(names()[0]).toMatch(/^Zoe/));
        expect(directory.waiting).toEqual([]);
    });

    it("keeps the previous rows, marked as waiting, when nothing of the new query is known", async () => {
        const directory = new GatedDirectory(bigCompany);
        renderPanel(directory);
        await directory.answer("");
        const before = names();
        await typeQuery("zoe");
        expect(names()).toEqual(before);
        expect(listbox()).toHaveAttribute("aria-busy", "true");
        expect(count()).toBe("");
        await directory.answer("zoe");
        expect(names()[0]).toMatch(/^Zoe/);
    });
});
