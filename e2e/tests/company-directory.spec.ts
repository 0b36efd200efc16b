// The company directory end to end: a real OpenLDAP (Debian's slapd, our own process) holds the
// company, the real config service reads it and checks OpenID tokens at the real Synapse, and a
// person in Chromium finds a colleague by title, follows the reporting line, and messages them.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { generateCompany } from "../harness/company.ts";
import { e2eWebappConfig } from "../harness/config.ts";
import { startConfigService, type RunningConfigService } from "../harness/configService.ts";
import { defaultWebappDir } from "../harness/paths.ts";
import { slapdPort, startSlapd, type SlapdHandle } from "../harness/slapd.ts";
import { registerUser } from "../harness/synapse.ts";
import { serveWebapp, type WebappServer } from "../harness/webapp.ts";
import { expect, getMessages, injectSession, joinRoom, matrixRequest, test, type MatrixSession } from "./fixtures.ts";

const SERVICE_PORT = Number(process.env.E2E_SERVICE_PORT ?? 18090);
const APP_PORT = Number(process.env.E2E_SERVICE_APP_PORT ?? 18081);
const APP_ORIGIN = `http://127.0.0.1:${APP_PORT}`;

function tenantFile(homeserver: string, slapd: SlapdHandle): string {
    return `hosts: [127.0.0.1]
web_origins: ["${APP_ORIGIN}"]
config:
  default_server_config:
    m.homeserver: { base_url: "${homeserver}", server_name: localhost }
server:
  directory:
    source:
      type: ldap
      url: ${slapd.url}
      bind_dn: "${slapd.readerDn}"
      bind_password: "${slapd.readerPassword}"
      base_dn: "ou=people,${slapd.baseDn}"
    matrix_id_template: "@{uid}:localhost"
    time_zones: { London: Europe/London, Berlin: Europe/Berlin }
`;
}

/** The room of the first invite the user has, from a one-off /sync. */
async function firstInvite(session: MatrixSession): Promise<string | undefined> {
    const sync = await matrixRequest<{ rooms?: { invite?: Record<string, unknown> } }>(
        session.baseUrl,
        "GET",
        "/_matrix/client/v3/sync?timeout=0",
        { accessToken: session.accessToken },
    );
    return Object.keys(sync.rooms?.invite ?? {})[0];
}

