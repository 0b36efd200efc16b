// A module written for the plain module API (modules/environment-banner: a wrapper around the app and
// a room header button) works in Atrium, and the tenant file switches it off. Real Synapse, the
// config service with its own tenant file, Chromium.
import { writeFile } from "node:fs/promises";
import path from "node:path";

import { startAppWithTenantService, type AppWithTenantService } from "../harness/configService.ts";
import { tenantYaml } from "../harness/tenantFile.ts";
import { createRoom, expect, injectSession, test } from "./fixtures.ts";

const SERVICE_PORT = Number(process.env.E2E_SERVICE_PORT ?? 18090);
const APP_PORT = Number(process.env.E2E_SERVICE_APP_PORT ?? 18081);
const APP_ORIGIN = `http://127.0.0.1:${APP_PORT}`;
const REPORT_URL = "https://help.example.com/chat?from=atrium";

function tenantFile(homeserver: string, bannerEnabled: boolean): string {
    const banner = { enabled: bannerEnabled, label: "Staging", tone: "warning", report_url: REPORT_URL };
    return tenantYaml({
        homeserverUrl: homeserver,
        webOrigins: [APP_ORIGIN],
        atrium: { modules: { "environment-banner": banner } },
    });
}

test.describe("a module on the plain module API", () => {
    let stack: AppWithTenantService | undefined;

    test.afterEach(async () => {
        await stack?.stop();
    });

    test("shows its banner and header button, and the tenant file switches them off", async ({
        browser,
        synapse,
    }, testInfo) => {
        test.setTimeout(120_000);
        stack = await startAppWithTenantService({
            prefix: "atrium-e2e-banner-",
            tenantYaml: tenantFile(synapse.baseUrl, true),
            servicePort: SERVICE_PORT,
            appPort: APP_PORT,
            homeserverUrl: synapse.baseUrl,
        });
        const { app } = stack;
        const tenantPath = path.join(stack.tenantsDir, "acme.yaml");

        const user = await synapse.registerUser("banner");
        const roomId = await createRoom(user, { name: "release-checks" });
        const context = await browser.newContext();
        // The report page is outside this machine's reach: answer it here to see the tab open.
        await context.route("https://help.example.com/**", (route) =>
            route.fulfill({ status: 200, contentType: "text/html", body: "<title>Help desk</title>" }),
        );
        await injectSession(context, user);
        const page = await context.newPage();
        await page.goto(`${app.url}/#/room/${roomId}`);

        // The wrapper: a strip naming the deployment above the app.
        const banner = page.getByRole("complementary", { name: "Environment" });
        await expect(banner).toHaveText("Environment: Staging", { timeout: 30_000 });
        const header = page.locator(".mx_RoomHeader");
        await expect(header.getByText("release-checks")).toBeVisible({ timeout: 30_000 });
        const bannerBox = await banner.boundingBox();
        const headerBox = await header.boundingBox();
        expect(bannerBox!.y + bannerBox!.height).toBeLessThanOrEqual(headerBox!.y);

        // The header button opens the configured page in a new tab.
        const report = header.getByRole("button", { name: "Report a problem" });
        await expect(report).toBeVisible();
        const [helpPage] = await Promise.all([context.waitForEvent("page"), report.click()]);
        await expect(helpPage).toHaveURL(REPORT_URL);
        await helpPage.close();
        await page.screenshot({ path: testInfo.outputPath("environment-banner-on.png") });

        // The admin switches the module off in the tenant file: the open page drops the strip live.
        await writeFile(tenantPath, tenantFile(synapse.baseUrl, false));
        await expect(banner).toHaveCount(0, { timeout: 30_000 });
        await expect(header.getByText("release-checks")).toBeVisible();

        // A new load carries neither the strip nor the button.
        await page.reload();
        await expect(page.locator(".mx_RoomHeader").getByText("release-checks")).toBeVisible({ timeout: 30_000 });
        await expect(page.getByRole("complementary", { name: "Environment" })).toHaveCount(0);
        await expect(page.getByRole("button", { name: "Report a problem" })).toHaveCount(0);
        await page.screenshot({ path: testInfo.outputPath("environment-banner-off.png") });
        await context.close();
    });
});
