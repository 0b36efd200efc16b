// Policy badges (modules/policy-badges) against the real Synapse: a room classified Confidential shows
// its badge in the navigator, the classic room list and the header; unencrypted, it shows the rule it
// breaks, and the admin's one-click fix clears the warning.
import type { Locator, Page } from "@playwright/test";

import { createRoom, expect, injectSession, matrixRequest, test } from "./fixtures.ts";
import { classify, headerBadges } from "./policyBadges.ts";

const r = encodeURIComponent;

const tree = (page: Page): Locator => page.getByRole("tree", { name: "Spaces", exact: true });
const nodeBadge = (page: Page, room: string): Locator =>
    tree(page)
        .getByRole("treeitem", { name: new RegExp(`^${room}`) })
        .locator(".atrium_Policy_compact");

test("a Confidential room shows its badge everywhere, warns while unencrypted, and the fix clears it", async ({
    page,
    synapse,
}) => {
    test.setTimeout(120_000);
    const owner = await synapse.registerUser("owner");
    // private_chat without encryption: Synapse encrypts new rooms only when told to. Guests are kept
    // out (the preset lets them join), so encryption is the one rule the room breaks.
    const roomId = await createRoom(owner, {
        name: "Budget 2027",
        preset: "private_chat",
        initial_state: [{ type: "m.room.guest_access", state_key: "", content: { guest_access: "forbidden" } }],
    });
    await classify(owner, roomId, "confidential");
    await createRoom(owner, { name: "Coffee", preset: "private_chat" });

    await injectSession(page, owner);
    await page.goto("/");
    await expect(tree(page)).toBeVisible({ timeout: 30_000 });

    // The navigator: the classification and the rule it breaks, in text; the row's name says what it
    // shows, its description explains it in full.
    const budget = nodeBadge(page, "Budget 2027");
    const budgetRow = tree(page).getByRole("treeitem", { name: /^Budget 2027/ });
    await expect(budget).toHaveText("Confidential · ⚠ Encryption");
    await expect(budgetRow).toHaveAccessibleName("Budget 2027 Confidential, ⚠ Encryption");
    await expect(budgetRow).toHaveAccessibleDescription(
        "Classification: Confidential, Breaks its classification: must be encrypted",
    );
    // An unclassified room gets the default.
    await expect(tree(page).getByRole("treeitem", { name: /^Coffee/ })).toHaveAccessibleDescription(
        /^Classification: Internal/,
    );

    // The header: the full set, each badge explained on focus.
    await tree(page)
        .getByRole("treeitem", { name: /^Budget 2027/ })
        .click();
    const header = headerBadges(page);
    await expect(header.getByText("Confidential", { exact: true })).toBeVisible({ timeout: 15_000 });
    const warning = header.getByText("Breaks its classification: must be encrypted");
    await expect(warning).toBeVisible();
    await expect(header.getByText("Not encrypted")).toBeVisible();
    await warning.focus();
    await expect(
        header.getByRole("tooltip").filter({ hasText: "The rules for Confidential rooms say: must be encrypted." }),
    ).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("policy-header-warning.png") });

    // The admin's fix: encryption on, through the homeserver; the warning goes, everywhere.
    await header.getByRole("button", { name: "Turn encryption on" }).click();
    await expect(header.getByText("Encrypted", { exact: true })).toBeVisible({ timeout: 15_000 });
    await expect(warning).toHaveCount(0);
    await expect(budgetRow).toHaveAccessibleDescription("Classification: Confidential");
    await expect(budget).toHaveText("Confidential");
    const encryption = await matrixRequest<{ algorithm: string }>(
        owner.baseUrl,
        "GET",
        `/_matrix/client/v3/rooms/${r(roomId)}/state/m.room.encryption/`,
        { accessToken: owner.accessToken },
    );
    expect(encryption.algorithm).toBe("m.megolm.v1.aes-sha2");

    // The classic room list's tile shows the classification too. By keyboard: a first-run toast of the
    // SDK's can lie over the button by now.
    await page.getByRole("button", { name: "Switch to classic room list" }).press("Enter");
    const tile = page.locator(".mx_RoomTile", { hasText: "Budget 2027" }).locator(".atrium_Policy_compact");
    await expect(tile).toHaveAttribute("aria-label", "Classification: Confidential", { timeout: 15_000 });
    await expect(tile).toContainText("Confidential");
});

