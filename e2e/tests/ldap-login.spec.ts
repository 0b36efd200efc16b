// LDAP password sign-in for companies without SSO: Synapse's LDAP provider (matrix-synapse-ldap3)
// against the harness's real slapd. Only this spec starts slapd and an LDAP-configured Synapse.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import type { Page } from "@playwright/test";

import { generateCompany, personPassword } from "../harness/company.ts";
import { e2eWebappConfig } from "../harness/config.ts";
import { ldapAuthModule } from "../harness/ldapAuth.ts";
import { defaultWebappDir } from "../harness/paths.ts";
import { slapdPort, startSlapd, type SlapdHandle } from "../harness/slapd.ts";
import { login, matrixRequest, startSynapse, type SynapseHandle } from "../harness/synapse.ts";
import { serveWebapp, type WebappServer } from "../harness/webapp.ts";
import { expect, test, waitForApp } from "./fixtures.ts";

// Beside the stack's Synapse (the federation spec's ports are +100 and up, the jest suites' +3 and +4).
const LDAP_SYNAPSE_PORT = Number(process.env.E2E_SYNAPSE_PORT ?? 18008) + 5;
const APP_PORT = Number(process.env.E2E_SERVICE_APP_PORT ?? 18081);

async function signInAt(page: Page, app: WebappServer, username: string, password: string): Promise<void> {
    await page.goto(`${app.url}/#/login`);
    await page.getByRole("textbox", { name: "Username" }).fill(username);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
}

test.describe("LDAP sign-in", () => {
    let dataDir: string;
    let slapd: SlapdHandle | undefined;
    let synapse: SynapseHandle | undefined;
    let app: WebappServer | undefined;

    test.beforeAll(async () => {
        test.setTimeout(120_000);
        dataDir = await mkdtemp(path.join(os.tmpdir(), "atrium-e2e-ldap-"));
        slapd = await startSlapd({
            dataDir: path.join(dataDir, "slapd"),
            port: slapdPort(),
            people: generateCompany(50),
        });
        synapse = await startSynapse({
            dataDir: path.join(dataDir, "synapse"),
            port: LDAP_SYNAPSE_PORT,
            serverName: "localhost",
            extraConfig: { modules: [ldapAuthModule(slapd)] },
        });
        app = await serveWebapp({
            webappDir: process.env.E2E_WEBAPP_DIR ?? defaultWebappDir,
            port: APP_PORT,
            config: e2eWebappConfig(synapse.baseUrl),
        });
    });

    test.afterAll(async () => {
        await app?.stop();
        await synapse?.stop();
        await slapd?.stop();
        if (dataDir) await rm(dataDir, { recursive: true, force: true });
    });

    test("a person signs in with their LDAP password and lands home, named as in the directory", async ({ page }) => {
        await signInAt(page, app!, "ada", personPassword("ada"));
        await expect(page.getByRole("heading", { name: "Welcome to Atrium" })).toBeVisible({ timeout: 30_000 });
        await waitForApp(page);

        // Synapse made the account on the first sign-in, with the name from LDAP's cn.
        const session = await login(synapse!.baseUrl, "ada", personPassword("ada"));
        const profile = await matrixRequest<{ displayname?: string }>(
            synapse!.baseUrl,
            "GET",
            `/_matrix/client/v3/profile/${encodeURIComponent(session.userId)}`,
            { accessToken: session.accessToken },
        );
        expect(session.userId).toBe("@ada:localhost");
        expect(profile.displayname).toBe("Ada Lindqvist");
    });

    test("a wrong LDAP password is refused like any wrong password", async ({ page }) => {
        await signInAt(page, app!, "boris", "not-the-ldap-password");
        await expect(page.getByText("Incorrect username and/or password.")).toBeVisible({ timeout: 15_000 });
        await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    });
});
