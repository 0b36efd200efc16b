// The space navigator (modules/space-navigator) against the real Synapse: a company of three
// levels of spaces, rooms joined and not, a room restricted to a space's members.
import type { Page } from "@playwright/test";

import {
    createRoom,
    expect,
    injectSession,
    joinedRooms,
    joinRoom,
    matrixRequest,
    sendMessage,
    test,
    type MatrixSession,
} from "./fixtures.ts";

const r = encodeURIComponent;

async function setState(
    session: MatrixSession,
    roomId: string,
    type: string,
    stateKey: string,
    content: object,
): Promise<void> {
    await matrixRequest(
        session.baseUrl,
        "PUT",
        `/_matrix/client/v3/rooms/${r(roomId)}/state/${r(type)}/${r(stateKey)}`,
        {
            accessToken: session.accessToken,
            body: content,
        },
    );
}

const createSpace = (owner: MatrixSession, name: string): Promise<string> =>
    createRoom(owner, { name, preset: "public_chat", creation_content: { type: "m.space" } });

/** Lists `child` in `space`; `order` sets the space's order (the m.space.child `order` key). */
async function addChild(
    owner: MatrixSession,
    space: string,
    child: string,
    order: string,
    suggested = false,
): Promise<void> {
    await setState(owner, space, "m.space.child", child, { via: ["localhost"], order, suggested });
    await setState(owner, child, "m.space.parent", space, { via: ["localhost"], canonical: true });
}

interface Company {
    engineering: string;
    platform: string;
    databases: string;
    dbOps: string;
    lounge: string;
    secret: string;
    deals: string;
}

/**
 * Engineering (Platform (Databases (db-ops)), eng-general, eng-lounge: public, suggested, not joined;
 * eng-secret: restricted to Engineering's members, not joined) and Sales (deals). The space orders
 * its children against the alphabet, so the tree's order can only come from the space.
 */
async function seedCompany(owner: MatrixSession, employee: MatrixSession): Promise<Company> {
    const engineering = await createSpace(owner, "Engineering");
    const platform = await createSpace(owner, "Platform");
    const databases = await createSpace(owner, "Databases");
    const sales = await createSpace(owner, "Sales");
    const dbOps = await createRoom(owner, { name: "db-ops", preset: "public_chat" });
    const general = await createRoom(owner, { name: "eng-general", preset: "public_chat" });
    const lounge = await createRoom(owner, { name: "eng-lounge", preset: "public_chat" });
    const secret = await createRoom(owner, {
        name: "eng-secret",
        initial_state: [
            {
                type: "m.room.join_rules",
                state_key: "",
                content: { join_rule: "restricted", allow: [{ type: "m.room_membership", room_id: engineering }] },
            },
        ],
    });
    const deals = await createRoom(owner, { name: "deals", preset: "public_chat" });

    await addChild(owner, engineering, secret, "d");
    await addChild(owner, engineering, general, "b");
    await addChild(owner, engineering, lounge, "c", true);
    await addChild(owner, engineering, platform, "a");
    await addChild(owner, platform, databases, "a");
    await addChild(owner, databases, dbOps, "a");
    await addChild(owner, sales, deals, "a");

    for (const room of [engineering, platform, databases, sales, dbOps, general, deals]) await joinRoom(employee, room);
    return { engineering, platform, databases, dbOps, lounge, secret, deals };
}

/** Clears the SDK's first-run notices (the notifications toast, the threads announcement) before a screenshot. */
async function dismissToasts(page: Page): Promise<void> {
    const toast = page.locator(".mx_ToastContainer").getByRole("button", { name: "Dismiss", exact: true });
    if (await toast.isVisible()) await toast.click();
    const announcement = page.getByRole("button", { name: "OK", exact: true });
    if (await announcement.isVisible()) await announcement.click();
}

const tree = (page: Page) => page.getByRole("tree", { name: "Spaces", exact: true });
const item = (page: Page, name: string | RegExp) => tree(page).getByRole("treeitem", { name });

