// Advisories of the frozen SDK, proven closed in the real app against real Synapse (docs/security.md).
import type { Locator, Page } from "@playwright/test";

import { createRoom, expect, joinedRooms, matrixRequest, sendMessage, test, type MatrixSession } from "./fixtures.ts";

const r = encodeURIComponent;

/** Tombstones `roomId` as upgraded to `replacement`, as an admin of the room can. */
async function tombstone(session: MatrixSession, roomId: string, replacement: string): Promise<void> {
    await matrixRequest(session.baseUrl, "PUT", `/_matrix/client/v3/rooms/${r(roomId)}/state/m.room.tombstone/`, {
        accessToken: session.accessToken,
        body: { body: "This room has been replaced", replacement_room: replacement },
    });
}

/** A private room of Mallory's that invites `victim` and names `claimed` as the room it was upgraded from. */
const baitRoom = (mallory: MatrixSession, victim: MatrixSession, name: string, claimed: string): Promise<string> =>
    createRoom(mallory, {
        name,
        preset: "private_chat",
        invite: [victim.userId],
        creation_content: { predecessor: { room_id: claimed, event_id: "$forged" } },
    });

/** Alice's page, signed in, with the space navigator (the default view) listing `room`. */
async function navigatorListing(
    newSessionPage: (session: MatrixSession) => Promise<Page>,
    alice: MatrixSession,
    room: RegExp,
): Promise<{ page: Page; navigator: Locator }> {
    const page = await newSessionPage(alice);
    await page.goto("/");
    const navigator = page.getByRole("tree", { name: "Spaces", exact: true });
    await expect(navigator.getByRole("treeitem", { name: /^Bait/ })).toBeVisible({ timeout: 30_000 });
    await expect(navigator.getByRole("treeitem", { name: room })).toBeVisible();
    return { page, navigator };
}

/** Accepts the invitation to Bait from the navigator, and waits until the homeserver has Alice in it. */
async function joinBait(page: Page, navigator: Locator, alice: MatrixSession, bait: string): Promise<void> {
    await navigator.getByRole("treeitem", { name: /^Bait/ }).click();
    await page.getByRole("button", { name: "Accept" }).click();
    await expect(page.locator(".mx_RoomHeader").getByText("Bait")).toBeVisible();
    await expect.poll(() => joinedRooms(alice), { timeout: 15_000 }).toContain(bait);
}

// The default view is the space navigator, which lists what the js-sdk's getVisibleRooms returns. As
// shipped, that hides a tombstoned room as soon as any other room claims it as its predecessor.
test("in the space navigator, a room claiming someone else's tombstoned room as its predecessor does not hide it (CVE-2025-59160)", async ({
    synapse,
    newSessionPage,
}) => {
    const alice = await synapse.registerUser("alice");
    const bob = await synapse.registerUser("bob");
    const mallory = await synapse.registerUser("mallory");
    // Archive was moved to a room Alice has not joined yet: its tombstone names that room.
    const archive = await createRoom(alice, { name: "Archive", preset: "private_chat" });
    const archiveNext = await createRoom(bob, { name: "Archive 2025", preset: "private_chat" });
    await tombstone(alice, archive, archiveNext);
    // Mallory's room claims to be Archive's successor; Archive's tombstone does not name it.
    const bait = await baitRoom(mallory, alice, "Bait", archive);

    // As shipped, Archive is missing from the start: tombstoned, and claimed by Bait (even as an invite).
    const { page, navigator } = await navigatorListing(newSessionPage, alice, /^Archive/);
    await joinBait(page, navigator, alice, bait);
    await expect(navigator.getByRole("treeitem", { name: /^Archive/ })).toBeVisible();
    expect(await joinedRooms(alice)).toContain(archive);
});

// Leaving a room leaves its upgrade history too; as shipped, that history is whatever the room claims.
test("in the space navigator, leaving a room that claims someone else's room as its predecessor leaves that room only (CVE-2025-59161)", async ({
    synapse,
    newSessionPage,
}) => {
    const alice = await synapse.registerUser("alice");
    const mallory = await synapse.registerUser("mallory");
    const payroll = await createRoom(alice, { name: "Payroll", preset: "private_chat" });
    const bait = await baitRoom(mallory, alice, "Bait", payroll);

    const { page, navigator } = await navigatorListing(newSessionPage, alice, /^Payroll/);
    await joinBait(page, navigator, alice, bait);

    // As shipped, /part walks Bait's claimed history and Alice leaves Payroll too.
    const composer = page.getByRole("textbox", { name: /Send (a|an encrypted) message/ });
    await composer.click();
    await composer.pressSequentially("/part");
    await composer.press("Enter");
    await expect.poll(() => joinedRooms(alice), { timeout: 15_000 }).not.toContain(bait);
    expect(await joinedRooms(alice)).toContain(payroll);
    await expect(navigator.getByRole("treeitem", { name: /^Bait/ })).toHaveCount(0, { timeout: 15_000 });
    // No error dialog (the SDK's first-run toasts and popovers are no modal dialogs).
    await expect(page.locator(".mx_Dialog")).toHaveCount(0);
    await expect(navigator.getByRole("treeitem", { name: /^Payroll/ })).toBeVisible();
});

// The classic room list keeps its own list: as shipped, joining a room drops whatever room that room
// names as its predecessor, tombstoned or not (CVE-2025-59160, the room list's side).
test("in the classic room list, joining a room that claims someone else's room as its predecessor keeps that room listed (CVE-2025-59160)", async ({
    synapse,
    newSessionPage,
}) => {
    const alice = await synapse.registerUser("alice");
    const mallory = await synapse.registerUser("mallory");
    const payroll = await createRoom(alice, { name: "Payroll", preset: "private_chat" });
    const bait = await baitRoom(mallory, alice, "Bait", payroll);

    const alicePage = await newSessionPage(alice);
    await alicePage.goto("/");
    await alicePage.getByRole("button", { name: "Switch to classic room list" }).click({ timeout: 30_000 });
    const roomList = alicePage.getByRole("tree", { name: "Rooms" });
    await expect(roomList.getByRole("treeitem", { name: /^Payroll/ })).toBeVisible({ timeout: 15_000 });

    await roomList.getByRole("treeitem", { name: /^Bait/ }).click();
    await alicePage.getByRole("button", { name: "Accept" }).click();
    await expect(alicePage.locator(".mx_RoomHeader").getByText("Bait")).toBeVisible();
    await expect.poll(() => joinedRooms(alice), { timeout: 15_000 }).toContain(bait);
    // As shipped, the room list drops Payroll as soon as Bait is joined; Alice is still in it.
    await expect(roomList.getByRole("treeitem", { name: /^Bait/ })).toBeVisible();
    await expect(roomList.getByRole("treeitem", { name: /^Payroll/ })).toBeVisible();
    expect(await joinedRooms(alice)).toContain(payroll);
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
