// `npx tsx bench/timeline.ts [stock|atrium|classic]`: one session of the large account, as
// bench/session.ts opens it, then every request the page made until ready, in order (ms since
// navigation start), for finding what waits on what before and after the initial /sync. A
// diagnostic beside bench/session.ts; prints, asserts nothing.
import { serveWebapp } from "../e2e/harness/webapp.ts";
import { launchChromium } from "./loginPage.ts";
import { startLargeSynapse } from "./seed/largeSynapse.ts";
import { FLAVOURS, flavourConfig, frameWhenListed, READY_TIMEOUT_MS, withFreshSession } from "./session.ts";

/** Not session.ts's ports, so both can run at once. */
const PORT = 48190;

const id = process.argv[2] ?? "atrium";
const flavour = FLAVOURS.find((f) => f.id === id);
if (!flavour) throw new Error(`unknown flavour ${id}: one of ${FLAVOURS.map((f) => f.id).join(", ")}`);
const log = (message: string): void => console.log(`[timeline] ${message}`);

const { synapse, seed } = await startLargeSynapse(log);
const app = await serveWebapp({ webappDir: flavour.dir, port: PORT, config: flavourConfig(flavour, synapse.baseUrl) });
const browser = await launchChromium();
try {
    for (const round of ["warm-up", "measured"]) {
        await withFreshSession(browser, app, seed, synapse.baseUrl, async (page) => {
            await page.goto(`${app.url}/#/home`);
            const [first, second] = seed.switchRooms;
            const ready = await frameWhenListed(page, [first.name, second.name], READY_TIMEOUT_MS);
            if (round !== "measured") return;
            const entries = await page.evaluate(() =>
                performance.getEntriesByType("resource").map((e) => {
                    const r = e as PerformanceResourceTiming;
                    return [r.startTime, r.responseEnd, r.name] as [number, number, string];
                }),
            );
            for (const [start, end, name] of entries) {
                const url = new URL(name);
                console.log(
                    `${start.toFixed(0).padStart(6)} ${end.toFixed(0).padStart(6)}  ${url.pathname.slice(0, 90)}${url.search.slice(0, 30)}`,
                );
            }
            console.log(`ready at ${ready.toFixed(0)} ms`);
        });
    }
} finally {
    await browser.close();
    await app.stop();
    await synapse.stop();
}
