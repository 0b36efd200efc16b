// room-link (modules/room-link) against the real Synapse: the room header's "Copy room link" puts the
// room's permalink on the clipboard, read back through the browser's clipboard (permission granted).
import { createRoom, expect, injectSession, test } from "./fixtures.ts";

test("'Copy room link' in the room header copies the room's permalink and says so", async ({
    page,
    context,
    synapse,
    baseURL,
}) => {
    const alice = await synapse.registerUser("alice");
    const room = await createRoom(alice, { name: "Quarterly plan", preset: "private_chat" });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
    await injectSession(page, alice);
    await page.goto(`/#/room/${room}`);
    await expect(page.locator(".mx_RoomHeader").getByText("Quarterly plan")).toBeVisible({ timeout: 30_000 });
    // Something else on the clipboard first, so only the button can have put the link there.
    await page.evaluate(() => navigator.clipboard.writeText("not the link"));

    const button = page.locator(".mx_RoomHeader").getByRole("button", { name: "Copy room link" });
    await button.click();

    // A room with no alias: its ID, and the server of its only member as the one to join through (room
    // IDs of current room versions name no server).
    const serverName = alice.userId.slice(alice.userId.indexOf(":") + 1);
    await expect
        .poll(() => page.evaluate(() => navigator.clipboard.readText()))
        .toBe(`https://matrix.to/#/${room}?via=${serverName}`);
    await expect(page.getByText("Room link copied")).toBeAttached();

    // By keyboard too, after the clipboard is changed again.
    await page.evaluate(() => navigator.clipboard.writeText("not the link"));
    await button.focus();
    await page.keyboard.press("Enter");
    await expect
        .poll(() => page.evaluate(() => navigator.clipboard.readText()))
        .toBe(`https://matrix.to/#/${room}?via=${serverName}`);
});
