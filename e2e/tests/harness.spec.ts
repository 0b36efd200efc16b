// Checks the harness itself against the real Synapse; needs no web build.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { e2eWebappConfig } from "../harness/config.ts";
import { registerUser } from "../harness/synapse.ts";
import { MissingWebBuildError, serveWebapp } from "../harness/webapp.ts";
import {
    createRoom,
    expect,
    getMessages,
    injectSession,
    joinRoom,
    sendMessage,
    setDisplayName,
    test,
} from "./fixtures.ts";

test("two users exchange a message through the real Synapse", async ({ synapse }) => {
    const alice = await synapse.registerUser("alice", { displayName: "Alice" });
    const bob = await synapse.registerUser("bob");
    expect(alice.userId).toMatch(/^@alice-.+:localhost$/);
    expect(alice.deviceId).not.toBe(bob.deviceId);

    const roomId = await createRoom(alice, { name: "Harness check", preset: "private_chat", invite: [bob.userId] });
    const eventId = await sendMessage(alice, roomId, "hello from alice");
    expect(await joinRoom(bob, roomId)).toBe(roomId);
    await setDisplayName(bob, "Bob");

    const messages = (await getMessages(bob, roomId)).filter((e) => e.type === "m.room.message");
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
        event_id: eventId,
        sender: alice.userId,
        content: { body: "hello from alice" },
    });
});

test("registering an existing user logs in with a new device", async ({ synapse }) => {
    const first = await synapse.registerUser("again");
    const second = await registerUser(
        synapse.baseUrl,
        synapse.registrationSharedSecret,
        first.localpart,
        first.password,
    );
    expect(second.userId).toBe(first.userId);
    expect(second.deviceId).not.toBe(first.deviceId);
    await expect(
        registerUser(synapse.baseUrl, synapse.registrationSharedSecret, first.localpart, "wrong-password"),
    ).rejects.toThrow(/403/);
});

test.describe("web app server and browser session", () => {
    let buildDir: string;

    test.beforeAll(async () => {
        // A stand-in build: the real one is not needed to check the server and the fixtures.
        buildDir = await mkdtemp(path.join(os.tmpdir(), "atrium-fake-webapp-"));
        const page = `<!doctype html><title>fake Atrium</title><script>console.error("fake app error")</script>`;
        await writeFile(path.join(buildDir, "index.html"), page);
        await writeFile(path.join(buildDir, "config.json"), `{"brand":"from the build"}`);
        await writeFile(path.join(buildDir, "bundle.js"), `window.loaded = true;`);
    });
    test.afterAll(async () => rm(buildDir, { recursive: true, force: true }));

    test("serves the build, the test config and a logged-in session", async ({ page, synapse, consoleErrors }) => {
        const config = e2eWebappConfig(synapse.baseUrl);
        const server = await serveWebapp({ webappDir: buildDir, port: 0, config });
        try {
            const configResponse = await page.request.get(`${server.url}/config.json?cachebuster=1`);
            expect(configResponse.headers()["cache-control"]).toBe("no-cache");
            expect(await configResponse.json()).toEqual(config);
            const perHost = await page.request.get(`${server.url}/config.127.0.0.1.json`);
            expect(await perHost.json()).toEqual(config);
            const bundle = await page.request.get(`${server.url}/bundle.js`);
            expect(bundle.headers()["cache-control"]).not.toBe("no-cache");

            const user = await synapse.registerUser("browser");
            await injectSession(page, user);
            const response = await page.goto(server.url);
            expect(response?.headers()["cache-control"]).toBe("no-cache");
            const stored = await page.evaluate(() => ({ ...localStorage }));
            expect(stored).toMatchObject({
                mx_hs_url: synapse.baseUrl,
                mx_user_id: user.userId,
                mx_access_token: user.accessToken,
                mx_device_id: user.deviceId,
                mx_is_guest: "false",
                mx_has_access_token: "true",
            });

            // The session is injected once per tab: a "logout" survives a reload.
            await page.evaluate(() => localStorage.clear());
            await page.reload();
            expect(await page.evaluate(() => localStorage.getItem("mx_user_id"))).toBeNull();

            expect(consoleErrors.unexpected().map((p) => p.text)).toContain("fake app error");
        } finally {
            await server.stop();
        }
    });

    test("each session page has storage of its own", async ({ newSessionPage, synapse }) => {
        const server = await serveWebapp({ webappDir: buildDir, port: 0, config: {} });
        try {
            const [a, b] = [await synapse.registerUser("a"), await synapse.registerUser("b")];
            const pageA = await newSessionPage(a);
            const pageB = await newSessionPage(b);
            await pageA.goto(server.url);
            await pageB.goto(server.url);
            expect(await pageA.evaluate(() => localStorage.getItem("mx_user_id"))).toBe(a.userId);
            expect(await pageB.evaluate(() => localStorage.getItem("mx_user_id"))).toBe(b.userId);
        } finally {
            await server.stop();
        }
    });

    test("refuses to serve a directory without a build", async () => {
        const empty = await mkdtemp(path.join(os.tmpdir(), "atrium-no-webapp-"));
        try {
            const attempt = serveWebapp({ webappDir: empty, port: 0, config: {} });
            await expect(attempt).rejects.toThrow(MissingWebBuildError);
            await expect(attempt).rejects.toThrow(/run `npm run build` first/);
        } finally {
            await rm(empty, { recursive: true, force: true });
        }
    });
});
