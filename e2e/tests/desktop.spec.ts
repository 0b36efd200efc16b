// Atrium as Element Desktop's webapp, once per pinned desktop contract (docs/desktop.md): the
// desktop's preload is emulated before load (e2e/tests/desktopPreload.ts). The homeserver is this
// spec's own Synapse, with CAS on so the sign-in page offers single sign-on; only the bridge's
// config names it (the served config.json points at the main stack's), so reaching it proves the
// config came through the bridge.
import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import path from "node:path";

import type { Page } from "@playwright/test";

import { e2eWebappConfig } from "../harness/config.ts";
import { e2eStateDir } from "../harness/paths.ts";
import { startSynapse, type SynapseHandle } from "../harness/synapse.ts";
import { askPage, emulateDesktopPreload, ipcCalls, type DesktopEmulation } from "./desktopPreload.ts";
import {
    createRoom,
    expect,
    expectImageLoaded,
    injectSession,
    joinRoom,
    PIXEL_PNG,
    sendMessage,
    test,
    type MatrixSession,
} from "./fixtures.ts";

const SERVER_NAME = "desktop.localhost";
// Synapse redirects single sign-on here; nothing listens: the test routes it.
const CAS_URL = "http://127.0.0.1:9/cas";
const desktopSynapsePort = Number(
    process.env.E2E_DESKTOP_SYNAPSE_PORT ?? Number(process.env.E2E_SYNAPSE_PORT ?? 18008) + 20,
);

let synapse: SynapseHandle;

test.describe.configure({ timeout: 120_000 });

test.beforeAll(async () => {
    test.setTimeout(90_000);
    const dataDir = path.join(e2eStateDir, `desktop-synapse-${desktopSynapsePort}`);
    await rm(dataDir, { recursive: true, force: true });
    synapse = await startSynapse({
        dataDir,
        port: desktopSynapsePort,
        serverName: SERVER_NAME,
        extraConfig: { cas_config: { enabled: true, server_url: CAS_URL } },
    });
});

test.afterAll(async () => {
    await synapse?.stop();
});

const DESKTOPS: Omit<DesktopEmulation, "config">[] = [
    { tag: "v1.11.101", protocol: "io.element.desktop", sessionId: "", appVersion: "1.11.101" },
    { tag: "v1.12.7", protocol: "com.acme.atrium", sessionId: randomUUID(), appVersion: "1.12.7" },
];

async function register(prefix: string): Promise<MatrixSession> {
    const localpart = `${prefix}-${Date.now().toString(36)}`;
    return synapse.registerUser(localpart, `pw-${randomUUID()}`);
}

/** Uploads a PNG and posts it to the room as an image (uploads keep their legacy path in Matrix 1.11). */
async function sendImage(session: MatrixSession, roomId: string): Promise<string> {
    const upload = await fetch(new URL("/_matrix/media/v3/upload?filename=plan.png", session.baseUrl), {
        method: "POST",
        headers: { Authorization: `Bearer ${session.accessToken}`, "Content-Type": "image/png" },
        body: PIXEL_PNG,
    });
    expect(upload.ok).toBe(true);
    const { content_uri: url } = (await upload.json()) as { content_uri: string };
    await sendMessage(session, roomId, {
        msgtype: "m.image",
        body: "plan.png",
        url,
        info: { mimetype: "image/png", w: 1, h: 1, size: PIXEL_PNG.length },
    });
    return url;
}

/**
 * The desktop's media-auth layer, on every authenticated media request of the page: it asks the page
 * for the homeserver's URL and, for a request to it, the token, then sends the request with it.
 */
async function routeMediaLikeTheDesktop(page: Page): Promise<{ url: string; token: unknown; status: number }[]> {
    const answered: { url: string; token: unknown; status: number }[] = [];
    await page.route(`${synapse.baseUrl}/_matrix/client/v1/media/**`, async (route) => {
        const request = route.request();
        const homeserverUrl = await askPage(page, "homeserverUrl");
        if (typeof homeserverUrl !== "string" || new URL(homeserverUrl).origin !== new URL(request.url()).origin) {
            return route.continue();
        }
        const token = await askPage(page, "userAccessToken");
        const response = await route.fetch({ headers: { ...request.headers(), authorization: `Bearer ${token}` } });
        answered.push({ url: request.url(), token, status: response.status() });
        try {
            await route.fulfill({ response });
        } catch (error) {
            // The page gave the request up meanwhile (it left the room, and the image with it): a fresh
            // clone's run once failed here. There is nothing left to answer; anything else still fails.
            if (!/disposed/i.test(String(error))) throw error;
        }
    });
    return answered;
}