test("a classification set by someone without the power shows as unverified", async ({ page, synapse }) => {
    const owner = await synapse.registerUser("owner");
    const member = await synapse.registerUser("member");
    // state_default 0: anyone may send state, so a member can forge a record the rules must not trust.
    const roomId = await createRoom(owner, {
        name: "Loose room",
        preset: "private_chat",
        power_level_content_override: { state_default: 0, events: { "org.atrium.classification": 0 } },
        invite: [member.userId],
    });
    await matrixRequest(member.baseUrl, "POST", `/_matrix/client/v3/join/${r(roomId)}`, {
        accessToken: member.accessToken,
        body: {},
    });
    await classify(member, roomId, "public");
    // The owner then raises the bar: the record's sender no longer holds the power it needs.
    await matrixRequest(owner.baseUrl, "PUT", `/_matrix/client/v3/rooms/${r(roomId)}/state/m.room.power_levels/`, {
        accessToken: owner.accessToken,
        // The owner created the room: from room version 12 on, creators are never listed in `users`.
        body: { users: {}, state_default: 50, events: { "org.atrium.classification": 50 } },
    });

    await injectSession(page, owner);
    await page.goto(`/#/room/${roomId}`);
    await expect(headerBadges(page).getByText("Unverified: Public")).toBeVisible({ timeout: 30_000 });
});

test("at 1280 pixels the room's name keeps its room beside a full set of badges", async ({ page, synapse }) => {
    const owner = await synapse.registerUser("owner");
    const name = "Quarterly supplier negotiations";
    // A room that breaks several rules of Restricted: the most badges the header can carry.
    const roomId = await createRoom(owner, {
        name,
        preset: "public_chat",
        initial_state: [
            { type: "m.room.guest_access", state_key: "", content: { guest_access: "can_join" } },
            { type: "m.room.history_visibility", state_key: "", content: { history_visibility: "world_readable" } },
        ],
    });
    await classify(owner, roomId, "restricted");

    await page.setViewportSize({ width: 1280, height: 720 });
    await injectSession(page, owner);
    await page.goto(`/#/room/${roomId}`);
    const header = headerBadges(page);
    await expect(header.getByText("Breaks its classification: must be encrypted")).toBeVisible({ timeout: 30_000 });

    // The name is shown whole: not cut to a letter or an ellipsis by the badges beside it.
    const title = page.locator(".mx_RoomHeader_truncated");
    await expect(title).toHaveText(name);
    const fits = await title.evaluate((el) => el.scrollWidth <= el.clientWidth + 1 && el.clientWidth > 100);
    // Every badge keeps its full accessible name and its explanation, however little of it shows.
    const chips = header.locator(".atrium_Policy_chip");
    expect(await chips.count()).toBeGreaterThanOrEqual(8);
    await expect(header.getByText("Restricted", { exact: true })).toHaveAccessibleDescription(/Restricted/);
    const guests = header.getByText("Breaks its classification: must not allow guests");
    await expect(guests).toHaveText("⚠ Breaks its classification: must not allow guests");
    await guests.focus();
    await expect(
        header.getByRole("tooltip").filter({ hasText: "The rules for Restricted rooms say: must not allow guests." }),
    ).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("policy-header-1280.png") });
    expect(fits).toBe(true);
    // The badges stay within the header: none runs under the header's buttons.
    // (The name itself is a button called "Room info" too; the header's own button is the last.)
    const buttons = await page
        .locator(".mx_RoomHeader")
        .getByRole("button", { name: "Room info" })
        .last()
        .boundingBox();
    const group = await header.boundingBox();
    expect(group!.x + group!.width).toBeLessThanOrEqual(buttons!.x);
});
