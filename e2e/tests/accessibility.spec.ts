// Accessibility as a habit: axe-core on the sign-in page, the home page and a room. Atrium's own UI
// (elements under an `atrium_*` class, and the seams that replace an SDK component whole) must have
// no violation at all, whatever its impact. What the SDK violates is listed in e2e/a11y-sdk-baseline.json,
// which may only shrink: a violation not in it fails, and so does an entry that no longer occurs.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { createRoom, expect, injectSession, sendMessage, test, waitForApp } from "./fixtures.ts";

const BASELINE_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "a11y-sdk-baseline.json");

/** One violation at one element: the rule, and the element as axe names it (selectors, outermost first). */
interface Finding {
    page: string;
    id: string;
    impact: string;
    target: string;
    owner: "atrium" | "sdk";
    summary: string;
}

type BaselineEntry = Pick<Finding, "page" | "id" | "target">;

// Atrium's own elements: everything under an `atrium_*` class, except the wrapper around the SDK's
// space bar (what is inside it is the SDK's), and the sign-in footer, which src/seams/AuthFooter.tsx
// renders whole with the SDK's class name.
// The seams' wrappers (display: contents) hold the SDK's own component: what is inside them is the SDK's.
const ATRIUM_ROOTS =
    '[class*="atrium_"]:not(.atrium_SpacePanelWrapper, .atrium_RoomHeaderWrapper, .atrium_RoomTileWrapper), .mx_AuthFooter';

const key = (entry: BaselineEntry): string => `${entry.page} | ${entry.id} | ${entry.target}`;

/**
 * Element names that change from run to run (user and room IDs made for this run, generated DOM
 * ids) are replaced by placeholders, so one baseline fits every run.
 */
function stableTarget(selectors: string[]): string {
    return selectors
        .join(" >>> ")
        .replace(/@[a-z0-9._=\-/]+:[a-z0-9.-]+(?::\d+)?/gi, "@USER")
        .replace(/![A-Za-z0-9]+:[a-z0-9.-]+(?::\d+)?/g, "!ROOM")
        .replace(/#(mx_[A-Za-z]+_|radix-)[\w-]+/g, "#$1ID")
        .replace(/#floating-ui-\d+/g, "#floating-ui-ID")
        .replace(/\b(aria-labelledby|aria-describedby|aria-controls|id)="[^"]*"/g, '$1="ID"');
}

async function findings(page: Page, pageName: string): Promise<Finding[]> {
    const results = await new AxeBuilder({ page }).analyze();
    const found: Finding[] = [];
    for (const violation of results.violations) {
        for (const node of violation.nodes) {
            const selectors = node.target.map((t) => (Array.isArray(t) ? t.join(" ") : String(t)));
            // A target inside an iframe or shadow root is a list; the first selector is in this document.
            const owned = await page.evaluate(
                ({ selector, roots }) => {
                    try {
                        return Boolean(document.querySelector(selector)?.closest(roots));
                    } catch {
                        return false; // not a selector of this document (a shadow root's): the SDK's
                    }
                },
                { selector: selectors[0], roots: ATRIUM_ROOTS },
            );
            found.push({
                page: pageName,
                id: violation.id,
                impact: node.impact ?? violation.impact ?? "unknown",
                target: stableTarget(selectors),
                owner: owned ? "atrium" : "sdk",
                summary: node.failureSummary ?? violation.help,
            });
        }
    }
    return found;
}

/**
 * The page as it is, then again with the SDK's toasts hidden: axe cannot judge the contrast of text a
 * toast covers (it reports it as "incomplete"), so a toast that is up or not decides whether a colour
 * is checked. The second pass checks what lies under them; a finding of both passes counts once.
 */
async function findingsWithAndWithoutToasts(page: Page, pageName: string): Promise<Finding[]> {
    const found = await findings(page, pageName);
    const hide = await page.addStyleTag({ content: ".mx_ToastContainer { display: none !important; }" });
    try {
        const seen = new Set(found.map((f) => `${key(f)} | ${f.owner}`));
        for (const finding of await findings(page, pageName)) {
            if (!seen.has(`${key(finding)} | ${finding.owner}`)) found.push(finding);
        }
    } finally {
        await hide.evaluate((style) => (style as ChildNode).remove());
    }
    return found;
}

function readBaseline(): BaselineEntry[] {
    return JSON.parse(readFileSync(BASELINE_FILE, "utf8")) as BaselineEntry[];
}

test("Atrium's own UI has no axe violation; the SDK's stay within the baseline", async ({
    page,
    browser,
    contextOptions,
    baseURL,
    synapse,
}, testInfo) => {
    test.setTimeout(180_000);
    const all: Finding[] = [];

    // The sign-in page.
    await page.goto("/#/login");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible({ timeout: 30_000 });
    all.push(...(await findings(page, "sign-in")));

    // Home, signed in, with one room in the list (a context of its own: a fresh crypto store).
    const user = await synapse.registerUser("a11y");
    const roomId = await createRoom(user, { name: "Accessibility review", preset: "private_chat" });
    await sendMessage(user, roomId, "The agenda is in the topic.");
    const context = await browser.newContext({ ...contextOptions, baseURL });
    try {
        await injectSession(context, user);
        const app = await context.newPage();
        await app.goto("/");
        await waitForApp(app);
        await expect(app.getByRole("heading", { name: /^Welcome/ })).toBeVisible({ timeout: 30_000 });
        all.push(...(await findingsWithAndWithoutToasts(app, "home")));

        // A room, with a message in its timeline.
        await app.goto(`/#/room/${roomId}`);
        await expect(app.locator(".mx_EventTile_body", { hasText: "The agenda is in the topic." })).toBeVisible({
            timeout: 30_000,
        });
        all.push(...(await findingsWithAndWithoutToasts(app, "room")));
    } finally {
        await context.close();
    }

    const ours = all.filter((f) => f.owner === "atrium");
    const sdk = all.filter((f) => f.owner === "sdk");
    const current = [...new Map(sdk.map((f) => [key(f), { page: f.page, id: f.id, target: f.target }])).values()];
    current.sort((a, b) => key(a).localeCompare(key(b)));
    // Kept in the test's output folder: the baseline as it would be now, and everything axe said.
    for (const [name, data] of [
        ["sdk-violations-now.json", current],
        ["axe-findings.json", all],
    ] as const) {
        const file = testInfo.outputPath(name);
        writeFileSync(file, JSON.stringify(data, null, 4) + "\n");
        await testInfo.attach(name, { path: file, contentType: "application/json" });
    }

    expect
        .soft(
            ours.map((f) => `${key(f)} (${f.impact}): ${f.summary}`),
            "violations in Atrium's own UI (none is accepted, whatever its impact)",
        )
        .toEqual([]);

    const baseline = new Set(readBaseline().map(key));
    const now = new Set(current.map(key));
    expect
        .soft(
            [...now].filter((k) => !baseline.has(k)),
            "SDK violations that are not in e2e/a11y-sdk-baseline.json (fix them, or they are ours)",
        )
        .toEqual([]);
    expect
        .soft(
            [...baseline].filter((k) => !now.has(k)),
            "entries of e2e/a11y-sdk-baseline.json that no longer occur: delete them (the list only shrinks)",
        )
        .toEqual([]);
});
