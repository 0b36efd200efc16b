// The archive module (modules/archive) against the real Synapse: a policy archive that the server
// enforces (a member's message refused with M_FORBIDDEN), found in "Archive", opened read-only,
// exported as HTML and restored to exactly the levels it replaced; a record from someone below the
// configured level ignored; "Archive for me" undone by a colleague's mention.
// The room settings tab and context menu wrappers are not in this build yet: the room header's
// "Archive options" button (the same panel as the settings tab) drives archiving here.
import { execFileSync } from "node:child_process";
import type { Page } from "@playwright/test";

import {
    createRoom,
    expect,
    joinRoom,
    matrixRequest,
    MatrixHttpError,
    sendMessage,
    test,
    waitForApp,
    type MatrixSession,
} from "./fixtures.ts";

const r = encodeURIComponent;
const PL = "m.room.power_levels";

interface StateEvent {
    type: string;
    state_key: string;
    event_id: string;
    content: Record<string, unknown>;
}

const roomStateEvents = (session: MatrixSession, roomId: string): Promise<StateEvent[]> =>
    matrixRequest<StateEvent[]>(session.baseUrl, "GET", `/_matrix/client/v3/rooms/${r(roomId)}/state`, {
        accessToken: session.accessToken,
    });

const stateContent = (session: MatrixSession, roomId: string, type: string): Promise<Record<string, unknown>> =>
    matrixRequest(session.baseUrl, "GET", `/_matrix/client/v3/rooms/${r(roomId)}/state/${r(type)}/`, {
        accessToken: session.accessToken,
    });

async function sendError(session: MatrixSession, roomId: string, body: string): Promise<string | undefined> {
    try {
        await sendMessage(session, roomId, body);
        return undefined;
    } catch (error) {
        if (error instanceof MatrixHttpError) return error.errcode;
        throw error;
    }
}

const tree = (page: Page) => page.getByRole("tree", { name: "Spaces", exact: true });
const treeItem = (page: Page, name: string) => tree(page).getByRole("treeitem", { name: new RegExp(name) });

async function openApp(page: Page, roomId: string): Promise<void> {
    await page.goto("/");
    await waitForApp(page);
    await page.goto(`/#/room/${roomId}`);
}

test("a policy archive: enforced by the server, found by search, read-only, exported, restored exactly", async ({
    synapse,
    newSessionPage,
}) => {
    test.setTimeout(180_000);
    const alice = await synapse.registerUser("alice");
    const bob = await synapse.registerUser("bob");
    const roomId = await createRoom(alice, {
        name: "Zephyr project",
        topic: "Rocket telemetry",
        preset: "public_chat",
    });
    await joinRoom(bob, roomId);
    await sendMessage(bob, roomId, "Telemetry looks nominal");
    const original = await stateContent(alice, roomId, PL);

    const page = await newSessionPage(alice);
    await openApp(page, roomId);
    await expect(page.getByText("Telemetry looks nominal")).toBeVisible({ timeout: 30_000 });
    await expect(treeItem(page, "Zephyr project")).toBeVisible();

    // Archive with a reason, from the room header's archive options.
    await page.getByRole("button", { name: "Archive options" }).click();
    const options = page.getByRole("dialog", { name: /Archive options: Zephyr project/ });
    await options.getByRole("button", { name: "Archive room" }).click();
    const archiveDialog = page.getByRole("dialog", { name: "Archive room: Zephyr project" });
    await archiveDialog.getByLabel("Reason (everyone in the room sees it)").fill("Project delivered");
    await archiveDialog.getByRole("button", { name: "Archive", exact: true }).click();
    await expect(archiveDialog).toBeHidden({ timeout: 15_000 });
    await expect(options.getByRole("status")).toHaveText("This room is archived for everyone.");
    await options.getByRole("button", { name: "Close dialog" }).click();
    await expect(options).toBeHidden();

    // The server refuses a member's message, whatever client sends it.
    expect(await sendError(bob, roomId, "Still here?")).toBe("M_FORBIDDEN");
    const record = (await roomStateEvents(alice, roomId)).find((event) => event.type === "org.atrium.archive");
    expect(record?.content).toMatchObject({ reason: "Project delivered", level: 100 });
    expect(typeof record?.content.replaced_event_id).toBe("string");

    // Read-only: the banner says who, when and why; no composer; the room left the tree.
    const banner = page.getByRole("note", { name: "Archived for everyone" });
    await expect(banner).toContainText(/Archived on .+ by alice.*: Project delivered/i);
    await expect(page.locator(".mx_MessageComposer")).toBeHidden();
    await expect(treeItem(page, "Zephyr project")).toHaveCount(0);

    // Found in "Archive" by a word of its topic, with who and why.
    await page.getByRole("button", { name: "Archive", exact: true }).click();
    const view = page.getByRole("region", { name: "Archive" });
    await view.getByRole("searchbox", { name: "Search archived rooms" }).fill("nothing like it");
    await expect(view.getByText("No archived rooms match")).toBeVisible();
    await view.getByRole("searchbox", { name: "Search archived rooms" }).fill("telemetry");
    const entry = view.getByRole("listitem", { name: "Zephyr project" });
    await expect(entry).toContainText("Archived for everyone");
    await expect(entry).toContainText("Reason: Project delivered");

    // Opened from there, read-only.
    await page.goto("/#/home");
    await entry.getByRole("button", { name: "Open" }).click();
    await expect(page.getByText("Telemetry looks nominal")).toBeVisible();
    await expect(banner).toBeVisible();
    await expect(page.locator(".mx_MessageComposer")).toBeHidden();

    // Exported as HTML: a ZIP whose messages.html holds the messages.
    await entry.getByRole("button", { name: "Export" }).click();
    const exportDialog = page.getByRole("dialog", { name: "Export “Zephyr project”" });
    await expect(exportDialog.getByRole("radio", { name: /HTML/ })).toBeChecked();
    const download = page.waitForEvent("download", { timeout: 60_000 });
    await exportDialog.getByRole("button", { name: "Export", exact: true }).click();
    const zipPath = await (await download).path();
    await expect(exportDialog.getByRole("status")).toHaveText("Export finished", { timeout: 30_000 });
    const html = execFileSync("python3", [
        "-c",
        "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nname = next(n for n in z.namelist() if n.endswith('/messages.html'))\nsys.stdout.write(z.read(name).decode())",
        zipPath,
    ]).toString();
    expect(html).toContain("Telemetry looks nominal");
    await exportDialog.getByRole("button", { name: "Cancel" }).click();

    // Restored: the levels are exactly the replaced ones, the member writes again, and so do I.
    await entry.getByRole("button", { name: "Restore" }).click();
    const restoreDialog = page.getByRole("dialog", { name: "Restore room: Zephyr project" });
    await restoreDialog.getByRole("button", { name: "Restore", exact: true }).click();
    await expect(restoreDialog).toBeHidden({ timeout: 15_000 });
    expect(await stateContent(alice, roomId, PL)).toEqual(original);
    expect(await sendError(bob, roomId, "We are back")).toBeUndefined();
    await expect(view.getByText("No archived rooms")).toBeVisible();
    await expect(banner).toBeHidden();
    await view.getByRole("button", { name: "Close the archive" }).click();
    await expect(treeItem(page, "Zephyr project")).toBeVisible();
    const composer = page.getByRole("textbox", { name: /Send a message/ });
    await composer.fill("Restored and writing");
    await composer.press("Enter");
    await expect(page.locator(".mx_EventTile_last")).toContainText("Restored and writing", { timeout: 15_000 });
});