for (const desktop of DESKTOPS) {
    const modern = desktop.tag === "v1.12.7";
    const brand = `Acme Chat (Element Desktop ${desktop.tag})`;
    const emulation = (): DesktopEmulation => ({
        ...desktop,
        config: { ...e2eWebappConfig(synapse.baseUrl, SERVER_NAME), brand },
    });

    test.describe(`Element Desktop ${desktop.tag} (${modern ? "initialise()" : "ipcCall"} contract)`, () => {
        test("picks the desktop platform, takes the bridge's config and starts SSO the desktop's way", async ({
            page,
        }) => {
            const calls = await emulateDesktopPreload(page, emulation());
            await page.route(`${CAS_URL}/**`, (route) =>
                route.fulfill({ contentType: "text/html", body: "<title>CAS</title>" }),
            );
            await page.goto("/#/login");
            await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible({ timeout: 30_000 });

            const platform = await page.evaluate(() => {
                const peg = (window as unknown as { mxPlatformPeg: { get(): Record<string, unknown> } }).mxPlatformPeg;
                const p = peg.get() as { getHumanReadableName(): string; desktopContract: string };
                return { name: p.getHumanReadableName(), contract: p.desktopContract };
            });
            expect(platform).toEqual({ name: "Electron Platform", contract: modern ? "initialise" : "ipcCall" });
            // The brand and the homeserver only the bridge's config has.
            await expect(page).toHaveTitle(new RegExp(brand.replace(/[()]/g, "\\$&")));
            await expect(page.getByText(SERVER_NAME).first()).toBeVisible();

            const ipcNames = ipcCalls(calls).map((c) => c.name);
            if (modern) {
                expect(calls.filter((c) => c.kind === "invoke").map((c) => c.channel)).toEqual(
                    expect.arrayContaining(["getProtocol", "getConfig", "getSupportedSettings"]),
                );
                expect(ipcNames).not.toContain("getConfig");
            } else {
                expect(ipcNames).toContain("getConfig");
                expect(calls.some((c) => c.kind === "invoke")).toBe(false);
            }
            // No service worker under the desktop: its media-auth layer adds the token instead.
            expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);

            const leaving = page.waitForRequest(/\/_matrix\/client\/v3\/login\/(sso|cas)\/redirect/);
            await page
                .getByRole("button", { name: /Continue with|single sign-on|SSO|CAS/i })
                .first()
                .click();
            const redirect = new URL((await leaving).url());
            const callback = new URL(redirect.searchParams.get("redirectUrl")!);
            const ssoId = callback.searchParams.get("element-desktop-ssoid");
            const announced = ipcCalls(calls).filter((c) => c.name === "startSSOFlow");
            if (modern) {
                // The desktop recorded its own session id at start: the callback carries it, on its scheme.
                expect(callback.protocol).toBe(`${desktop.protocol}:`);
                expect(ssoId).toBe(desktop.sessionId);
                expect(announced).toEqual([]);
            } else {
                // The page picked its id and told the desktop with startSSOFlow, before leaving.
                expect(callback.protocol).toBe("element:");
                expect(announced).toHaveLength(1);
                expect(ssoId).toBe(announced[0].args[0]);
                expect(ssoId).toMatch(/^[0-9a-f]{32}$/);
            }
            // Synapse took the callback and sent the browser on to the identity provider with it.
            await expect(page).toHaveURL(new RegExp(`^${CAS_URL}/login`));
            // The callback rides, encoded twice, in the `service` URL Synapse gives the CAS server.
            expect(decodeURIComponent(decodeURIComponent(page.url()))).toContain(`element-desktop-ssoid=${ssoId}`);
        });

        test("shows an authenticated image through the desktop's media path and sets the badge count", async ({
            page,
        }) => {
            const alice = await register("desk-alice");
            const bob = await register("desk-bob");
            const roomId = await createRoom(bob, { name: "Plans", preset: "public_chat" });
            await joinRoom(alice, roomId);
            const mxc = await sendImage(bob, roomId);
            // Synapse serves no media without a token: only the desktop's path can show it.
            const [serverName, mediaId] = mxc.slice("mxc://".length).split("/");
            const bare = await fetch(`${synapse.baseUrl}/_matrix/client/v1/media/download/${serverName}/${mediaId}`);
            expect(bare.status).toBe(401);

            const calls = await emulateDesktopPreload(page, emulation());
            await injectSession(page, alice);
            const answered = await routeMediaLikeTheDesktop(page);
            await page.goto(`/#/room/${roomId}`);

            await expectImageLoaded(page.locator(".mx_EventTile .mx_MImageBody img").first());
            expect(answered.length).toBeGreaterThan(0);
            expect(answered.every((a) => a.token === alice.accessToken && a.status === 200)).toBe(true);
            expect(await askPage(page, "homeserverUrl")).toBe(synapse.baseUrl);
            const versions = (await askPage(page, "serverSupportedVersions")) as { versions: string[] };
            expect(versions.versions).toContain("v1.11");
            expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);

            // Away from the room, a message from Bob is one unread notification: the desktop's badge shows 1.
            await page.goto("/#/home");
            await expect(page.getByRole("tree", { name: /^(Rooms|Spaces)$/ }).first()).toBeVisible({
                timeout: 30_000,
            });
            const badges = (): unknown[][] => calls.filter((c) => c.channel === "setBadgeCount").map((c) => c.args);
            await sendMessage(bob, roomId, "Plans are in");
            await expect.poll(() => badges().at(-1), { timeout: 30_000 }).toEqual([1]);
            // Reading it clears the badge.
            await page.goto(`/#/room/${roomId}`);
            await expect(page.getByText("Plans are in")).toBeVisible({ timeout: 30_000 });
            await expect.poll(() => badges().at(-1), { timeout: 30_000 }).toEqual([0]);
        });
    });
}
