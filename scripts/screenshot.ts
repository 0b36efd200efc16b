// Takes a screenshot of a page in Debian's headless Chromium: `npx tsx scripts/screenshot.ts URL OUT.png [waitForText]`.
// For looking at what we build; tests use Playwright's own runner.
import { chromium } from "playwright-core";

import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../e2e/harness/chromium.ts";

const [url, out, waitForText] = process.argv.slice(2);
const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
});
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
page.on("response", (r) => r.status() >= 400 && console.log("HTTP", r.status(), r.url()));
page.on("pageerror", (e) => console.log("pageerror:", e.message, (e.stack ?? "").split("\n").slice(1, 12).join("\n")));
page.on(
    "console",
    (m) =>
        (m.type() === "error" || process.env.SHOT_ALL_CONSOLE) &&
        console.log(`console.${m.type()}:`, m.text().slice(0, 300)),
);
await page.goto(url);
if (waitForText) await page.getByText(waitForText).first().waitFor({ timeout: 30000 });
else await page.waitForTimeout(5000);
await page.screenshot({ path: out });
await browser.close();
