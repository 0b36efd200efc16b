// One cold load of `#/login` in a fresh browser context, timed in the page, with every response noted.
import { performance as nodeClock } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";

import { chromium, type Browser, type Request } from "playwright-core";

import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../e2e/harness/chromium.ts";

export function launchChromium(): Promise<Browser> {
    return chromium.launch({
        executablePath: CHROMIUM_PATH,
        args: CHROMIUM_ARGS,
        headless: true,
    });
}

export interface ResponseRecord {
    url: string;
    /** The URL's path on the web app's server, e.g. /bundles/bundle.1234abcd.js. */
    pathname: string;
    sameOrigin: boolean;
    status: number;
    resourceType: string;
    /** Request start, ms after navigation start (performance.timeOrigin of the page). */
    startMs: number;
    /** True when the request started before the login form became usable. */
    beforeReady: boolean;
}

export interface LoginLoad {
    /**
     * In-page performance.now() (ms since navigation start) in the first animation frame in which
     * the "Sign in" button is visible and the Username field is visible and enabled.
     */
    readyMs: number;
    /** Node-side wall time from calling page.goto() to receiving the page's "ready" call (cross-check). */
    playwrightWallMs: number;
    /** PerformanceNavigationTiming of the document, ms since navigation start (0 = not reached yet). */
    navigation: { responseEnd: number; domContentLoaded: number; loadEventEnd: number; firstContentfulPaint: number };
    responses: ResponseRecord[];
    /** Uncaught errors in the page (the SDK's known start-up TDZ error is among them). */
    pageErrors: string[];
}

export interface LoadOptions {
    /** After the form is usable, keep the page open this long (and until the network is quiet) to see later requests. */
    settleMs?: number;
    timeoutMs?: number;
}

/**
 * Runs in every document before its scripts; in the top frame, polls once per animation frame for a
 * usable login form: the same conditions as Playwright's getByRole("button", { name: "Sign in" })
 * visible and getByRole("textbox", { name: "Username" }) enabled, checked on the DOM directly.
 * Plain JavaScript source, not a function: tsx compiles functions with esbuild's keepNames, whose
 * `__name(...)` helper does not exist in the page, so a serialised function would throw there.
 */
const WATCH_FOR_USABLE_LOGIN_FORM = `(() => {
    if (window.top !== window) return;
    const visible = (el) => {
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) return false;
        const style = getComputedStyle(el);
        return style.visibility !== "hidden" && style.display !== "none";
    };
    const accessibleName = (el) =>
        (el.getAttribute("aria-label") ?? (el instanceof HTMLInputElement ? el.value : el.textContent) ?? "").trim();
    const isLabelled = (input, name) =>
        input.getAttribute("aria-label") === name ||
        Array.from(input.labels ?? []).some((label) => label.textContent.trim() === name);
    const usable = () => {
        const buttons = document.querySelectorAll("button, input[type=submit], input[type=button], [role=button]");
        if (!Array.from(buttons).some((b) => accessibleName(b) === "Sign in" && visible(b))) return false;
        const inputs = document.querySelectorAll("input");
        return Array.from(inputs).some((i) => !i.disabled && isLabelled(i, "Username") && visible(i));
    };
    const poll = () => {
        if (usable()) window.__atriumBenchReady(performance.now(), performance.timeOrigin);
        else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
})();`;

function requestStartEpochMs(request: Request): number {
    return request.timing().startTime;
}

