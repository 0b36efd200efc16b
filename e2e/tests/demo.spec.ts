// `npm start` as a newcomer runs it: the demo stack in the background (its own ports and data dir),
// provisioned with the demo company, reaches "ready"; a demo user signs in through the sign-in form
// and sees the company's spaces, its policy badges and its directory; the stack then stops cleanly.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";

import { repoRoot } from "../harness/paths.ts";
import { expect, test } from "./fixtures.ts";

const SYNAPSE_PORT = Number(process.env.E2E_DEMO_SYNAPSE_PORT ?? 18308);
const WEB_PORT = Number(process.env.E2E_DEMO_WEB_PORT ?? 18280);

function portIsFree(port: number): Promise<boolean> {
    return new Promise((resolve) => {
        const probe = net.createServer();
        probe.once("error", () => resolve(false));
        probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
}

test("npm start: the demo company is ready, a demo user finds its spaces, badges and directory, and it stops cleanly", async ({
    browser,
}) => {
    test.setTimeout(420_000);
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "atrium-e2e-demo-"));
    let output = "";
    // Its own process group, so the whole stack (npm, the demo, Synapse, the service) can be signalled.
    const demo = spawn("npm", ["start", "--", "--no-build"], {
        cwd: repoRoot,
        detached: true,
        env: {
            ...process.env,
            DEMO_SYNAPSE_PORT: String(SYNAPSE_PORT),
            DEMO_WEB_PORT: String(WEB_PORT),
            DEMO_DATA_DIR: dataDir,
            DEMO_WEBAPP_DIR: process.env.E2E_WEBAPP_DIR ?? path.join(repoRoot, "webapp"),
        },
        stdio: ["ignore", "pipe", "pipe"],
    });
    demo.stdout!.on("data", (chunk: Buffer) => (output += chunk));
    demo.stderr!.on("data", (chunk: Buffer) => (output += chunk));
    // "close": npm and every process that shares its output (the demo, Synapse, the service) are gone.
    let closed = false;
    const allClosed = new Promise<void>((resolve) => demo.once("close", () => resolve()));
    void allClosed.then(() => (closed = true));
    const stopDemo = async (): Promise<boolean> => {
        try {
            if (!closed) process.kill(-demo.pid!, "SIGTERM");
        } catch {
            // the group has just ended
        }
        await Promise.race([allClosed, new Promise((resolve) => setTimeout(resolve, 30_000))]);
        return closed;
    };

    try {
        await expect
            .poll(() => output, { timeout: 360_000, intervals: [1000], message: "the demo says it is ready" })
            .toMatch(/\[demo\] ready in [\d.]+ s/);
        expect(output).toContain(`Atrium demo: open http://127.0.0.1:${WEB_PORT}`);
        expect(output).toContain("log in as ada / atrium-demo-ada");
        expect(output).toMatch(/\[provision\] done: \d+ change\(s\)/);

        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(`http://127.0.0.1:${WEB_PORT}/#/login`);
        // Zoe: EMEA sales, in Project Apollo; a user who has never signed in from a browser.
        await page.getByRole("textbox", { name: "Username" }).fill("zoe.meyer");
        await page.getByLabel("Password", { exact: true }).fill("atrium-demo-zoe.meyer");
        await page.getByRole("button", { name: "Sign in" }).click();

        // The company's spaces in the navigator.
        const tree = page.getByRole("tree", { name: "Spaces", exact: true });
        await expect(tree).toBeVisible({ timeout: 60_000 });
        const sales = tree.getByRole("treeitem", { name: /^Sales/ }).first();
        await expect(sales).toBeVisible({ timeout: 30_000 });
        await expect(tree.getByRole("treeitem", { name: /^Management/ }).first()).toBeVisible();
        await expect(tree.getByRole("treeitem", { name: /^Project Apollo/ }).first()).toBeVisible();

        // Its badges: the Deals pipeline is Confidential (and encrypted, so no warning).
        if ((await sales.getAttribute("aria-expanded")) === "false") await sales.click();
        const deals = tree.getByRole("treeitem", { name: /^Deals pipeline/ });
        await expect(deals).toHaveAccessibleDescription("Classification: Confidential", { timeout: 30_000 });
        await expect(deals.locator(".atrium_Policy_compact")).toHaveText("Confidential");

        // Its directory: the export written from the org file, served by the config service.
        await page.getByRole("button", { name: "Company directory", exact: true }).click();
        const directory = page.getByRole("region", { name: "Company directory" });
        await directory.getByRole("combobox", { name: "Search people" }).fill("platform lea");
        await directory
            .getByRole("listbox", { name: "People" })
            .getByRole("option", { name: /Erin Walsh/ })
            .click();
        const card = directory.getByRole("article", { name: "Erin Walsh" });
        await expect(card.getByText("Platform Lead")).toBeVisible();
        await expect(card.getByText("@erin:localhost")).toBeVisible();
        await expect(
            card.getByRole("region", { name: "Reports to" }).getByRole("button", { name: /Boris Okafor/ }),
        ).toBeVisible();
        await context.close();

        // Stops cleanly: every process gone, both ports free.
        expect(await stopDemo()).toBe(true);
        expect(output).toContain("[demo] stopped");
        expect(await portIsFree(SYNAPSE_PORT)).toBe(true);
        expect(await portIsFree(WEB_PORT)).toBe(true);
    } finally {
        if (!(await stopDemo())) {
            try {
                process.kill(-demo.pid!, "SIGKILL");
            } catch {
                // already gone
            }
        }
        await rm(dataDir, { recursive: true, force: true });
        await test.info().attach("npm-start-output.txt", { body: output, contentType: "text/plain" });
    }
});
