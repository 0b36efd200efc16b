import { randomUUID } from "node:crypto";

import { expect, test as base, type BrowserContext, type Locator, type Page } from "@playwright/test";

import { elementSessionEntries, matrixRequest } from "../harness/matrix-client.ts";
import { readStackInfo, type E2eStackInfo } from "../harness/stack-info.ts";
import { registerUser, type MatrixSession, type RegisterOptions } from "../harness/synapse.ts";

export { expect } from "@playwright/test";
export * from "../harness/matrix-client.ts";

/** A user made for one test; the password is there for tests that log in through the UI. */
export interface TestUser extends MatrixSession {
    localpart: string;
    password: string;
}

export interface SynapseFixture extends Readonly<E2eStackInfo["synapse"]> {
    /** Registers a user whose name is unique to this run; every call is a new device. */
    registerUser(prefix?: string, options?: RegisterOptions): Promise<TestUser>;
}

/** What Element needs to start logged in. */
export type BrowserSession = Pick<MatrixSession, "baseUrl" | "userId" | "accessToken" | "deviceId">;

/**
 * Makes the app start logged in as `session`, by writing Element's localStorage keys before
 * any page script runs. Done once per tab (a sessionStorage flag), so a logout in the test
 * is not undone by the next reload.
 */
export async function injectSession(target: Page | BrowserContext, session: BrowserSession): Promise<void> {
    const context = "context" in target ? target.context() : target;
    const entries = elementSessionEntries(session);
    await context.addInitScript(
        ({ entries, userId }) => {
            try {
                if (window.top !== window || sessionStorage.getItem("atrium_e2e_session_injected")) return;
                for (const [key, value] of entries) localStorage.setItem(key, value);
                sessionStorage.setItem("atrium_e2e_session_injected", userId);
            } catch {
                // storage is unavailable on opaque origins such as about:blank
            }
        },
        { entries, userId: session.userId },
    );
}

/** Console noise known to be harmless (see BUILD-FACTS: the SDK's start-up TDZ error, element-web#27606). */
export const KNOWN_CONSOLE_NOISE: RegExp[] = [/Cannot access '[\w$]+' before initialization/];

export interface ConsoleProblem {
    kind: "pageerror" | "console.error";
    text: string;
    pageUrl: string;
}

/** Collects uncaught page errors and console errors of every page it watches. */
export class ConsoleErrors {
    readonly problems: ConsoleProblem[] = [];
    private readonly watched = new WeakSet<Page>();

    watch(page: Page): void {
        if (this.watched.has(page)) return;
        this.watched.add(page);
        page.on("pageerror", (error) =>
            this.problems.push({ kind: "pageerror", text: String(error.stack ?? error), pageUrl: page.url() }),
        );
        page.on("console", (message) => {
            if (message.type() === "error") {
                this.problems.push({ kind: "console.error", text: message.text(), pageUrl: page.url() });
            }
        });
    }

    /** The problems that match none of `ignore` (by default the known start-up noise). */
    unexpected(ignore: RegExp[] = KNOWN_CONSOLE_NOISE): ConsoleProblem[] {
        return this.problems.filter((p) => !ignore.some((re) => re.test(p.text)));
    }
}

interface Fixtures {
    synapse: SynapseFixture;
    consoleErrors: ConsoleErrors;
    /** A page in a context of its own (own storage, own crypto store) already logged in as `session`. */
    newSessionPage(session: BrowserSession): Promise<Page>;
}

let userCounter = 0;

export const test = base.extend<Fixtures, { stackInfo: E2eStackInfo }>({
    stackInfo: [async ({}, use) => use(await readStackInfo()), { scope: "worker" }],

    synapse: async ({ stackInfo }, use) => {
        const { baseUrl, registrationSharedSecret } = stackInfo.synapse;
        await use({
            ...stackInfo.synapse,
            async registerUser(prefix = "user", options = {}) {
                // Matrix localparts allow [a-z0-9._=-/]; time + counter keeps them unique per run.
                const clean = prefix.toLowerCase().replace(/[^a-z0-9._=-]/g, "-");
                const localpart = `${clean}-${Date.now().toString(36)}-${++userCounter}`;
                const password = `pw-${randomUUID()}`;
                const session = await registerUser(baseUrl, registrationSharedSecret, localpart, password, options);
                return { ...session, localpart, password };
            },
        });
    },

    consoleErrors: async ({}, use, testInfo) => {
        const errors = new ConsoleErrors();
        await use(errors);
        if (testInfo.status !== testInfo.expectedStatus && errors.problems.length > 0) {
            const text = errors.problems.map((p) => `[${p.kind}] ${p.pageUrl}\n${p.text}`).join("\n\n");
            await testInfo.attach("console-errors.txt", { body: text, contentType: "text/plain" });
        }
    },

    context: async ({ context, consoleErrors }, use) => {
        context.on("page", (page) => consoleErrors.watch(page));
        await use(context);
    },

    page: async ({ page, consoleErrors }, use) => {
        consoleErrors.watch(page);
        await use(page);
    },

    newSessionPage: async ({ browser, contextOptions, baseURL, consoleErrors }, use) => {
        const contexts: BrowserContext[] = [];
        await use(async (session) => {
            const context = await browser.newContext({ ...contextOptions, baseURL });
            contexts.push(context);
            context.on("page", (page) => consoleErrors.watch(page));
            await injectSession(context, session);
            return context.newPage();
        });
        await Promise.all(contexts.map((c) => c.close()));
    },
});

