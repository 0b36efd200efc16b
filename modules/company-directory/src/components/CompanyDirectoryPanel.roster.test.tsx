// With the company's roster in the page (localRoster.ts), every keystroke and every page is
// answered in the page, exactly as the service would answer it, and the service is not asked.
import React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import { initAtriumI18n } from "@atrium/sdk";

import { MemoryDirectory, OK_SOURCE, pageSizedCompany, recordingPeople } from "../testDirectory";
import type { SearchPage, SearchParams } from "../types";
import { CompanyDirectoryPanel } from "./CompanyDirectoryPanel";

/** The in-memory service, whose searches answer only when a test lets them. */
class GatedDirectory extends MemoryDirectory {
    readonly waiting: Array<{ params: SearchParams; release(): Promise<void> }> = [];

    search(params: SearchParams): Promise<SearchPage> {
        this.searches.push(params);
        // Answered as the service is when released (with its copy then), not when asked.
        return new Promise((resolve) => {
            this.waiting.push({ params, release: async () => resolve(await this.answerNow(params)) });
        });
    }

    private answerNow(params: SearchParams): Promise<SearchPage> {
        const answer = super.search(params);
        this.searches.pop();
        return answer;
    }
}

const company = pageSizedCompany();

const search = (): HTMLInputElement => screen.getByRole("combobox", { name: "Search people" });
const listbox = (): HTMLElement => screen.getByRole("listbox", { name: "People" });
const options = (): HTMLElement[] => within(listbox()).queryAllByRole("option");
const names = (): string[] => options().map((o) => o.querySelector(".atrium_DirectoryResults_name")!.textContent!);
const count = (): string => document.querySelector(".atrium_CompanyDirectory_count")?.textContent ?? "";

/** The same service, asked by the test (so that the panel's requests are counted apart). */
const service = new MemoryDirectory(company);

/** What the service answers, page after page, for a query. */
async function servicePages(q: string, pages: number): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    for (let n = 0; n < pages; n++) {
        const page: SearchPage = await service.search({ q, cursor, limit: 100 });
        ids.push(...page.people.map((p) => p.id));
        cursor = page.next_cursor;
    }
    return ids;
}

async function openWithRoster(): Promise<GatedDirectory> {
    const directory = new GatedDirectory(company);
    directory.servesRoster = true;
    render(<CompanyDirectoryPanel onClose={jest.fn()} directory={directory} people={recordingPeople()} />);
    // The browse page is asked on opening and left unanswered: the roster answers it once it is ready.
    await waitFor(() => expect(options().length).toBeGreaterThan(5));
    expect(directory.waiting.map((w) => w.params.q)).toEqual([""]);
    return directory;
}

describe("CompanyDirectoryPanel with the roster in the page", () => {
    beforeAll(() => initAtriumI18n("en"));

    it("answers each keystroke in its own render with the service's answer, asking the service nothing", async () => {
        const directory = await openWithRoster();
        expect(directory.rosterRequests).toHaveLength(1);
        let typed = "";
        for (const key of ["s", "i", "t"]) {
            typed += key;
            act(() => {
                fireEvent.change(search(), { target: { value: typed } });
            });
            // Synchronously after the keystroke: the final answer, not a prediction waiting for one.
            expect(listbox()).toHaveAttribute("aria-busy", "false");
            const shown = names();
            const expected = (await service.search({ q: typed, limit: 100 })).people;
            expect(shown).toEqual(expected.slice(0, shown.length).map((p) => p.name));
        }
        expect(count()).toBe("100 people shown, more match: scroll for more");
        expect(directory.searches.map((s) => s.q)).toEqual([""]);
    });

    it("pages on scroll from the roster, continuing exactly where the service would", async () => {
        const directory = await openWithRoster();
        await act(async () => {
            await userEvent.type(search(), "sit");
        });
        const viewport = listbox().parentElement!;
        act(() => {
            viewport.scrollTop = 90 * 52;
            fireEvent.scroll(viewport);
        });
        await waitFor(() => expect(listbox().style.height).toBe(`${200 * 52}px`));
        expect(directory.searches.map((s) => s.q)).toEqual([""]);
        // The 200 rows are the service's first two pages: the row at the end is the service's 200th.
        act(() => {
            viewport.scrollTop = 190 * 52;
            fireEvent.scroll(viewport);
        });
        const expected = await servicePages("sit", 3);
        await waitFor(() => expect(listbox().style.height).toBe(`${Math.min(300, expected.length) * 52}px`));
        const lastRow = options()[options().length - 1];
        const lastIndex = Number(lastRow.getAttribute("aria-posinset")) - 1;
        expect(lastRow.querySelector(".atrium_DirectoryResults_name")!.textContent).toBe(
            company.find((p) => p.id === expected[lastIndex])!.name,
        );
    });

    it("hands the roster the service's word on its copy: a newer copy is loaded again", async () => {
        const directory = await openWithRoster();
        directory.source = { ...OK_SOURCE, refreshed_at: "2026-01-02T00:00:00Z" };
        await act(async () => {
            await directory.waiting[0].release();
        });
        await waitFor(() => expect(directory.rosterRequests).toHaveLength(2));
    });
});