test("the navigator shows the company as one tree, opens and joins rooms, and rolls unread counts up", async ({
    page,
    synapse,
    consoleErrors,
}) => {
    test.setTimeout(120_000);
    const owner = await synapse.registerUser("owner");
    const employee = await synapse.registerUser("employee");
    const company = await seedCompany(owner, employee);
    await injectSession(page, employee);
    await page.goto("/");

    // One tree named Spaces: the space bar's tree is renamed while the navigator shows.
    await expect(tree(page)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole("tree", { name: "Space bar" })).toBeVisible();
    await expect(page.getByRole("tree", { name: "Spaces", exact: true })).toHaveCount(1);

    // Departments start collapsed; expanding one loads its unjoined rooms from /hierarchy.
    const engineering = item(page, /^Engineering/);
    await expect(engineering).toHaveAttribute("aria-expanded", "false");
    await engineering.click();
    await expect(engineering).toHaveAttribute("aria-expanded", "true");
    await expect(item(page, "eng-lounge, Not joined, Suggested")).toBeVisible();
    await expect(item(page, "eng-secret, Not joined")).toBeVisible();
    const level2 = tree(page).locator('[role=treeitem][aria-level="2"]');
    await expect(level2).toHaveText([/Platform/, /eng-general/, /eng-lounge/, /eng-secret/]);

    // A nested room, two levels down, opened from the tree, with the keyboard for the last step.
    await item(page, /^Platform/).click();
    await item(page, /^Databases/).click();
    await item(page, /^db-ops/).focus();
    await page.keyboard.press("Enter");
    await expect(page.locator(".mx_RoomHeader").getByText("db-ops")).toBeVisible();
    await expect(item(page, "db-ops")).toHaveAttribute("aria-selected", "true");
    await dismissToasts(page);
    await page.screenshot({ path: test.info().outputPath("navigator-open-room.png") });

    // Joining from the tree: a public room, then the one restricted to Engineering's members. The
    // homeserver says whether the user is in: the tree's label alone could change without a join.
    expect(await joinedRooms(employee)).not.toContain(company.lounge);
    await item(page, "eng-lounge, Not joined, Suggested").click({ button: "right" });
    await page.getByRole("menuitem", { name: "Join" }).click();
    await expect.poll(() => joinedRooms(employee), { timeout: 15_000 }).toContain(company.lounge);
    await expect(item(page, "eng-lounge, Suggested")).toBeVisible({ timeout: 15_000 });
    expect(await joinedRooms(employee)).not.toContain(company.secret);
    await item(page, "eng-secret, Not joined").click({ button: "right" });
    await page.getByRole("menuitem", { name: "Join" }).click();
    await expect.poll(() => joinedRooms(employee), { timeout: 15_000 }).toContain(company.secret);
    await expect(item(page, "eng-secret")).toBeVisible({ timeout: 15_000 });

    // Open branches are remembered across a reload.
    await page.reload();
    await expect(item(page, /^Databases/)).toHaveAttribute("aria-expanded", "true", { timeout: 30_000 });

    // Elsewhere (another department), a message in db-ops rolls up to collapsed Engineering.
    await item(page, /^Sales/).click();
    await item(page, "deals").click();
    await expect(page.locator(".mx_RoomHeader").getByText("deals")).toBeVisible();
    await item(page, /^Engineering/).click();
    await expect(item(page, /^Engineering/)).toHaveAttribute("aria-expanded", "false");
    await sendMessage(owner, company.dbOps, "Backup window moved to 22:00");
    // The name holds what the row shows: the room's name, its policy badge, then the count.
    await expect(item(page, /^Engineering .*\b1 unread$/)).toBeVisible({ timeout: 20_000 });
    // A mention (Matrix 1.7 intentional mentions: the homeserver's push rules highlight it) counts
    // as unread and as a mention, in the room and rolled up to the collapsed department.
    await sendMessage(owner, company.dbOps, {
        msgtype: "m.text",
        body: `${employee.userId}: can you check the backup?`,
        "m.mentions": { user_ids: [employee.userId] },
    });
    await expect(item(page, /^Engineering .*\b2 unread, 1 mention$/)).toBeVisible({ timeout: 20_000 });
    await dismissToasts(page);
    await page.screenshot({ path: test.info().outputPath("navigator-rolled-up.png") });

    // Switching rooms any other way (here a link) reveals the room in the tree.
    await page.goto(`/#/room/${company.dbOps}`);
    await expect(item(page, /^db-ops/)).toHaveAttribute("aria-selected", "true", { timeout: 15_000 });
    await expect(item(page, /^Engineering/)).toHaveAttribute("aria-expanded", "true");

    const uncaught = consoleErrors.unexpected().filter((problem) => problem.kind === "pageerror");
    expect(uncaught).toEqual([]);
});

