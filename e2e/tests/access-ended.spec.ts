// Access that ends: an administrator deactivates, locks or signs out a user through Synapse's admin
// API, and that user's open Atrium ends its session with the access-ended screen, its local data gone.
import type { Page } from "@playwright/test";

import {
    createRoom,
    expect,
    getMessages,
    joinRoom,
    matrixRequest,
    sendMessage,
    signIn,
    skipNewDeviceVerification,
    test,
    waitForApp,
    type SynapseFixture,
    type TestUser,
} from "./fixtures.ts";

const ACCESS_ENDED = "Your access has ended. Contact your administrator.";
// The SDK's own key names in localStorage for a session (Lifecycle's persistCredentials).
const SESSION_KEYS = ["mx_access_token", "mx_has_access_token", "mx_user_id", "mx_device_id", "mx_hs_url"];

async function adminOf(synapse: SynapseFixture): Promise<TestUser> {
    return synapse.registerUser("admin", { admin: true });
}

const userPath = (userId: string): string => `/_synapse/admin/v2/users/${encodeURIComponent(userId)}`;

/** What the browser still keeps: IndexedDB databases and the session's localStorage keys. */
async function browserStorage(page: Page): Promise<{ databases: string[]; sessionKeys: string[] }> {
    return page.evaluate(async (keys) => {
        const databases = (await indexedDB.databases()).map((db) => db.name ?? "");
        return { databases: databases.sort(), sessionKeys: keys.filter((key) => localStorage.getItem(key) !== null) };
    }, SESSION_KEYS);
}

/** Signs in through the form and waits until the session's stores (sync, rust crypto) exist. */
async function signInAndSettle(page: Page, user: TestUser): Promise<string> {
    await signIn(page, user);
    await waitForApp(page);
    await expect
        .poll(async () => (await browserStorage(page)).databases, { timeout: 20_000 })
        .toEqual(expect.arrayContaining(["matrix-js-sdk::matrix-sdk-crypto", "matrix-js-sdk:riot-web-sync"]));
    expect((await browserStorage(page)).sessionKeys).toEqual(expect.arrayContaining(["mx_user_id", "mx_device_id"]));
    return page.evaluate(() => localStorage.getItem("mx_device_id") ?? "");
}

async function expectAccessEnded(page: Page, detail: string): Promise<void> {
    const screen = page.getByTestId("atrium-access-ended");
    // One sync cycle: the long poll answers within 30 s, the next request meets the dead session.
    await expect(screen.getByRole("alert")).toHaveText(ACCESS_ENDED, { timeout: 45_000 });
    await expect(screen.getByText(detail)).toBeVisible();
    await expect(page.getByRole("img", { name: "Atrium" })).toBeVisible();
    // No SDK dialog ("Signed Out") on top of it.
    await expect(page.getByRole("dialog")).toHaveCount(0);
    // The session's local data: no stores of the SDK or its rust crypto, no session keys.
    await expect
        .poll(async () => (await browserStorage(page)).databases, { timeout: 15_000 })
        .not.toEqual(
            expect.arrayContaining([
                expect.stringMatching(/^matrix-js-sdk(::matrix-sdk-crypto(-meta)?|:riot-web-sync|:crypto)$/),
            ]),
        );
    expect((await browserStorage(page)).sessionKeys).toEqual([]);
}

async function signInAgainFails(page: Page, user: TestUser, message: string): Promise<void> {
    await page.getByRole("button", { name: "Back to sign-in" }).click();
    await signIn(page, user);
    await expect(page.getByText(message)).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
}

test("a deactivated user's open session ends, their data leaves the browser, their messages stay", async ({
    page,
    synapse,
}) => {
    const admin = await adminOf(synapse);
    const leaver = await synapse.registerUser("leaver");
    const colleague = await synapse.registerUser("colleague");
    const roomId = await createRoom(leaver, { name: "Handover", preset: "public_chat" });
    await joinRoom(colleague, roomId);
    await sendMessage(leaver, roomId, "The handover notes are in the wiki.");

    await signInAndSettle(page, leaver);
    await matrixRequest(synapse.baseUrl, "POST", `/_synapse/admin/v1/deactivate/${encodeURIComponent(leaver.userId)}`, {
        accessToken: admin.accessToken,
        body: { erase: false },
    });

    await expectAccessEnded(page, "An administrator ended this session or your account.");
    const bodies = (await getMessages(colleague, roomId)).map((event) => event.content?.body);
    expect(bodies).toContain("The handover notes are in the wiki.");
    // Synapse deletes a deactivated account's password: it answers as for a wrong one (M_FORBIDDEN).
    await signInAgainFails(page, leaver, "Signing in was refused: your access has ended. Contact your administrator.");
});

test("a locked user's open session ends with the screen, and signing in again says the account is locked", async ({
    page,
    synapse,
}) => {
    const admin = await adminOf(synapse);
    const user = await synapse.registerUser("locked");
    await signInAndSettle(page, user);

    await matrixRequest(synapse.baseUrl, "PUT", userPath(user.userId), {
        accessToken: admin.accessToken,
        body: { locked: true },
    });

    await expectAccessEnded(page, "Your account has been locked.");
    await signInAgainFails(page, user, "This account has been locked. Contact your administrator.");
});

test("a session an administrator signs out ends the same way; the account signs in again", async ({
    page,
    synapse,
}) => {
    const admin = await adminOf(synapse);
    const user = await synapse.registerUser("revoked");
    const deviceId = await signInAndSettle(page, user);

    await matrixRequest(synapse.baseUrl, "DELETE", `${userPath(user.userId)}/devices/${encodeURIComponent(deviceId)}`, {
        accessToken: admin.accessToken,
    });

    await expectAccessEnded(page, "An administrator ended this session or your account.");
    await page.getByRole("button", { name: "Back to sign-in" }).click();
    await signIn(page, user);
    // The account's cross-signing from the first session asks this new one to verify; not the point here.
    await skipNewDeviceVerification(page);
    await waitForApp(page);
});
