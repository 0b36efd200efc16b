// Atrium embedded in another site's page, in Chromium against real Synapse, with the app served by
// the config service (so the tenant's CSP frame-ancestors applies): the host page is on `localhost`,
// the app on `127.0.0.1` — two sites, as a wiki and the chat would be. An allowed host frames
// Atrium, the person signs in through the top-level sign-in window (the frame gets a device of its
// own, the window's session is gone), the host opens a room by postMessage and hears unread counts;
// a framer not listed in host_origins is ignored; an unlisted host is refused by the browser.
import { mkdir, writeFile } from "node:fs/promises";
import http from "node:http";
import path from "node:path";

import { type BrowserContext, chromium, type Page } from "@playwright/test";

import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../harness/chromium.ts";
import { closePages, servePage, startTenantService, type TenantService } from "../harness/configService.ts";
import { tenantYaml } from "../harness/tenantFile.ts";
import { createRoom, expect, joinRoom, matrixRequest, sendMessage, type SynapseFixture, test } from "./fixtures.ts";

const SERVICE_PORT = Number(process.env.E2E_EMBED_SERVICE_PORT ?? 18096);
const HOST_PORT = Number(process.env.E2E_EMBED_HOST_PORT ?? 18070);
const HOST = `http://localhost:${HOST_PORT}`;
/** May frame the app (frame_ancestors) but is not a host origin: its messages are ignored. */
const FRAMER_ONLY = `http://localhost:${HOST_PORT + 1}`;
/** Neither: the browser refuses to frame the app there. */
const UNLISTED = `http://localhost:${HOST_PORT + 2}`;
const APP = `http://127.0.0.1:${SERVICE_PORT}`;

function tenantFile(homeserver: string): string {
    return tenantYaml({
        homeserverUrl: homeserver,
        brand: "Acme Chat",
        atrium: { embedding: { frame_ancestors: ["'self'", HOST, FRAMER_ONLY], host_origins: [HOST] } },
    });
}

/** A wiki-like page framing the app on one room, recording what the frame tells it. */
function hostPage(room: string): string {
    const src = `${APP}/?embed=room&room=${encodeURIComponent(room)}`;
    return `<!doctype html><html><head><title>Project wiki</title></head><body>
<h1>Project wiki</h1>
<iframe id="chat" title="Team chat" src="${src}" width="1000" height="640"></iframe>
<script>
window.received = [];
window.addEventListener("message", (event) => {
    if (event.origin === ${JSON.stringify(APP)}) window.received.push(event.data);
});
window.openRoom = (room) => document.getElementById("chat").contentWindow.postMessage(
    { api: "atrium.embed", version: 1, type: "open_room", room }, ${JSON.stringify(APP)});
</script></body></html>`;
}

interface Received {
    type: string;
    signed_in?: boolean;
    user_id?: string;
    total?: { count: number; highlight: number };
    room?: { room_id: string; count: number } | null;
}

/**
 * A browser with a regular profile, as people use it: a cross-site frame gets storage of its own
 * (partitioned by the top-level site). Playwright's usual contexts are private windows, where
 * Chromium blocks a third-party frame's storage (the last test shows the frame's answer to that).
 */
