// Policy badges over real federation: a second homeserver on loopback with its own server name. A
// member from it makes a company room "External"; a room created on it shows its classification as
// unverified. The two homeservers are this spec's own (e2e/harness/federation.ts); the app signs in
// to the company's one through the session it is given.
import { startFederatedPair, type FederatedPair } from "../harness/federation.ts";
import { createRoom, expect, injectSession, matrixRequest, test, type MatrixSession } from "./fixtures.ts";
import { classify, headerBadges } from "./policyBadges.ts";

const r = encodeURIComponent;
let pair: FederatedPair;

test.describe.configure({ timeout: 180_000 });

test.beforeAll(async () => {
    test.setTimeout(120_000);
    pair = await startFederatedPair();
});

test.afterAll(async () => {
    await pair?.stop();
});

async function join(session: MatrixSession, roomId: string, via: string): Promise<void> {
    // Over federation the first join can race the invite's arrival: try a few times.
    for (let attempt = 0; ; attempt++) {
        try {
            await matrixRequest(session.baseUrl, "POST", `/_matrix/client/v3/join/${r(roomId)}?server_name=${r(via)}`, {
                accessToken: session.accessToken,
                body: {},
            });
            return;
        } catch (e) {
            if (attempt >= 10) throw e;
            await new Promise((resolve) => setTimeout(resolve, 1_000));
        }
    }
}

const invite = (session: MatrixSession, roomId: string, userId: string): Promise<unknown> =>
    matrixRequest(session.baseUrl, "POST", `/_matrix/client/v3/rooms/${r(roomId)}/invite`, {
        accessToken: session.accessToken,
        body: { user_id: userId },
    });

test("a member from the other server makes a room External", async ({ page }) => {
    const alice = await pair.company.registerUser("alice", "alice-password-1");
    const bob = await pair.partner.registerUser("bob", "bob-password-1");
    expect(alice.userId).toBe(`@alice:${pair.company.serverName}`);
    expect(bob.userId).toBe(`@bob:${pair.partner.serverName}`);

    const roomId = await createRoom(alice, { name: "Supplier talks", preset: "private_chat" });
    await classify(alice, roomId, "public");
    await injectSession(page, alice);
    await page.goto(`/#/room/${roomId}`);
    const header = headerBadges(page);
    await expect(header.getByText("Public", { exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(header.getByText("External", { exact: true })).toHaveCount(0);

    // Bob of the other server joins: the room's real membership now spans two servers.
    await invite(alice, roomId, bob.userId);
    await join(bob, roomId, pair.company.serverName);
    await expect(header.getByText("External", { exact: true })).toBeVisible({ timeout: 30_000 });
    const external = header.getByText("External", { exact: true });
    await external.focus();
    await expect(
        header.getByRole("tooltip").filter({ hasText: "Members from other servers are in this room (servers: 1)." }),
    ).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("policy-external.png") });
});

test("a room made on the other server shows its classification as unverified", async ({ page }) => {
    const alice = await pair.company.registerUser("alice2", "alice-password-2");
    const bob = await pair.partner.registerUser("bob2", "bob-password-2");
    // A room created on the other server, classified there by its admin: not trusted here.
    const partnerRoom = await createRoom(bob, { name: "Partner lounge", preset: "private_chat" });
    await classify(bob, partnerRoom, "restricted");

    // Alice has Atrium open when the invitation arrives and accepts it, as people do.
    await injectSession(page, alice);
    await page.goto("/");
    await expect(page.getByRole("tree", { name: "Spaces", exact: true })).toBeVisible({ timeout: 30_000 });
    await invite(bob, partnerRoom, alice.userId);
    await expect(page.getByText("Partner lounge").first()).toBeVisible({ timeout: 30_000 });
    await join(alice, partnerRoom, pair.partner.serverName);
    await page.goto(`/#/room/${partnerRoom}`);
    const unverified = headerBadges(page).getByText("Unverified: Restricted");
    await expect(unverified).toBeVisible({ timeout: 30_000 });
    await unverified.focus();
    await expect(
        headerBadges(page)
            .getByRole("tooltip")
            .filter({ hasText: `created on ${pair.partner.serverName}` }),
    ).toBeVisible();
});

test("the invite dialog warns before inviting them into a Restricted room", async ({ page }) => {
    const alice = await pair.company.registerUser("alice3", "alice-password-3");
    const bob = await pair.partner.registerUser("bob3", "bob-password-3");
    const colleague = await pair.company.registerUser("carol3", "carol-password-3");
    const roomId = await createRoom(alice, { name: "Board papers", preset: "private_chat" });
    await classify(alice, roomId, "restricted");
    await injectSession(page, alice);
    await page.goto(`/#/room/${roomId}`);
    await expect(headerBadges(page).getByText("Restricted", { exact: true })).toBeVisible({ timeout: 30_000 });

    await page.getByRole("button", { name: "Invite to this room" }).click();
    const dialog = page.getByRole("dialog");
    const search = dialog.getByRole("textbox");
    const pick = async (userId: string): Promise<void> => {
        await search.fill(userId);
        // The SDK looks the profile up (over federation for Bob) before it lists them.
        await dialog.locator(".mx_InviteDialog_tile", { hasText: userId }).first().click({ timeout: 30_000 });
    };
    const warning = dialog.getByRole("alert").filter({ hasText: "members from other servers are not allowed" });

    // Someone of the company's own server: no warning.
    await pick(colleague.userId);
    await expect(dialog.locator(".mx_InviteDialog_userTile", { hasText: "carol3" })).toBeVisible();
    await expect(warning).toHaveCount(0);

    // Bob of the other server: warned, by name, before anything is sent.
    await pick(bob.userId);
    await expect(warning).toBeVisible();
    await expect(warning).toContainText(`On another server: ${bob.userId}`);
    await expect(warning).toContainText("This room is Restricted");
    await page.screenshot({ path: test.info().outputPath("policy-invite-warning.png") });

    // Taking him out again clears the warning; nobody has been invited meanwhile.
    await dialog
        .locator(".mx_InviteDialog_userTile", { hasText: "bob3" })
        .getByRole("button", { name: "Remove" })
        .click();
    await expect(warning).toHaveCount(0);
    const members = await matrixRequest<{ chunk: { state_key: string }[] }>(
        alice.baseUrl,
        "GET",
        `/_matrix/client/v3/rooms/${r(roomId)}/members`,
        { accessToken: alice.accessToken },
    );
    expect(members.chunk.map((m) => m.state_key)).not.toContain(bob.userId);
});
