// `npx tsx bench/timeline.ts [stock|atrium|classic]`: one session of the large account, then every
// request the page made until ready, in order (ms since navigation start), for finding what waits on
// what before and after the initial /sync. A diagnostic beside bench/session.ts; prints, asserts nothing.
import path from "node:path";

import { e2eWebappConfig } from "../e2e/harness/config.ts";
import { elementSessionEntries, login } from "../e2e/harness/matrix-client.ts";
import { repoRoot } from "../e2e/harness/paths.ts";
import { serveWebapp } from "../e2e/harness/webapp.ts";
import { launchChromium } from "./loginPage.ts";
import { startLargeSynapse } from "./seed/largeSynapse.ts";

const flavour = process.argv[2] ?? "atrium";
const dir = path.join(repoRoot, flavour === "stock" ? "webapp-stock" : "webapp");
const log = (message: string): void => console.log(`[timeline] ${message}`);

const { synapse, seed } = await startLargeSynapse(log);
const config = e2eWebappConfig(synapse.baseUrl);
if (flavour === "classic") (config.atrium as Record<string, unknown>).modules = { "space-navigator": { enabled: false } };
const app = await serveWebapp({ webappDir: dir, port: 48190, config });
const browser = await launchChromium();
try {
    for (const round of ["warm-up", "measured"]) {
        const session = await login(synapse.baseUrl, seed.user.localpart, seed.user.password);
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const page = await context.newPage();
        await page.addInitScript((entries: [string, string][]) => {
            for (const [key, value] of entries) localStorage.setItem(key, value);
        }, elementSessionEntries(session));
        await page.goto(`${app.url}/#/home`);
        const [first, second] = seed.switchRooms;
        const readyMs = await page.waitForFunction(
            (names) => names.every((n) => (document.querySelector(".mx_LeftPanel")?.textContent ?? "").includes(n)) && performance.now(),
            [first.name, second.name],
            { timeout: 120_000, polling: "raf" },
        );
        const ready = (await readyMs.jsonValue()) as number;
        const entries = await page.evaluate(() =>
            performance.getEntriesByType("resource").map((e) => {
                const r = e as PerformanceResourceTiming;
                return [r.startTime, r.responseEnd, r.name] as [number, number, string];
            }),
        );
        if (round === "measured") {
            for (const [start, end, name] of entries) {
                const url = new URL(name);
                console.log(`${start.toFixed(0).padStart(6)} ${end.toFixed(0).padStart(6)}  ${url.pathname.slice(0, 90)}${url.search.slice(0, 30)}`);
            }
            console.log(`ready at ${ready.toFixed(0)} ms`);
        }
        await context.close();
    }
} finally {
    await browser.close();
    await app.stop();
    await synapse.stop();
}
