// The web app as the Atrium service serves it, under its Content-Security-Policy, in Chromium
// against real Synapse: the app signs in and decrypts (the crypto WASM compiles under the policy),
// an injected inline script does not run, only the tenant's listed origins may frame the app, and a
// tenant file with hostile URLs is refused while the app keeps its last valid policy.
import { writeFile } from "node:fs/promises";
import http from "node:http";
import path from "node:path";

import type { Page } from "@playwright/test";

import {
    closePages,
    servePage,
    startTenantService,
    type RunningConfigService,
    type TenantService,
} from "../harness/configService.ts";
import { tenantYaml } from "../harness/tenantFile.ts";
import { createEncryptedRoom, expect, expectImageLoaded, setAvatar, test, waitUntilDeviceKnown } from "./fixtures.ts";

const SERVICE_PORT = Number(process.env.E2E_CSP_SERVICE_PORT ?? 18092);
const ALLOWED_EMBEDDER_PORT = SERVICE_PORT + 1;
const OTHER_EMBEDDER_PORT = SERVICE_PORT + 2;
const ALLOWED_EMBEDDER = `http://127.0.0.1:${ALLOWED_EMBEDDER_PORT}`;

function tenantFile(homeserver: string, edit: { mapStyleUrl?: string; moreAncestors?: string[] } = {}): string {
    return tenantYaml({
        homeserverUrl: homeserver,
        brand: "Acme Chat",
        config: edit.mapStyleUrl === undefined ? {} : { map_style_url: edit.mapStyleUrl },
        atrium: { embedding: { frame_ancestors: ["'self'", ALLOWED_EMBEDDER, ...(edit.moreAncestors ?? [])] } },
    });
}

/** A page on another origin that frames the app, as an xWiki page's iframe macro would. */
function startEmbedder(port: number, appUrl: string): Promise<http.Server> {
    const html = `<!doctype html><title>Wiki</title><iframe title="Atrium" src="${appUrl}/#/login" width="900" height="600"></iframe>`;
    return servePage(port, html);
}

/** Records every CSP violation the page reports, from before any of its scripts run. */
async function recordViolations(page: Page): Promise<void> {
    await page.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
        document.addEventListener("securitypolicyviolation", (e) =>
            seen.push(`${e.violatedDirective} ${e.blockedURI}`),
        );
    });
}

/**
 * Another origin: its page frames the app, and it offers a script. Records what was asked of it, so
 * a test can tell that the browser never even fetched the script.
 */
async function startAttacker(port: number, appUrl: string): Promise<{ server: http.Server; requested: string[] }> {
    const requested: string[] = [];
    const page = `<!doctype html><title>Elsewhere</title><iframe title="Atrium" src="${appUrl}/#/login" width="900" height="600"></iframe>`;
    const server = http.createServer((req, res) => {
        requested.push(req.url ?? "");
        if (req.url === "/evil.js")
            res.writeHead(200, { "Content-Type": "text/javascript" }).end("window.__evil = true;");
        else res.writeHead(200, { "Content-Type": "text/html" }).end(page);
    });
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", () => resolve()));
    return { server, requested };
}

/** The service's own report (loopback, no token needed), for one tenant. */
async function tenantStatus(serviceUrl: string): Promise<{ state: string; problems: { path: string }[] }> {
    const status = (await (await fetch(`${serviceUrl}/v1/status`)).json()) as {
        tenants: { name: string; state: string; problems: { path: string }[] }[];
    };
    return status.tenants.find((t) => t.name === "acme")!;
}

/** Starts recording violations on a page that has already loaded. */
async function recordViolationsNow(page: Page): Promise<void> {
    await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
        document.addEventListener("securitypolicyviolation", (e) =>
            seen.push(`${e.violatedDirective} ${e.blockedURI}`),
        );
    });
}

const violations = (page: Page): Promise<string[]> =>
    page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);

