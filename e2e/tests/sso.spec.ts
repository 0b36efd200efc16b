// Signing in through the company's Keycloak, end to end: a real Keycloak (Maven Central's
// distribution), a Synapse of this spec's own with Keycloak as its OIDC provider, and the app with an
// SSO-first config (e2e/harness/sso-stack.ts). Only this spec starts Keycloak.
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import type { Page } from "@playwright/test";

import { Homeserver } from "../../admin/accounts/homeserver.ts";
import { listKeycloakAccounts, readKeycloakAccounts } from "../../admin/accounts/keycloakSource.ts";
import { runSync } from "../../admin/accounts/sync.ts";
import { TEST_PEOPLE, type KeycloakPerson } from "../harness/keycloak-realm.ts";
import { SSO_REALM, SSO_SERVER_NAME, startSsoStack, type SsoStack } from "../harness/sso-stack.ts";
import { expect, skipNewDeviceVerification, test } from "./fixtures.ts";

let stack: SsoStack;
const [ada, boris] = TEST_PEOPLE;

test.describe.configure({ timeout: 120_000 });

test.beforeAll(async () => {
    // Keycloak's first start on a fresh unpack runs its build step (minutes on a busy machine).
    test.setTimeout(420_000);
    stack = await startSsoStack();
});

test.afterAll(async () => {
    await stack?.stop();
});

/** Keycloak's own sign-in form, as a person fills it in. */
async function fillKeycloakForm(page: Page, person: KeycloakPerson): Promise<void> {
    await expect(page).toHaveURL(new RegExp(`^${stack.keycloak.baseUrl}/realms/${SSO_REALM}/`), { timeout: 30_000 });
    await page.locator("#username").fill(person.username);
    await page.locator("#password").fill(person.password);
    await page.locator("#kc-login").click();
}

/**
 * Waits for the home page, then reads who is signed in from the user menu. A later sign-in of someone
 * whose first one set up cross-signing is asked to verify the new device first: that is skipped.
 */
async function signedInAs(page: Page): Promise<{ name: string; userId: string }> {
    const home = page.locator(".mx_HomePage");
    const skip = page.getByRole("button", { name: "Skip verification for now" });
    await expect(home.or(skip).first()).toBeVisible({ timeout: 60_000 });
    if (await skip.isVisible()) await skipNewDeviceVerification(page);
    await expect(home).toBeVisible({ timeout: 60_000 });
    await page.getByRole("button", { name: "User menu" }).click();
    const menu = page.locator(".mx_UserMenu_contextMenu");
    const name = (await menu.locator(".mx_UserMenu_contextMenu_displayName").textContent())?.trim() ?? "";
    const userId = (await menu.locator(".mx_UserMenu_contextMenu_userId").textContent())?.trim() ?? "";
    await page.keyboard.press("Escape");
    return { name, userId };
}

/** Signs `person` in from the app's sign-in page through Keycloak's form. */
async function signInThroughKeycloak(page: Page, person: KeycloakPerson): Promise<void> {
    await page.goto(`${stack.webapp.url}/#/login`);
    await page.getByRole("button", { name: "Sign in with Acme Account" }).click();
    await fillKeycloakForm(page, person);
}

test("a Keycloak user signs in through SSO, lands home with their name from Keycloak, and a second visit needs no password", async ({
    context,
}) => {
    const page = await context.newPage();
    await page.goto(`${stack.webapp.url}/#/login`);
    // The company's sign-in page: its provider with its logo, nothing else to do here.
    const companyButton = page.getByRole("button", { name: "Sign in with Acme Account" });
    await expect(companyButton).toBeVisible({ timeout: 30_000 });
    await expect(companyButton.locator("img")).toHaveAttribute("src", "img/atrium-logo.svg");
    await expect(page.getByLabel("Password")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Create an account" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Edit" })).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath("sso-sign-in-page.png") });

    await companyButton.click();
    await fillKeycloakForm(page, ada);
    // Synapse whitelists the app's origin, so no "Continue to your account" page comes between.
    expect(await signedInAs(page)).toEqual({
        name: `${ada.firstName} ${ada.lastName}`,
        userId: `@${ada.username}:${SSO_SERVER_NAME}`,
    });
    await expect(page).not.toHaveURL(/loginToken=/);
    await page.close();

    // A second visit: the app's own session is gone, Keycloak's cookie is not.
    const second = await context.newPage();
    await second.goto(`${stack.webapp.url}/config.json`);
    await second.evaluate(async () => {
        localStorage.clear();
        sessionStorage.clear();
        for (const db of await indexedDB.databases()) if (db.name) indexedDB.deleteDatabase(db.name);
    });
    const passwordPosts: string[] = [];
    second.on("request", (request) => {
        if (request.method() === "POST" && request.url().includes("/login-actions/authenticate")) {
            passwordPosts.push(request.url());
        }
    });
    // The welcome page goes straight to Keycloak (sso_redirect_options.on_welcome_page), which knows Ada already.
    await second.goto(`${stack.webapp.url}/`);
    expect(await signedInAs(second)).toEqual({
        name: `${ada.firstName} ${ada.lastName}`,
        userId: `@${ada.username}:${SSO_SERVER_NAME}`,
    });
    expect(passwordPosts).toEqual([]);
    await second.screenshot({ path: test.info().outputPath("sso-second-visit-home.png") });
});