test("the keyboard walks the tree and the user can switch to the classic list and back", async ({ page, synapse }) => {
    const owner = await synapse.registerUser("owner");
    const employee = await synapse.registerUser("employee");
    await seedCompany(owner, employee);
    await injectSession(page, employee);
    await page.goto("/");
    await expect(tree(page)).toBeVisible({ timeout: 30_000 });
    await expect(item(page, /^Sales/)).toBeVisible();

    // Top-level spaces come in the user's space-bar order: the walk starts from whatever is first.
    await page.getByRole("searchbox", { name: "Filter spaces and rooms" }).focus();
    await page.keyboard.press("ArrowDown");
    await expect(tree(page).getByRole("treeitem").first()).toBeFocused();
    await page.keyboard.press("e"); // type-ahead
    await expect(item(page, /^Engineering/)).toBeFocused();
    await page.keyboard.press("ArrowRight");
    await expect(item(page, /^Engineering/)).toHaveAttribute("aria-expanded", "true");
    await page.keyboard.press("ArrowRight");
    await expect(item(page, /^Platform/)).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(item(page, /^eng-general/)).toBeFocused();
    await page.keyboard.press("ArrowLeft");
    await expect(item(page, /^Engineering/)).toBeFocused();
    await page.keyboard.press("End");
    await expect(tree(page).getByRole("treeitem").last()).toBeFocused();
    await page.keyboard.press("Home");
    await expect(tree(page).getByRole("treeitem").first()).toBeFocused();
    await page.keyboard.press("s");
    await expect(item(page, /^Sales/)).toBeFocused();
    await page.keyboard.press("Enter"); // opens Sales
    await expect(item(page, /^Sales/)).toHaveAttribute("aria-expanded", "true");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter"); // opens deals
    await expect(page.locator(".mx_RoomHeader").getByText("deals")).toBeVisible();

    // Opening a room not joined previews it with the SDK's own join flow, which joins it.
    await expect(item(page, /^Engineering/)).toHaveAttribute("aria-expanded", "true"); // still open from the walk
    await item(page, "eng-lounge, Not joined, Suggested").click();
    await page.getByRole("button", { name: "Join the discussion" }).click();
    await expect(item(page, "eng-lounge, Suggested")).toBeVisible({ timeout: 15_000 });

    // The filter keeps the ancestors of what matches.
    await page.getByRole("searchbox", { name: "Filter spaces and rooms" }).fill("db-");
    await expect(tree(page).getByRole("treeitem")).toHaveText([/Engineering/, /Platform/, /Databases/, /db-ops/]);
    await page.getByRole("searchbox", { name: "Filter spaces and rooms" }).fill("");

    // The switch, by keyboard, remembered across a reload.
    await page.getByRole("button", { name: "Switch to classic room list" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("tree", { name: "Rooms" })).toBeVisible();
    await expect(page.getByRole("tree", { name: "Spaces", exact: true })).toHaveCount(1); // the space bar's again
    await page.reload();
    await expect(page.getByRole("tree", { name: "Rooms" })).toBeVisible({ timeout: 30_000 });
    await page.getByRole("button", { name: "Switch to space navigator" }).click();
    await expect(tree(page)).toBeVisible();
    await expect(page.getByRole("tree", { name: "Rooms" })).toHaveCount(0);
});