test.describe("security headers", () => {
    let tenantsDir: string;
    let service: RunningConfigService | undefined;
    let tenant: TenantService | undefined;
    const embedders: http.Server[] = [];

    test.beforeEach(async ({ synapse }) => {
        tenant = await startTenantService({
            prefix: "atrium-e2e-csp-",
            tenantYaml: tenantFile(synapse.baseUrl),
            port: SERVICE_PORT,
        });
        ({ tenantsDir, service } = tenant);
    });

    test.afterEach(async () => {
        await tenant?.stop();
        await closePages(embedders);
    });

    test("the app works under its policy, and an injected inline script does not run", async ({
        synapse,
        newSessionPage,
    }) => {
        const alice = await synapse.registerUser("csp-alice");
        const bob = await synapse.registerUser("csp-bob");
        const roomId = await createEncryptedRoom(alice, [bob], { name: "Board" });
        // An avatar: authenticated media through the service worker, under the worker's own policy.
        await setAvatar(alice);

        const alicePage = await newSessionPage(alice);
        const bobPage = await newSessionPage(bob);
        await recordViolations(alicePage);
        const response = await alicePage.goto(`${service!.url}/#/room/${roomId}`);
        const csp = response!.headers()["content-security-policy"];
        expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
        expect(csp).toContain(`frame-ancestors 'self' ${ALLOWED_EMBEDDER}`);
        await bobPage.goto(`${service!.url}/#/room/${roomId}`);
        // Both devices start (and upload their keys) before anyone writes.
        for (const p of [alicePage, bobPage]) {
            await expect(p.getByRole("textbox", { name: /Send (a|an encrypted) message/ })).toBeVisible({
                timeout: 30_000,
            });
        }
        await waitUntilDeviceKnown(alicePage, bob);
        await waitUntilDeviceKnown(bobPage, alice);

        // Encrypted both ways: the crypto WASM compiled and runs under the policy.
        for (const [from, to, text] of [
            [alicePage, bobPage, "Quarterly figures attached"],
            [bobPage, alicePage, "Thanks, reading now"],
        ] as const) {
            const composer = from.getByRole("textbox", { name: /Send (a|an encrypted) message/ });
            await composer.fill(text);
            await composer.press("Enter");
            await expect(to.locator(".mx_EventTile_body", { hasText: text })).toBeVisible({ timeout: 30_000 });
        }
        await expectImageLoaded(alicePage.locator(".mx_UserMenu img").first());
        // The app itself needed nothing the policy forbids.
        expect(await violations(alicePage)).toEqual([]);

        // What an XSS would try: a script element with inline code.
        await alicePage.evaluate(() => {
            const script = document.createElement("script");
            script.textContent = "window.__pwned = true;";
            document.body.appendChild(script);
        });
        await expect
            .poll(() => violations(alicePage))
            .toContainEqual(expect.stringMatching(/^script-src(-elem)? inline$/));
        expect(await alicePage.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
        // An inline event handler is refused the same way.
        await alicePage.evaluate(() => {
            const img = document.createElement("img");
            img.setAttribute("onerror", "window.__pwned = true;");
            img.src = "data:,not-an-image";
            document.body.appendChild(img);
        });
        await expect
            .poll(() => violations(alicePage))
            .toContainEqual(expect.stringMatching(/^script-src(-attr)? inline$/));
        expect(await alicePage.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
    });

    test("only the origins in the tenant's frame_ancestors can embed the app", async ({ page }) => {
        embedders.push(await startEmbedder(ALLOWED_EMBEDDER_PORT, service!.url));
        embedders.push(await startEmbedder(OTHER_EMBEDDER_PORT, service!.url));

        await page.goto(`${ALLOWED_EMBEDDER}/`);
        const framed = page.frameLocator('iframe[title="Atrium"]');
        await expect(framed.getByRole("button", { name: "Sign in" })).toBeVisible({ timeout: 30_000 });

        const refused: string[] = [];
        page.on("console", (message) => refused.push(message.text()));
        await page.goto(`http://127.0.0.1:${OTHER_EMBEDDER_PORT}/`);
        await expect
            .poll(() => refused.join("\n"), { timeout: 15_000 })
            .toMatch(/violates the following Content Security Policy directive: "frame-ancestors/);
        await expect(framed.getByRole("button", { name: "Sign in" })).toHaveCount(0);
    });

    test("a tenant file with hostile URLs is refused: the last valid policy stays, foreign script and frames are refused", async ({
        page,
        synapse,
    }) => {
        const before = await fetch(`${service!.url}/`);
        const validPolicy = before.headers.get("content-security-policy")!;
        expect(validPolicy).toContain(`frame-ancestors 'self' ${ALLOWED_EMBEDDER}`);

        const attackerOrigin = `http://127.0.0.1:${OTHER_EMBEDDER_PORT}`;
        const attacker = await startAttacker(OTHER_EMBEDDER_PORT, service!.url);
        embedders.push(attacker.server);

        // What a careless or hostile edit would put in: a map style whose host carries a directive,
        // and a frame-ancestors wildcard that would let any http site frame the app.
        const hostile = tenantFile(synapse.baseUrl, {
            mapStyleUrl: "https://tiles.test;script-src",
            moreAncestors: ["http://*:*"],
        });
        await writeFile(path.join(tenantsDir, "acme.yaml"), hostile);
        await expect.poll(async () => (await tenantStatus(service!.url)).state, { timeout: 15_000 }).toBe("stale");
        expect((await tenantStatus(service!.url)).problems.map((p) => p.path)).toEqual(
            expect.arrayContaining(["/config/map_style_url", "/config/atrium/embedding/frame_ancestors/2"]),
        );

        // The app is still served with the last valid policy and config.
        const response = await page.goto(`${service!.url}/#/login`);
        expect(response!.headers()["content-security-policy"]).toBe(validPolicy);
        const config = (await (await fetch(`${service!.url}/config.json`)).json()) as Record<string, unknown>;
        expect(config.map_style_url).toBeUndefined();
        await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible({ timeout: 30_000 });

        // A script from another origin does not run; the browser does not even fetch it.
        await recordViolationsNow(page);
        await page.evaluate((src) => {
            const script = document.createElement("script");
            script.src = src;
            document.body.appendChild(script);
        }, `${attackerOrigin}/evil.js`);
        await expect
            .poll(() => violations(page))
            .toContainEqual(expect.stringMatching(new RegExp(`^script-src(-elem)? ${attackerOrigin}/evil\\.js$`)));
        expect(await page.evaluate(() => (window as unknown as { __evil?: boolean }).__evil)).toBeUndefined();
        expect(attacker.requested).not.toContain("/evil.js");

        // A frame from the unlisted origin is refused.
        const messages: string[] = [];
        page.on("console", (message) => messages.push(message.text()));
        await page.goto(`${attackerOrigin}/`);
        await expect
            .poll(() => messages.join("\n"), { timeout: 15_000 })
            .toMatch(/violates the following Content Security Policy directive: "frame-ancestors/);
        await expect(page.frameLocator('iframe[title="Atrium"]').getByRole("button", { name: "Sign in" })).toHaveCount(
            0,
        );
    });
});
