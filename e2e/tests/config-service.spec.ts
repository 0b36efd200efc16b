// The config service end to end: an admin's edit reaches a running client without a rebuild, and
// with the service stopped the client starts from its last good config and says so.
import { writeFile } from "node:fs/promises";
import path from "node:path";

import { startAppWithTenantService, type AppWithTenantService } from "../harness/configService.ts";
import { tenantYaml } from "../harness/tenantFile.ts";
import { expect, test } from "./fixtures.ts";

const SERVICE_PORT = Number(process.env.E2E_SERVICE_PORT ?? 18090);
const APP_PORT = Number(process.env.E2E_SERVICE_APP_PORT ?? 18081);
const APP_ORIGIN = `http://127.0.0.1:${APP_PORT}`;

function tenantFile(homeserver: string, brand: string): string {
    return tenantYaml({ homeserverUrl: homeserver, brand, webOrigins: [APP_ORIGIN] });
}

test.describe("config service", () => {
    let stack: AppWithTenantService | undefined;

    test.afterEach(async () => {
        await stack?.stop();
    });

    test("an admin's brand edit shows live; with the service down the last good config starts", async ({
        browser,
        synapse,
    }, testInfo) => {
        // The bundled config only says where the service is (and would name the product "Atrium").
        stack = await startAppWithTenantService({
            prefix: "atrium-e2e-tenants-",
            tenantYaml: tenantFile(synapse.baseUrl, "Acme Chat"),
            servicePort: SERVICE_PORT,
            appPort: APP_PORT,
            homeserverUrl: synapse.baseUrl,
        });
        const { app, service } = stack;
        const tenantPath = path.join(stack.tenantsDir, "acme.yaml");

        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(`${app.url}/#/welcome`);
        await expect(page.getByRole("heading", { name: "Acme Chat" })).toBeVisible({ timeout: 30_000 });
        await expect(page.getByRole("status").filter({ hasText: "settings" })).toHaveCount(0);

        // The admin renames the product in the tenant file; the open page follows, no reload, no rebuild.
        await writeFile(tenantPath, tenantFile(synapse.baseUrl, "Acme Messenger"));
        await expect(page.getByRole("heading", { name: "Acme Messenger" })).toBeVisible({ timeout: 30_000 });
        await expect(page).toHaveTitle(/Acme Messenger/);

        // The service goes down; a new start uses the last good config and says so.
        await service.stop();
        await page.reload();
        await expect(page.getByRole("heading", { name: "Acme Messenger" })).toBeVisible({ timeout: 30_000 });
        const notice = page.getByRole("status").filter({ hasText: "Using the last saved settings" });
        await expect(notice).toBeVisible();
        await notice.getByRole("button", { name: "Details" }).click();
        await expect(notice).toContainText("could not be reached");
        await page.screenshot({ path: testInfo.outputPath("fallback-notice.png") });
        await context.close();
    });
});
