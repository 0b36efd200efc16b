// Advisories of the frozen SDK, proven closed in the real app against real Synapse (docs/security.md).
import { createRoom, expect, joinedRooms, matrixRequest, sendMessage, test } from "./fixtures.ts";

test("a room claiming someone else's room as its predecessor neither hides it nor takes it along when left (CVE-2025-59160/59161)", async ({
    synapse,
    newSessionPage,
}) => {
    const alice = await synapse.registerUser("alice");
    const mallory = await synapse.registerUser("mallory");
    const payroll = await createRoom(alice, { name: "Payroll", preset: "private_chat" });
    // Mallory's room names Payroll as the room it was upgraded from; Payroll names no successor.
    const bait = await createRoom(mallory, {
        name: "Bait",
        preset: "private_chat",
        invite: [alice.userId],
        creation_content: { predecessor: { room_id: payroll, event_id: "$forged" } },
    });

    const alicePage = await newSessionPage(alice);
    await alicePage.goto("/");
    // Rooms as the left panel lists them, whether the space navigator or the classic list draws it.
    const roomList = alicePage.locator(".mx_LeftPanel");
    await expect(roomList.getByRole("treeitem", { name: /Payroll/ })).toBeVisible({ timeout: 30_000 });

    await roomList.getByRole("treeitem", { name: /Bait/ }).click();
    await alicePage.getByRole("button", { name: "Accept" }).click();
    await expect(alicePage.locator(".mx_RoomHeader").getByText("Bait")).toBeVisible();
    // The SDK as shipped drops Payroll from the list as soon as Bait is joined.
    await expect(roomList.getByRole("treeitem", { name: /Bait/ })).toBeVisible();
    await expect(roomList.getByRole("treeitem", { name: /Payroll/ })).toBeVisible();

    // Leaving Bait leaves Bait only (the SDK as shipped leaves Payroll too: it walks Bait's claimed history).
    const composer = alicePage.getByRole("textbox", { name: /Send (a|an encrypted) message/ });
    await composer.fill("/part");
    await composer.press("Enter");
    await expect(roomList.getByRole("treeitem", { name: /Bait/ })).toHaveCount(0, { timeout: 15_000 });
    await expect(alicePage.getByRole("dialog")).toHaveCount(0);

    await expect.poll(() => joinedRooms(alice), { timeout: 15_000 }).not.toContain(bait);
    expect(await joinedRooms(alice)).toContain(payroll);
    await expect(roomList.getByRole("treeitem", { name: /Payroll/ })).toBeVisible();
});

test("an attachment that claims to be an image but is named as a program shows as a file (CVE-2024-51749)", async ({
    synapse,
    newSessionPage,
}) => {
    const alice = await synapse.registerUser("alice");
    const mallory = await synapse.registerUser("mallory");
    const room = await createRoom(alice, { name: "Invoices", preset: "public_chat" });
    await matrixRequest(mallory.baseUrl, "POST", `/_matrix/client/v3/join/${encodeURIComponent(room)}`, {
        accessToken: mallory.accessToken,
        body: {},
    });
    await sendMessage(mallory, room, {
        msgtype: "m.image",
        body: "invoice.exe",
        url: "mxc://localhost/notreallyanimage",
        info: { mimetype: "image/png", w: 640, h: 480, size: 1234, thumbnail_url: "mxc://localhost/cutecat" },
    });
    await sendMessage(mallory, room, "the invoice is above");

    const alicePage = await newSessionPage(alice);
    await alicePage.goto(`/#/room/${room}`);
    await expect(alicePage.getByText("the invoice is above")).toBeVisible({ timeout: 30_000 });
    const tile = alicePage.locator(".mx_EventTile", { hasText: "invoice.exe" });
    await expect(tile.locator(".mx_MFileBody")).toBeVisible();
    await expect(tile.locator(".mx_MImageBody")).toHaveCount(0);
});
