// Hostile content from another user, in Chromium against real Synapse: HTML and script in a room's
// name and topic, a display name, plain and formatted message bodies, space and Atrium state events,
// and oversized payloads. It must all render as text, run nothing (a page-level tripwire proves it)
// and break no view: room list or space navigator, timeline, member list, room settings.
import type { Page } from "@playwright/test";

import {
    createRoom,
    expect,
    joinRoom,
    matrixRequest,
    sendMessage,
    setDisplayName,
    test,
    type MatrixSession,
} from "./fixtures.ts";

/** Every payload calls the tripwire if it ever runs. */
const RUN = (where: string): string => `window.__tripwire('${where}')`;
const NAME = `<img src=x onerror="${RUN("name")}">Finance`;
const TOPIC = `<script>${RUN("topic")}</script><a href="javascript:${RUN("topic-link")}">budget</a>`;
const DISPLAY_NAME = `<b onmouseover="${RUN("displayname")}">Mallory</b>`;
const PLAIN_BODY = `<script>${RUN("body")}</script> plain body`;
const FORMATTED = [
    `<img src="x" onerror="${RUN("img")}">`,
    `<a href="javascript:${RUN("href")}">click me</a>`,
    `<iframe src="javascript:${RUN("iframe")}"></iframe>`,
    `<svg onload="${RUN("svg")}"></svg>`,
    `<style>body { display: none !important; }</style>`,
    `<details open ontoggle="${RUN("toggle")}">formatted body</details>`,
].join("");
const NESTED = `${"<blockquote>".repeat(300)}deep quote${"</blockquote>".repeat(300)}`;
const LONG_BODY = `start of a long message ${"lorem ipsum ".repeat(5000)} end`;

async function putState(
    session: MatrixSession,
    roomId: string,
    type: string,
    stateKey: string,
    content: unknown,
): Promise<void> {
    const path = `/_matrix/client/v3/rooms/${encodeURIComponent(roomId)}/state/${encodeURIComponent(type)}/${encodeURIComponent(stateKey)}`;
    await matrixRequest(session.baseUrl, "PUT", path, { accessToken: session.accessToken, body: content });
}

/** A tripwire any payload would call, and a record of dialogs (alert/confirm) if script ever ran. */
async function armTripwire(page: Page): Promise<string[]> {
    const tripped: string[] = [];
    await page.exposeFunction("__reportTrip", (where: string) => tripped.push(where));
    await page.addInitScript(() => {
        (window as unknown as { __tripwire: (w: string) => void }).__tripwire = (where: string) =>
            (window as unknown as { __reportTrip: (w: string) => void }).__reportTrip(where);
    });
    page.on("dialog", (dialog) => {
        tripped.push(`dialog: ${dialog.message()}`);
        void dialog.dismiss();
    });
    return tripped;
}

/** Attributes that would run code, anywhere in the document. */
const liveHandlers = (page: Page): Promise<string[]> =>
    page.evaluate(() => {
        const found: string[] = [];
        for (const el of Array.from(document.querySelectorAll("*"))) {
            for (const attr of el.getAttributeNames()) {
                const value = el.getAttribute(attr) ?? "";
                if (attr.startsWith("on") || /^\s*javascript:/i.test(value))
                    found.push(`${el.tagName} ${attr}=${value.slice(0, 60)}`);
            }
        }
        return found;
    });

test("hostile names, topics, bodies and state events render as text and run nothing", async ({
    synapse,
    newSessionPage,
    consoleErrors,
}) => {
    test.setTimeout(120_000);
    const mallory = await synapse.registerUser("mallory");
    const alice = await synapse.registerUser("alice");
    await setDisplayName(mallory, DISPLAY_NAME);
    const space = await createRoom(mallory, {
        name: `<svg onload="${RUN("space")}">Departments`,
        creation_content: { type: "m.space" },
        preset: "public_chat",
    });
    const roomId = await createRoom(mallory, { name: NAME, topic: TOPIC, preset: "public_chat" });
    // The space lists the room with a hostile order string; an Atrium-namespaced event carries HTML too.
    await putState(mallory, space, "m.space.child", roomId, {
        via: ["localhost"],
        order: "\u0020<script>",
        suggested: true,
    });
    await putState(mallory, roomId, "m.space.parent", space, { via: ["localhost"], canonical: true });
    await putState(mallory, roomId, "atrium.policy", "", {
        label: `<img src=x onerror="${RUN("policy")}">`,
        level: "x".repeat(10_000),
    });
    await putState(mallory, roomId, "m.room.avatar", "", { url: `javascript:${RUN("avatar")}` });
    await sendMessage(mallory, roomId, PLAIN_BODY);
    await sendMessage(mallory, roomId, {
        msgtype: "m.text",
        body: "formatted body",
        format: "org.matrix.custom.html",
        formatted_body: FORMATTED,
    });
    await sendMessage(mallory, roomId, {
        msgtype: "m.text",
        body: "deep quote",
        format: "org.matrix.custom.html",
        formatted_body: NESTED,
    });
    await sendMessage(mallory, roomId, { msgtype: "m.notice", body: LONG_BODY });
    await sendMessage(mallory, roomId, "last words");
    await joinRoom(alice, space);
    await joinRoom(alice, roomId);

    const page = await newSessionPage(alice);
    const tripped = await armTripwire(page);
    await page.goto(`/#/room/${roomId}`);

    // The timeline: literal text for the plain body, sanitized HTML for the formatted one.
    await expect(page.getByText("last words")).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText(PLAIN_BODY)).toBeVisible();
    await expect(page.locator(".mx_EventTile_body", { hasText: "formatted body" })).toBeVisible();
    await expect(page.locator(".mx_EventTile_body", { hasText: "deep quote" }).first()).toBeVisible();
    await expect(page.getByText("start of a long message", { exact: false })).toBeVisible();
    // The room's name and topic in the header, as text.
    await expect(page.locator(".mx_RoomHeader").getByText(NAME)).toBeVisible();
    // The left panel still lists the space by its literal name.
    await expect(
        page
            .locator(".mx_LeftPanel")
            .getByRole("treeitem", { name: /<svg onload=.*Departments/ })
            .first(),
    ).toBeVisible();

    // First-run announcements are dialogs too: out of the way.
    await page.getByRole("dialog", { name: "Threads Activity Centre" }).getByRole("button", { name: "OK" }).click();

    // Member list: the display name is text.
    await page.locator(".mx_RoomHeader").getByRole("button", { name: "People" }).click();
    await expect(page.locator(".mx_RightPanel").getByText(DISPLAY_NAME).first()).toBeVisible();

    // Room settings open and show the name as the field's value.
    await page.getByRole("button", { name: "Open room settings" }).click();
    const settings = page.getByRole("dialog", { name: /Room Settings/ });
    await expect(settings.getByRole("textbox", { name: "Room Name" })).toHaveValue(NAME);
    await expect(settings.getByRole("textbox", { name: "Room Topic" })).toHaveValue(TOPIC);
    await page.keyboard.press("Escape");
    await expect(settings).toHaveCount(0);

    expect(await liveHandlers(page)).toEqual([]);
    expect(tripped).toEqual([]);
    // The tripwire is live: a call from the page is recorded.
    await page.evaluate(() => (window as unknown as { __tripwire: (w: string) => void }).__tripwire("self-test"));
    await expect.poll(() => tripped).toEqual(["self-test"]);
    const styleSurvived = await page.evaluate(() => getComputedStyle(document.body).display);
    expect(styleSurvived).not.toBe("none");
    expect(consoleErrors.unexpected().filter((p) => p.kind === "pageerror")).toEqual([]);
});