test("Log out in Keycloak: the open Atrium session ends", async ({ context }) => {
    const page = await context.newPage();
    await signInThroughKeycloak(page, boris);
    expect((await signedInAs(page)).userId).toBe(`@${boris.username}:${SSO_SERVER_NAME}`);
    const accessToken = await page.evaluate(() => {
        const peg = (window as unknown as { mxMatrixClientPeg: { get(): { getAccessToken(): string | null } } })
            .mxMatrixClientPeg;
        return peg.get().getAccessToken();
    });
    expect(accessToken).toBeTruthy();

    // The admin ends Boris's Keycloak sessions; Keycloak tells Synapse (back-channel logout), which
    // ends the Matrix sessions that login made, and the app finds out at its next sync.
    await stack.keycloak.logoutUser(SSO_REALM, boris.id);
    const whoami = await fetch(`${stack.synapse.baseUrl}/_matrix/client/v3/account/whoami`, {
        headers: { Authorization: `Bearer ${accessToken}` },
    });
    expect(whoami.status).toBe(401);
    expect(((await whoami.json()) as { errcode?: string }).errcode).toBe("M_UNKNOWN_TOKEN");

    // The open app signs out by itself. Today the SDK drops the session and shows the sign-in page
    // (its "Signed out" dialog does not stay up here); the access-ended screen of the accounts work
    // replaces that path, so either counts.
    const ended = page
        .getByRole("button", { name: "Sign in with Acme Account" })
        .or(page.getByText("Your access has ended."));
    await expect(ended.first()).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole("button", { name: "User menu" })).toHaveCount(0);
    expect(await page.evaluate(() => localStorage.getItem("mx_has_access_token"))).toBeNull();
    await page.screenshot({ path: test.info().outputPath("sso-after-keycloak-logout.png") });
});

test("the accounts sync's Keycloak source lists the realm's people and sees a disabled one", async () => {
    const admin = {
        baseUrl: stack.keycloak.baseUrl,
        adminUser: stack.keycloak.adminUser,
        adminPassword: stack.keycloak.adminPassword,
    };
    const before = await listKeycloakAccounts({ ...admin, realm: SSO_REALM });
    expect(before.accounts).toEqual(
        expect.arrayContaining([
            { localpart: "ada", enabled: true },
            { localpart: "boris", enabled: true },
        ]),
    );
    // A username that is no Matrix localpart is reported, not used.
    expect(before.accounts.map((a) => a.localpart)).not.toContain("jose.garcía");
    expect(before.rejected).toEqual([
        { username: "jose.garcía", reason: "not a Matrix localpart (characters not allowed: í)" },
    ]);

    await stack.keycloak.setUserEnabled(SSO_REALM, ada.id, false);
    try {
        const after = await listKeycloakAccounts({ ...admin, realm: SSO_REALM });
        expect(after.accounts).toEqual(
            expect.arrayContaining([
                { localpart: "ada", enabled: false },
                { localpart: "boris", enabled: true },
            ]),
        );
    } finally {
        await stack.keycloak.setUserEnabled(SSO_REALM, ada.id, true);
    }
});

test("the accounts sync against Keycloak: a person disabled there is locked on the homeserver, a second run changes nothing", async () => {
    const passwordFile = path.join(await mkdtemp(path.join(os.tmpdir(), "atrium-sync-")), "keycloak-admin");
    await writeFile(passwordFile, stack.keycloak.adminPassword);
    const keycloak = {
        baseUrl: stack.keycloak.baseUrl,
        realm: SSO_REALM,
        adminUser: stack.keycloak.adminUser,
        adminPasswordFile: passwordFile,
    };
    const syncAdmin = await stack.synapse.registerUser("accounts-sync", "accounts-sync-password", { admin: true });
    const homeserver = new Homeserver(stack.synapse.baseUrl, syncAdmin.accessToken);
    const adminApi = (userId: string, init?: RequestInit): Promise<Response> =>
        fetch(`${stack.synapse.baseUrl}/_synapse/admin/v2/users/${encodeURIComponent(userId)}`, {
            ...init,
            headers: { Authorization: `Bearer ${syncAdmin.accessToken}`, "Content-Type": "application/json" },
        });
    // Every person of the realm has a Matrix account, as after their first SSO sign-in.
    for (const person of TEST_PEOPLE.filter((p) => /^[a-z0-9._=/-]+$/.test(p.username))) {
        const userId = `@${person.username}:${SSO_SERVER_NAME}`;
        if ((await adminApi(userId)).status === 404) {
            expect((await adminApi(userId, { method: "PUT", body: "{}" })).status).toBe(201);
        }
    }
    const sync = (): ReturnType<typeof runSync> =>
        runSync({
            sourceName: "keycloak",
            readSource: () => readKeycloakAccounts(keycloak),
            homeserver,
            mode: "lock",
            dryRun: false,
            exclude: [],
            maxChanges: 10,
        });
    const adaId = `@${ada.username}:${SSO_SERVER_NAME}`;
    expect((await sync()).changes).toEqual([]);

    await stack.keycloak.setUserEnabled(SSO_REALM, ada.id, false);
    try {
        const first = await sync();
        expect(first.changes).toEqual([{ userId: adaId, action: "lock", why: "disabled at the source", done: true }]);
        const ada_ = (await (await adminApi(adaId)).json()) as { locked?: boolean };
        expect(ada_.locked).toBe(true);
        const second = await sync();
        expect(second.changes).toEqual([]);
        expect(second.alreadyDone).toEqual([adaId]);
    } finally {
        await stack.keycloak.setUserEnabled(SSO_REALM, ada.id, true);
        await adminApi(adaId, { method: "PUT", body: JSON.stringify({ locked: false }) });
    }
});
