// Advisories of the frozen SDK, proven closed in the real app against real Synapse (docs/security.md).
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

// The default view: the space navigator, which lists what the js-sdk's getVisibleRooms returns. As
// shipped, that hides a tombstoned room that any other room claims as its predecessor (CVE-2025-59160),
// and leaving the claiming room leaves the claimed one too (CVE-2025-59161).
test("in the space navigator, a room claiming someone else's room as its predecessor neither hides it nor takes it along when left (CVE-2025-59160/59161)", async ({
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

    const alicePage = await newSessionPage(alice);
    await alicePage.goto("/");
    const navigator = alicePage.getByRole("tree", { name: "Spaces", exact: true });
    await expect(navigator.getByRole("treeitem", { name: /^Bait/ })).toBeVisible({ timeout: 30_000 });
    // As shipped, Archive is missing from here on: tombstoned, and claimed by Bait (even as an invite).
    await expect(navigator.getByRole("treeitem", { name: /^Archive/ })).toBeVisible();

    await navigator.getByRole("treeitem", { name: /^Bait/ }).click();
    await alicePage.getByRole("button", { name: "Accept" }).click();
    await expect(alicePage.locator(".mx_RoomHeader").getByText("Bait")).toBeVisible();
    await expect.poll(() => joinedRooms(alice), { timeout: 15_000 }).toContain(bait);
    await expect(navigator.getByRole("treeitem", { name: /^Archive/ })).toBeVisible();

    // Leaving Bait leaves Bait only (as shipped, Alice leaves Archive too: it walks Bait's claimed history).
    const composer = alicePage.getByRole("textbox", { name: /Send (a|an encrypted) message/ });
    await composer.fill("/part");
    await composer.press("Enter");
    await expect(navigator.getByRole("treeitem", { name: /^Bait/ })).toHaveCount(0, { timeout: 15_000 });
    await expect(alicePage.getByRole("dialog")).toHaveCount(0);

    await expect.poll(() => joinedRooms(alice), { timeout: 15_000 }).not.toContain(bait);
    expect(await joinedRooms(alice)).toContain(archive);
    await expect(navigator.getByRole("treeitem", { name: /^Archive/ })).toBeVisible();
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