/**
 * Waits until the app in `page` knows `other`'s device `deviceId` (its keys are on the server and
 * the page's crypto has fetched them). A message encrypted before that cannot be read on the new
 * device: room keys go only to devices the sender knows, and key requests are off (crypto WASM ≥ 10).
 */
export async function waitUntilDeviceKnown(page: Page, other: { userId: string; deviceId: string }): Promise<void> {
    await expect
        .poll(
            () =>
                page.evaluate(async ({ userId, deviceId }) => {
                    const peg = (window as unknown as { mxMatrixClientPeg?: { get(): unknown } }).mxMatrixClientPeg;
                    const client = peg?.get() as {
                        getCrypto():
                            | {
                                  getUserDeviceInfo(
                                      u: string[],
                                      fetch: boolean,
                                  ): Promise<Map<string, Map<string, unknown>>>;
                              }
                            | undefined;
                    } | null;
                    const crypto = client?.getCrypto();
                    if (!crypto) return false;
                    const devices = await crypto.getUserDeviceInfo([userId], true);
                    return devices.get(userId)?.has(deviceId) ?? false;
                }, other),
            { timeout: 30_000, message: `${other.userId}'s device ${other.deviceId} known to the sender` },
        )
        .toBe(true);
}

/** A 1×1 PNG: small, but a real image the browser must decode. */
export const PIXEL_PNG = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
    "base64",
);

/** Uploads a PNG and makes it the user's avatar (uploads keep their legacy path in Matrix 1.11). */
export async function setAvatar(session: MatrixSession, png: Buffer = PIXEL_PNG): Promise<string> {
    const upload = await fetch(new URL("/_matrix/media/v3/upload?filename=avatar.png", session.baseUrl), {
        method: "POST",
        headers: { Authorization: `Bearer ${session.accessToken}`, "Content-Type": "image/png" },
        body: png,
    });
    if (!upload.ok) throw new Error(`upload -> ${upload.status}: ${await upload.text()}`);
    const { content_uri: avatarUrl } = (await upload.json()) as { content_uri: string };
    await matrixRequest(
        session.baseUrl,
        "PUT",
        `/_matrix/client/v3/profile/${encodeURIComponent(session.userId)}/avatar_url`,
        {
            accessToken: session.accessToken,
            body: { avatar_url: avatarUrl },
        },
    );
    return avatarUrl;
}

/** Resolves once an <img> has loaded and decoded (an image the homeserver refused has no width). */
export async function expectImageLoaded(image: Locator): Promise<void> {
    await expect(image).toBeVisible({ timeout: 30_000 });
    await expect
        .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 15_000 })
        .toBeGreaterThan(0);
}

/** Signs in through the sign-in form, as a person does. */
export async function signIn(page: Page, user: TestUser): Promise<void> {
    await page.goto("/#/login");
    await page.getByRole("textbox", { name: "Username" }).fill(user.localpart);
    await page.getByLabel("Password", { exact: true }).fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * A new sign-in of someone whose earlier session set up cross-signing is asked to verify the device
 * first: skips that, as a person who will verify later does. The confirmation can still be animating
 * in when first clicked, so it is clicked until it has gone.
 */
export async function skipNewDeviceVerification(page: Page): Promise<void> {
    await page.getByRole("button", { name: "Skip verification for now" }).click({ timeout: 30_000 });
    const later = page.getByRole("button", { name: "I'll verify later" });
    await expect(async () => {
        if (await later.isVisible()) await later.click({ timeout: 2_000 });
        await expect(later).toBeHidden({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
}

/** The logged-in app is ready once the room list has rendered. */
export async function waitForApp(page: Page): Promise<void> {
    // The classic room list, or the space navigator that takes its place by default.
    // The first sign-in sets up cross-signing keys first, which takes long on a busy machine.
    await expect(page.getByRole("tree", { name: /^(Rooms|Spaces)$/ }).first()).toBeVisible({ timeout: 60_000 });
}
