// The logged-in app is a chunk of its own (src/seams/LoggedInView.tsx): the sign-in page does not
// download it, signing in does, and a failed download can be retried without signing in again.
import type { Page, Request } from "@playwright/test";

import { expect, signIn, test, waitForApp } from "./fixtures.ts";

const LOGGED_IN_CHUNK = /\/bundles\/logged-in\.[0-9a-f]+\.(js|css)$/;

function chunkRequests(page: Page): Request[] {
    const seen: Request[] = [];
    page.on("request", (request) => {
        if (LOGGED_IN_CHUNK.test(new URL(request.url()).pathname)) seen.push(request);
    });
    return seen;
}

test("the sign-in page leaves the logged-in app out; signing in brings it", async ({ page, synapse }) => {
    const user = await synapse.registerUser("lazyapp");
    const requested = chunkRequests(page);
    await page.goto("/#/login");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect(requested).toEqual([]);

    await signIn(page, user);
    await waitForApp(page);
    expect(requested.length).toBeGreaterThan(0);
});

test("when the logged-in app cannot be downloaded, Try again brings it without a new sign-in", async ({
    page,
    synapse,
}) => {
    const user = await synapse.registerUser("lazyfail");
    await page.route(LOGGED_IN_CHUNK, (route) => route.abort("internetdisconnected"));
    await signIn(page, user);

    // The SDK's toasts are alerts too: ours is the one with this text.
    const alert = page.getByRole("alert").filter({ hasText: "This part of the app could not be loaded." });
    await expect(alert).toHaveText(
        "This part of the app could not be loaded. Check your connection, then try again.Try again",
        {
            timeout: 30_000,
        },
    );
    await page.unroute(LOGGED_IN_CHUNK);
    await page.getByRole("button", { name: "Try again" }).click();
    await waitForApp(page);
    await expect(alert).toHaveCount(0);
    // Still the same session: no sign-in form came back in between.
    await expect(page.getByRole("button", { name: "Sign in" })).toHaveCount(0);
});
