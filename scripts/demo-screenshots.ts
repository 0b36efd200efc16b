// Screenshots of the demo company for the README: `npx tsx scripts/demo-screenshots.ts APP_URL [OUT_DIR]`
// with `npm start` running. Signs in as a demo user (Inès, an engineer) in Debian's headless Chromium and takes
// the home page, the navigator, the company directory, a policy badge and the archive view.
import path from "node:path";

import { chromium, type Page } from "playwright-core";

import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../e2e/harness/chromium.ts";

// A user who has not signed in from a browser yet: a later sign-in would first ask to verify the device.
const [appUrl, outDir = "docs/screenshots", username = "ines"] = process.argv.slice(2);
if (!appUrl) {
    console.error(
        "usage: npx tsx scripts/demo-screenshots.ts APP_URL [OUT_DIR [USERNAME]] (a user who never signed in from a browser; default ines)",
    );
    process.exit(2);
}

async function dismissNotices(page: Page): Promise<void> {
    const later = page.locator(".mx_ToastContainer").getByRole("button", { name: "Later", exact: true });
    if (await later.isVisible()) await later.click();
    const dismiss = page.locator(".mx_ToastContainer").getByRole("button", { name: "Dismiss", exact: true });
    if (await dismiss.isVisible()) await dismiss.click();
    // The SDK's threads announcement.
    const ok = page.getByRole("button", { name: "OK", exact: true });
    if (await ok.isVisible()) await ok.click();
}

const shot = async (page: Page, name: string): Promise<void> => {
    await page.waitForTimeout(800);
    await page.screenshot({ path: path.join(outDir, name) });
    console.log(`wrote ${path.join(outDir, name)}`);
};

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${appUrl}/#/login`);
    await page.getByRole("textbox", { name: "Username" }).fill(username);
    await page.getByLabel("Password", { exact: true }).fill(`atrium-demo-${username}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    const tree = page.getByRole("tree", { name: "Spaces", exact: true });
    await tree.waitFor({ timeout: 60_000 });
    await page.waitForTimeout(3000);
    await dismissNotices(page);
    await dismissNotices(page);
    await shot(page, "demo-home.png");

    // The navigator: Engineering and Project Apollo opened, with their badges.
    for (const name of [/^Engineering/, /^Project Apollo/]) {
        const node = tree.getByRole("treeitem", { name }).first();
        if ((await node.getAttribute("aria-expanded")) === "false") await node.click();
    }
    await shot(page, "demo-navigator.png");

    // A badge: the Apollo launch plan is Confidential but not encrypted, so its header warns.
    await tree.getByRole("treeitem", { name: /^Apollo launch plan/ }).click();
    const warning = page
        .locator(".atrium_RoomHeaderItems")
        .getByRole("group", { name: "Room policy" })
        .getByText("Breaks its classification: must be encrypted");
    await warning.waitFor({ timeout: 30_000 });
    await warning.focus();
    await shot(page, "demo-badge.png");

    // The directory: search a title, open a person's card.
    await page.getByRole("button", { name: "Company directory", exact: true }).click();
    const directory = page.getByRole("region", { name: "Company directory" });
    await directory.getByRole("combobox", { name: "Search people" }).fill("platform lea");
    await directory.getByRole("listbox", { name: "People" }).getByRole("option").first().click();
    await directory.getByRole("article").first().waitFor();
    await shot(page, "demo-directory.png");
    await page.getByRole("button", { name: "Company directory", exact: true }).click();

    // The archive: the company's archived rooms Erin can see.
    await page.getByRole("button", { name: "Archive", exact: true }).click();
    await page.getByText("Architecture 2023").first().waitFor({ timeout: 30_000 });
    await shot(page, "demo-archive.png");
} finally {
    await browser.close();
}