async function regularProfile(dir: string): Promise<BrowserContext> {
    await mkdir(path.join(dir, "Default"), { recursive: true });
    // Chromium's "Allow third-party cookies" (cookie_controls_mode 0): the setting of a regular profile.
    await writeFile(path.join(dir, "Default", "Preferences"), JSON.stringify({ profile: { cookie_controls_mode: 0 } }));
    return chromium.launchPersistentContext(dir, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

const received = (page: Page): Promise<Received[]> =>
    page.evaluate(() => (window as unknown as { received: Received[] }).received);

test.describe("embedded mode", () => {
    let tenantsDir: string;
    let tenant: TenantService | undefined;
    const hosts: http.Server[] = [];

    test.beforeEach(async ({ synapse }) => {
        tenant = await startTenantService({
            prefix: "atrium-e2e-embed-",
            tenantYaml: tenantFile(synapse.baseUrl),
            port: SERVICE_PORT,
        });
        tenantsDir = tenant.tenantsDir;
    });

    test.afterEach(async () => {
        await tenant?.stop();
        await closePages(hosts);
    });

    test("a listed host frames Atrium, signs in through the window, opens a room and hears unread counts", async ({
        synapse,
    }) => {
        test.setTimeout(120_000);
        const browser = await regularProfile(path.join(tenantsDir, "profile"));
        const page = await browser.newPage();
        try {
            await signInAndTalk(page, synapse);
        } finally {
            await browser.close();
        }
    });

    test("a frame whose storage the browser blocks says so and offers a new tab", async ({ page }) => {
        hosts.push(await servePage(HOST_PORT, hostPage("#general:localhost")));
        await page.goto(`${HOST}/`);
        const frame = page.frameLocator("#chat");
        await expect(frame.getByRole("alert")).toContainText("does not let Acme Chat keep a session", {
            timeout: 30_000,
        });
        await expect(frame.getByRole("link", { name: "Open Acme Chat in a new tab" })).toHaveAttribute(
            "href",
            `${APP}/#/room/${encodeURIComponent("#general:localhost")}`,
        );
        await expect(frame.getByRole("button", { name: /Sign in/ })).toHaveCount(0);
    });

    async function signInAndTalk(page: Page, synapse: SynapseFixture): Promise<void> {
        const alice = await synapse.registerUser("embed-alice");
        const bob = await synapse.registerUser("embed-bob");
        const aliasName = `general-${Date.now().toString(36)}`;
        const generalId = await createRoom(alice, {
            name: "General",
            room_alias_name: aliasName,
            preset: "public_chat",
        });
        const otherId = await createRoom(alice, { name: "Release planning", preset: "public_chat" });
        for (const roomId of [generalId, otherId]) await joinRoom(bob, roomId);
        const alias = `#${aliasName}:${synapse.serverName}`;
        hosts.push(await servePage(HOST_PORT, hostPage(alias)));

        await page.goto(`${HOST}/`);
        const frame = page.frameLocator("#chat");
        const header = frame.locator(".atrium_EmbedHeader");
        await expect(frame.getByRole("link", { name: "Open in Acme Chat" })).toHaveAttribute(
            "href",
            `${APP}/#/room/${encodeURIComponent(alias)}`,
        );
        await expect(header).toContainText("Acme Chat");
        await expect.poll(async () => (await received(page)).map((m) => m.type)).toEqual(["ready", "signed_in"]);
        expect((await received(page))[1].signed_in).toBe(false);

        // Sign-in happens in a top-level window: Synapse's pages refuse frames, and so would ours.
        const popupPromise = page.context().waitForEvent("page");
        await frame.getByRole("button", { name: "Sign in to Acme Chat" }).click();
        const popup = await popupPromise;
        await expect(popup).toHaveURL(new RegExp(`^${APP}/\\?embed=signin&state=[0-9a-f]{48}$`));
        await popup.getByRole("textbox", { name: "Username" }).fill(alice.localpart);
        await popup.getByLabel("Password").fill(alice.password);
        await popup.getByRole("button", { name: "Sign in" }).press("Enter");
        await popup.waitForEvent("close", { timeout: 30_000 });

        // The frame is signed in on the room, in the compact layout: no space bar, no room list.
        await expect(frame.locator(".mx_RoomHeader").getByText("General")).toBeVisible({ timeout: 45_000 });
        await expect(frame.locator(".mx_SpacePanel")).toBeHidden();
        await expect(frame.locator(".mx_LeftPanel")).toBeHidden();
        await expect
            .poll(async () => (await received(page)).find((m) => m.type === "signed_in" && m.signed_in))
            .toMatchObject({ user_id: alice.userId });

        // The frame has a device of its own; the sign-in window's is already logged out.
        const { devices } = await matrixRequest<{ devices: { device_id: string; display_name?: string }[] }>(
            alice.baseUrl,
            "GET",
            "/_matrix/client/v3/devices",
            { accessToken: alice.accessToken },
        );
        expect(devices.map((d) => d.display_name ?? "")).not.toContainEqual(expect.stringMatching(/sign-in window/));
        expect(devices.filter((d) => d.device_id !== alice.deviceId)).toHaveLength(1);

        // A message elsewhere: the host hears the total go up while the room on screen stays read.
        await sendMessage(bob, otherId, "Release moved to Thursday");
        await expect
            .poll(async () => (await received(page)).filter((m) => m.type === "unread").at(-1), { timeout: 30_000 })
            .toMatchObject({ total: { count: 1 }, room: { room_id: generalId, count: 0 } });

        // The host opens the other room; the frame shows it and reports its counts for that room.
        await page.evaluate((roomId) => (window as unknown as { openRoom(r: string): void }).openRoom(roomId), otherId);
        await expect(frame.locator(".mx_RoomHeader").getByText("Release planning")).toBeVisible({ timeout: 30_000 });
        await expect(frame.getByText("Release moved to Thursday")).toBeVisible();
        await expect
            .poll(async () => (await received(page)).filter((m) => m.type === "unread").at(-1), { timeout: 30_000 })
            .toMatchObject({ room: { room_id: otherId } });

        // A page that may frame the app but is not a host origin: Atrium neither obeys nor tells it.
        hosts.push(await servePage(HOST_PORT + 1, hostPage(alias)));
        await page.goto(`${FRAMER_ONLY}/`);
        await expect(frame.locator(".mx_RoomHeader").getByText("General")).toBeVisible({ timeout: 45_000 });
        await page.evaluate((roomId) => (window as unknown as { openRoom(r: string): void }).openRoom(roomId), otherId);
        await page.waitForTimeout(2_000);
        await expect(frame.locator(".mx_RoomHeader").getByText("General")).toBeVisible();
        await expect(frame.locator(".mx_RoomHeader").getByText("Release planning")).toHaveCount(0);
        expect(await received(page)).toEqual([]);
    }

    test("a host not in frame_ancestors is refused by the browser", async ({ page }) => {
        hosts.push(await servePage(HOST_PORT + 2, hostPage("#general:localhost")));
        const messages: string[] = [];
        page.on("console", (message) => messages.push(message.text()));
        await page.goto(`${UNLISTED}/`);
        await expect
            .poll(() => messages.join("\n"), { timeout: 15_000 })
            .toMatch(/violates the following Content Security Policy directive: "frame-ancestors/);
        await expect(page.frameLocator("#chat").getByRole("link", { name: "Open in Acme Chat" })).toHaveCount(0);
    });
});