test.describe("company directory", () => {
    let dataDir: string;
    let slapd: SlapdHandle | undefined;
    let service: RunningConfigService | undefined;
    let app: WebappServer | undefined;

    test.afterEach(async () => {
        await app?.stop();
        await service?.stop().catch(() => undefined);
        await slapd?.stop();
        if (dataDir) await rm(dataDir, { recursive: true, force: true });
    });

    test("find a colleague by title, follow their manager, message the manager", async ({ browser, synapse }) => {
        test.setTimeout(120_000);
        dataDir = await mkdtemp(path.join(os.tmpdir(), "atrium-e2e-directory-"));
        slapd = await startSlapd({
            dataDir: path.join(dataDir, "slapd"),
            port: slapdPort(),
            people: generateCompany(500),
        });
        await writeFile(path.join(dataDir, "acme.yaml"), tenantFile(synapse.baseUrl, slapd));
        service = await startConfigService({ tenantsDir: dataDir, port: SERVICE_PORT });

        // The people of the company who have Matrix accounts (the template makes @uid:localhost).
        const ines = await registerUser(
            synapse.baseUrl,
            synapse.registrationSharedSecret,
            "ines",
            "pw-ines-directory",
            {
                displayName: "Inès Dubois",
            },
        );
        const boris = await registerUser(
            synapse.baseUrl,
            synapse.registrationSharedSecret,
            "boris",
            "pw-boris-directory",
            {
                displayName: "Boris Okafor",
            },
        );

        // The bundled config says where the config service is; the directory is found beside it.
        const bundled = e2eWebappConfig(synapse.baseUrl);
        app = await serveWebapp({
            webappDir: process.env.E2E_WEBAPP_DIR ?? defaultWebappDir,
            port: APP_PORT,
            config: {
                ...bundled,
                atrium: { ...(bundled.atrium as object), config_service: { url: `${service.url}/v1/config` } },
            },
        });

        const context = await browser.newContext();
        await injectSession(context, ines);
        const page = await context.newPage();
        const directoryRequests: string[] = [];
        const directoryPaths: string[] = [];
        page.on("request", (request) => {
            if (request.url().startsWith(`${service!.url}/v1/directory/`)) {
                directoryRequests.push(request.headers()["authorization"] ?? "");
                directoryPaths.push(new URL(request.url()).pathname);
            }
        });
        const asked = (endpoint: string): number => directoryPaths.filter((p) => p.endsWith(endpoint)).length;
        await page.goto(`${app.url}/#/home`);

        await page.getByRole("button", { name: "Company directory", exact: true }).click();
        const panel = page.getByRole("region", { name: "Company directory" });
        const search = panel.getByRole("combobox", { name: "Search people" });
        await expect(search).toBeFocused({ timeout: 30_000 });
        await search.fill("platform lea");
        // The results' listbox (the location list's <option>s are options too).
        const results = panel.getByRole("listbox", { name: "People" });
        const erin = results.getByRole("option", { name: /Erin Walsh/ });
        await expect(erin).toBeVisible();
        await expect(results.getByRole("option")).toHaveCount(1);
        await erin.click();

        const erinCard = panel.getByRole("article", { name: "Erin Walsh" });
        await expect(erinCard.getByText("Platform Lead")).toBeVisible();
        await expect(erinCard.getByText(/^Local time \d/)).toBeVisible();
        await erinCard
            .getByRole("region", { name: "Reports to" })
            .getByRole("button", { name: /Boris Okafor/ })
            .click();

        const borisCard = panel.getByRole("article", { name: "Boris Okafor" });
        await expect(borisCard.getByText("VP Engineering")).toBeVisible();
        await expect(borisCard.getByText("@boris:localhost")).toBeVisible();
        await borisCard.getByRole("button", { name: "Message" }).click();

        // The DM opens beside the directory, which stays open.
        const composer = page.getByRole("textbox", { name: /Send a message/ });
        await expect(composer).toBeVisible({ timeout: 30_000 });
        await expect(panel).toBeVisible();
        const text = `Hello Boris, from the directory ${Date.now()}`;
        await composer.fill(text);
        await composer.press("Enter");

        // Boris gets the invite to a DM with Inès and reads the message.
        let roomId: string | undefined;
        await expect.poll(async () => (roomId = await firstInvite(boris)), { timeout: 20_000 }).toBeTruthy();
        await joinRoom(boris, roomId!);
        await expect
            .poll(async () => (await getMessages(boris, roomId!, 30)).some((event) => event.content?.body === text), {
                timeout: 20_000,
            })
            .toBe(true);

        // Only OpenID tokens went to the service, never the access token.
        expect(directoryRequests.length).toBeGreaterThan(0);
        for (const header of directoryRequests) {
            expect(header).toMatch(/^Bearer /);
            expect(header).not.toContain(ines.accessToken);
        }

        // The roster loaded on the first opening answers typing in the page, even after the panel was
        // closed and opened again: the service is not asked, and the roster is not loaded twice.
        await page.waitForFunction(() => performance.getEntriesByName("atrium.directory.roster_ready").length > 0);
        await page.getByRole("button", { name: "Company directory", exact: true }).click();
        await expect(panel).toHaveCount(0);
        await page.getByRole("button", { name: "Company directory", exact: true }).click();
        const searchesBefore = asked("/search");
        await panel.getByRole("combobox", { name: "Search people" }).fill("vp engin");
        await expect(results.getByRole("option", { name: /Boris Okafor/ })).toBeVisible();
        await expect(results.getByRole("option")).toHaveCount(1);
        expect(asked("/search")).toBe(searchesBefore);
        expect(asked("/roster")).toBe(1);

        // Escape closes the directory.
        await panel.getByRole("combobox", { name: "Search people" }).press("Escape");
        await expect(panel).toHaveCount(0);
        await context.close();
    });
});