/** Loads `${baseUrl}/#/login` in a new context of `browser` and closes the context afterwards. */
export async function loadLoginPage(browser: Browser, baseUrl: string, options: LoadOptions = {}): Promise<LoginLoad> {
    const { settleMs = 0, timeoutMs = 60_000 } = options;
    const origin = new URL(baseUrl).origin;
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
        const page = await context.newPage();
        const pageErrors: string[] = [];
        page.on("pageerror", (error) => pageErrors.push(error.message));

        let onReady!: (at: { readyMs: number; timeOrigin: number; wallMs: number }) => void;
        const ready = new Promise<{ readyMs: number; timeOrigin: number; wallMs: number }>(
            (resolve) => (onReady = resolve),
        );
        let gotoStartedAt = 0;
        await page.exposeFunction("__atriumBenchReady", (readyMs: number, timeOrigin: number) =>
            onReady({ readyMs, timeOrigin, wallMs: nodeClock.now() - gotoStartedAt }),
        );
        await page.addInitScript({ content: WATCH_FOR_USABLE_LOGIN_FORM });

        // Context-wide, so requests of workers are seen too. Node-side arrival times only decide
        // which unfinished requests to wait for; the page's own clock decides "before ready".
        const finished: Request[] = [];
        const inFlight = new Map<Request, number>();
        context.on("request", (request) => inFlight.set(request, nodeClock.now()));
        context.on("requestfailed", (request) => inFlight.delete(request));
        context.on("requestfinished", (request) => {
            inFlight.delete(request);
            finished.push(request);
        });

        gotoStartedAt = nodeClock.now();
        await page.goto(`${baseUrl}/#/login`, { waitUntil: "commit", timeout: timeoutMs });
        const timer = new AbortController();
        const timeout = sleep(timeoutMs, undefined, { signal: timer.signal }).then(() => {
            throw new Error(`the login form of ${baseUrl} was not usable within ${timeoutMs / 1000} s`);
        });
        timeout.catch(() => undefined); // handled by the race below; aborted once the form is ready
        let at: { readyMs: number; timeOrigin: number; wallMs: number };
        try {
            at = await Promise.race([ready, timeout]);
        } finally {
            timer.abort();
        }
        const readyNodeMs = gotoStartedAt + at.wallMs;
        const readyEpochMs = at.timeOrigin + at.readyMs;

        // Cross-check the in-page condition with Playwright's own locators (no timing involved).
        await page.getByRole("button", { name: "Sign in" }).waitFor({ state: "visible", timeout: 5_000 });
        if (!(await page.getByRole("textbox", { name: "Username" }).isEnabled())) {
            throw new Error("the in-page check saw a usable form, but Playwright finds Username disabled");
        }

        // Let requests that started before "ready" finish, so each load lists the same files; with
        // settleMs, also stay that long and until the network is quiet, to see what loads later.
        const settleUntil = nodeClock.now() + settleMs;
        const hardStop = nodeClock.now() + settleMs + 10_000;
        while (nodeClock.now() < hardStop) {
            const pending = [...inFlight.values()].filter((arrived) => settleMs > 0 || arrived <= readyNodeMs + 50);
            if (pending.length === 0 && nodeClock.now() >= settleUntil) break;
            await sleep(50);
        }

        const navigation = await page.evaluate(() => {
            const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
            const fcp = performance.getEntriesByName("first-contentful-paint")[0];
            return {
                responseEnd: nav?.responseEnd ?? 0,
                domContentLoaded: nav?.domContentLoadedEventEnd ?? 0,
                loadEventEnd: nav?.loadEventEnd ?? 0,
                firstContentfulPaint: fcp?.startTime ?? 0,
            };
        });

        const responses: ResponseRecord[] = [];
        for (const request of finished) {
            const url = new URL(request.url());
            if (url.protocol !== "http:" && url.protocol !== "https:") continue;
            const response = await request.response().catch(() => null);
            const startEpochMs = requestStartEpochMs(request);
            responses.push({
                url: request.url(),
                pathname: decodeURIComponent(url.pathname),
                sameOrigin: url.origin === origin,
                status: response?.status() ?? 0,
                resourceType: request.resourceType(),
                startMs: startEpochMs - at.timeOrigin,
                beforeReady: startEpochMs <= readyEpochMs,
            });
        }
        responses.sort((a, b) => a.startMs - b.startMs);
        return { readyMs: at.readyMs, playwrightWallMs: at.wallMs, navigation, responses, pageErrors };
    } finally {
        await context.close();
    }
}