test("a record from someone below the configured level does not archive the room", async ({
    synapse,
    newSessionPage,
}) => {
    const alice = await synapse.registerUser("alice");
    const mod = await synapse.registerUser("mod");
    // A room whose low state_default lets a moderator send any state event, our record too.
    const roomId = await createRoom(alice, {
        name: "Loose room",
        preset: "public_chat",
        // Room version 12: the creator holds unlimited power and must not be listed in `users`.
        power_level_content_override: { state_default: 0, users: { [mod.userId]: 50 } },
    });
    await joinRoom(mod, roomId);
    const levels = (await roomStateEvents(alice, roomId)).find((event) => event.type === PL)!;
    await matrixRequest(mod.baseUrl, "PUT", `/_matrix/client/v3/rooms/${r(roomId)}/state/org.atrium.archive/`, {
        accessToken: mod.accessToken,
        body: { reason: "forged", replaced_event_id: levels.event_id, level: 100 },
    });
    await sendMessage(alice, roomId, "Business as usual");

    const page = await newSessionPage(alice);
    await openApp(page, roomId);
    await expect(page.getByText("Business as usual")).toBeVisible({ timeout: 30_000 });
    await expect(treeItem(page, "Loose room")).toBeVisible();
    await expect(page.getByRole("note", { name: "Archived for everyone" })).toHaveCount(0);
    await expect(page.getByRole("textbox", { name: /Send a message/ })).toBeVisible();
    await page.getByRole("button", { name: "Archive", exact: true }).click();
    await expect(page.getByRole("region", { name: "Archive" }).getByText("No archived rooms")).toBeVisible();
});

test("archive for me: the room leaves my list and comes back when a colleague mentions me", async ({
    synapse,
    newSessionPage,
}) => {
    const alice = await synapse.registerUser("alice");
    const bob = await synapse.registerUser("bob");
    const carol = await synapse.registerUser("carol");
    const roomId = await createRoom(bob, { name: "Coffee corner", preset: "public_chat" });
    await joinRoom(alice, roomId);
    await joinRoom(carol, roomId);
    await sendMessage(bob, roomId, "Who wants coffee?");

    const page = await newSessionPage(alice);
    await openApp(page, roomId);
    await expect(page.getByText("Who wants coffee?")).toBeVisible({ timeout: 30_000 });

    await page.getByRole("button", { name: "Archive options" }).click();
    const options = page.getByRole("dialog", { name: /Archive options: Coffee corner/ });
    // Alice is no admin here: no "Archive room" for her, "Archive for me" for everyone.
    await expect(options.getByRole("button", { name: "Archive room" })).toHaveCount(0);
    await options.getByRole("button", { name: "Archive for me" }).click();
    await expect(options.getByRole("status")).toHaveText("You archived this room for yourself.");
    await page.keyboard.press("Escape");
    await expect(treeItem(page, "Coffee corner")).toHaveCount(0);
    await page.getByRole("button", { name: "Archive", exact: true }).click();
    const entry = page.getByRole("region", { name: "Archive" }).getByRole("listitem", { name: "Coffee corner" });
    await expect(entry).toContainText("Archived for me");
    await page.getByRole("button", { name: "Close the archive" }).click();

    // A message that would not notify her keeps it archived only if her rules say so; a mention always does.
    await sendMessage(carol, roomId, {
        msgtype: "m.text",
        body: `${alice.userId}: the report is ready`,
        "m.mentions": { user_ids: [alice.userId] },
    });
    await expect(treeItem(page, "Coffee corner")).toBeVisible({ timeout: 30_000 });
    const tags = await matrixRequest<{ tags: Record<string, unknown> }>(
        alice.baseUrl,
        "GET",
        `/_matrix/client/v3/user/${r(alice.userId)}/rooms/${r(roomId)}/tags`,
        { accessToken: alice.accessToken },
    );
    expect(Object.keys(tags.tags)).not.toContain("org.atrium.archived");
});
