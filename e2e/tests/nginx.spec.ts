// The deployment behind nginx: the production sample (service/nginx/atrium.conf), rendered with this
// run's ports and a throwaway certificate, checked with `nginx -t` and run by Debian's nginx
// (harness/nginx.ts) in front of the config service (serving the app) and a Synapse of its own (its
// public_baseurl must be nginx's origin: Element follows the login response's well_known), under one
// https origin. Through it: the service's per-tenant security headers arrive untouched, the admin
// API stays hidden, and in Chromium a person signs in and sends a message that the other one reads.
import { randomUUID } from "node:crypto";
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import type { Page } from "@playwright/test";

import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../harness/chromium.ts";
import { startConfigService, type RunningConfigService } from "../harness/configService.ts";
import { nginxPorts, startNginx, type NginxHandle } from "../harness/nginx.ts";
import { defaultWebappDir } from "../harness/paths.ts";
import { startSynapse, type SynapseHandle } from "../harness/synapse.ts";
import { tenantYaml } from "../harness/tenantFile.ts";
import { createRoom, expect, joinRoom, signIn, test, waitForApp, type TestUser } from "./fixtures.ts";

const PORTS = nginxPorts();
const ORIGIN = `https://127.0.0.1:${PORTS.https}`;
const WIKI = "https://wiki.acme.example";

let workDir: string;
let synapse: SynapseHandle | undefined;
let service: RunningConfigService | undefined;
let nginx: NginxHandle | undefined;

// The certificate is self-signed: Chromium is told to accept it (the service worker too, which the
// context option alone does not cover).
test.use({
    baseURL: ORIGIN,
    ignoreHTTPSErrors: true,
    launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, "--ignore-certificate-errors"] },
});
test.describe.configure({ timeout: 120_000 });

function tenantFile(): string {
    return tenantYaml({
        homeserverUrl: ORIGIN,
        brand: "Acme Chat",
        atrium: { embedding: { frame_ancestors: ["'self'", WIKI] } },
    });
}

test.beforeAll(async () => {
    test.setTimeout(90_000);
    workDir = await mkdtemp(path.join(os.tmpdir(), "atrium-e2e-nginx-"));
    // Run as root, nginx's worker runs as `nobody` and writes request bodies under its prefix in here.
    await chmod(workDir, 0o755);
    synapse = await startSynapse({
        dataDir: path.join(workDir, "synapse"),
        port: PORTS.synapse,
        serverName: "localhost",
        publicBaseUrl: `${ORIGIN}/`,
    });
    const tenantsDir = path.join(workDir, "tenants");
    await mkdir(tenantsDir);
    await writeFile(path.join(tenantsDir, "acme.yaml"), tenantFile());
    service = await startConfigService({
        tenantsDir,
        port: PORTS.service,
        webappDir: process.env.E2E_WEBAPP_DIR ?? defaultWebappDir,
    });
    nginx = await startNginx({
        prefix: path.join(workDir, "nginx"),
        httpsPort: PORTS.https,
        httpPort: PORTS.http,
        servicePort: PORTS.service,
        synapsePort: PORTS.synapse,
    });
});

test.afterAll(async () => {
    await nginx?.stop();
    await service?.stop();
    await synapse?.stop();
    if (workDir) await rm(workDir, { recursive: true, force: true });
});

test("the sample passes nginx -t and serves the app, the service and Synapse under one origin", async ({ request }) => {
    expect(nginx!.configTestOutput).toContain("syntax is ok");
    expect(nginx!.configTestOutput).toContain("test is successful");

    // The security headers are the service's own for this tenant, passed on once each; nginx adds HSTS.
    const direct = (await (await fetch(`${service!.url}/v1/security-headers`)).json()) as Record<string, string>;
    expect(direct["Content-Security-Policy"]).toContain(`frame-ancestors 'self' ${WIKI}`);
    const page = await request.get("/");
    expect(page.status()).toBe(200);
    expect(await page.text()).toContain("<html");
    const headers = page.headersArray();
    for (const name of Object.keys(direct)) {
        const values = headers.filter((h) => h.name.toLowerCase() === name.toLowerCase()).map((h) => h.value);
        expect(values, name).toEqual([direct[name]]);
    }
    expect(page.headers()["strict-transport-security"]).toBe("max-age=31536000");

    // The tenant's config, naming nginx's origin as the homeserver.
    const config = await (await request.get("/config.json")).json();
    expect(config.brand).toBe("Acme Chat");
    expect(config.default_server_config["m.homeserver"].base_url).toBe(ORIGIN);

    // Synapse's client API through the same origin; its admin API is not passed on.
    const versions = await request.get("/_matrix/client/versions");
    expect(versions.status()).toBe(200);
    expect((await versions.json()).versions).toContain("v1.11");
    expect((await request.get("/_synapse/admin/v1/register")).status()).toBe(404);

    // Plain http is sent to https.
    const redirect = await request.get(`http://127.0.0.1:${PORTS.http}/#/login`, { maxRedirects: 0 });
    expect(redirect.status()).toBe(301);
    expect(redirect.headers().location).toMatch(/^https:\/\/127\.0\.0\.1\//);
});

/** People of this run, made through Synapse's admin registration on its own port (not exposed by nginx). */
async function person(localpart: string): Promise<TestUser> {
    const password = `pw-${randomUUID()}`;
    return { ...(await synapse!.registerUser(localpart, password)), localpart, password };
}

async function send(page: Page, text: string): Promise<void> {
    const composer = page.getByRole("textbox", { name: /^Send (a|an encrypted) message/ });
    await composer.fill(text);
    await composer.press("Enter");
}

test("through nginx, a person signs in and sends a message the other one reads", async ({ page, newSessionPage }) => {
    const alice = await person("nginx-alice");
    const bob = await person("nginx-bob");
    const roomId = await createRoom(alice, { name: "Front door", preset: "private_chat", invite: [bob.userId] });
    await joinRoom(bob, roomId);

    await page.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
        document.addEventListener("securitypolicyviolation", (e) =>
            seen.push(`${e.violatedDirective} ${e.blockedURI}`),
        );
    });
    await signIn(page, alice);
    await waitForApp(page);
    await page.goto(`/#/room/${roomId}`);
    const text = `Through the front door ${randomUUID().slice(0, 8)}`;
    await send(page, text);
    await expect(page.locator('.mx_EventTile[data-scroll-tokens^="$"]', { hasText: text })).toBeVisible({
        timeout: 30_000,
    });

    const bobPage = await newSessionPage({ ...bob, baseUrl: ORIGIN });
    await bobPage.goto(`/#/room/${roomId}`);
    await expect(bobPage.locator(".mx_EventTile_body", { hasText: text })).toBeVisible({ timeout: 30_000 });

    // The app ran under the service's policy without a violation, and its Matrix traffic went through nginx.
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
    const accessLog = await readFile(nginx!.accessLog, "utf8");
    expect(accessLog).toMatch(/^POST \/_matrix\/client\/v3\/login 200 /m);
    expect(accessLog).toMatch(/^PUT \/_matrix\/client\/v3\/rooms\/[^ ]+\/send\/m\.room\.message\/[^ ]+ 200 /m);
});
