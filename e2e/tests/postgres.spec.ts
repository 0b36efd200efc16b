// Synapse on PostgreSQL, as a deployment past one machine runs it: this spec starts its own Debian
// PostgreSQL (harness/postgres.ts), its own Synapse on it (not the suite's shared SQLite one) and the
// built app pointed at that Synapse. The provisioning tool makes a small company there; one of its
// people signs in through the form and sends a message, another reads it in the app, and the message
// and the people are then found in PostgreSQL's own tables.
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import type { Page } from "@playwright/test";

import { E2E_SERVER_NAME, e2ePorts, e2eWebappConfig } from "../harness/config.ts";
import { defaultWebappDir, repoRoot } from "../harness/paths.ts";
import { postgresPort, startPostgres, type PostgresHandle } from "../harness/postgres.ts";
import { startSynapse, type SynapseHandle } from "../harness/synapse.ts";
import { serveWebapp, type WebappServer } from "../harness/webapp.ts";
import { login, matrixRequest } from "../harness/matrix-client.ts";
import { expect, signIn, test, waitForApp, type TestUser } from "./fixtures.ts";

const POSTGRES_PORT = postgresPort();
const SYNAPSE_PORT = Number(process.env.E2E_POSTGRES_SYNAPSE_PORT ?? e2ePorts().synapse + 4);
const APP_PORT = Number(process.env.E2E_POSTGRES_WEBAPP_PORT ?? e2ePorts().webapp + 4);

let workDir: string;
let postgres: PostgresHandle | undefined;
let synapse: SynapseHandle | undefined;
let webapp: WebappServer | undefined;

test.use({ baseURL: `http://127.0.0.1:${APP_PORT}` });
test.describe.configure({ timeout: 300_000 });

test.beforeAll(async () => {
    test.setTimeout(180_000);
    workDir = await mkdtemp(path.join(os.tmpdir(), "atrium-e2e-postgres-"));
    await chmod(workDir, 0o755); // run as root, PostgreSQL runs as its own account, which must reach its folder
    postgres = await startPostgres({ dataDir: path.join(workDir, "postgres"), port: POSTGRES_PORT });
    const database = await postgres.createDatabase("synapse");
    synapse = await startSynapse({
        dataDir: path.join(workDir, "synapse"),
        port: SYNAPSE_PORT,
        serverName: E2E_SERVER_NAME,
        postgres: database,
    });
    webapp = await serveWebapp({
        webappDir: process.env.E2E_WEBAPP_DIR ?? defaultWebappDir,
        port: APP_PORT,
        config: e2eWebappConfig(synapse.baseUrl),
    });
});

test.afterAll(async () => {
    await webapp?.stop();
    await synapse?.stop();
    await postgres?.stop();
    if (workDir) await rm(workDir, { recursive: true, force: true });
});

/** Where the provisioning's small organisation file lives, and the room both people sit in. */
const ORG_FILE = path.join(repoRoot, "admin/provision/testing/small-org.yaml");
const ROOM_ALIAS = "small.eng.general"; // "Engineering general": internal, so not encrypted

/**
 * The people of this run, made by the provisioning tool (`npm run provision`) from the small
 * organisation file: Ada and Boris of Engineering, both joined to its general room.
 */
async function provisionCompany(homeserver: SynapseHandle): Promise<{ alice: TestUser; bob: TestUser }> {
    const admin = await homeserver.registerUser("pg-admin", `pw-${randomUUID()}`, { admin: true });
    const tokenFile = path.join(workDir, "admin-token");
    await writeFile(tokenFile, admin.accessToken);
    const template = "pg-{username}-password";
    const run = spawnSync(
        process.execPath,
        [
            "--import",
            "tsx",
            "admin/provision/main.ts",
            ORG_FILE,
            "--homeserver",
            homeserver.baseUrl,
            "--admin-token-file",
            tokenFile,
            "--password-template",
            template,
        ],
        { cwd: repoRoot, encoding: "utf8", timeout: 150_000 },
    );
    expect(run.status, `provisioning failed:\n${run.stderr}`).toBe(0);
    const person = async (localpart: string): Promise<TestUser> => {
        const password = template.replace("{username}", localpart);
        return { ...(await login(homeserver.baseUrl, localpart, password)), localpart, password };
    };
    return { alice: await person("ada"), bob: await person("boris") };
}

async function send(page: Page, text: string): Promise<void> {
    const composer = page.getByRole("textbox", { name: /^Send (a|an encrypted) message/ });
    await composer.fill(text);
    await composer.press("Enter");
}

test("on PostgreSQL: a message sent in the app reaches the other person and is stored in PostgreSQL", async ({
    page,
    newSessionPage,
}) => {
    const pg = postgres!;
    const homeserver = synapse!;
    // The database is what Synapse requires of PostgreSQL: UTF8 with C collation and ctype.
    expect(
        await pg.query(
            "SELECT pg_encoding_to_char(encoding), datcollate, datctype FROM pg_database WHERE datname = 'synapse'",
        ),
    ).toBe("UTF8\tC\tC");

    const { alice, bob } = await provisionCompany(homeserver);
    const alias = `#${ROOM_ALIAS}:${homeserver.serverName}`;
    const { room_id: roomId } = (await matrixRequest(
        homeserver.baseUrl,
        "GET",
        `/_matrix/client/v3/directory/room/${encodeURIComponent(alias)}`,
        { accessToken: alice.accessToken },
    )) as { room_id: string };

    await signIn(page, alice);
    await waitForApp(page);
    await page.goto(`/#/room/${roomId}`);
    const text = `Stored in PostgreSQL ${randomUUID().slice(0, 8)}`;
    await send(page, text);
    // Delivered: the server's event id ($…) replaces the local echo's (~…).
    await expect(page.locator('.mx_EventTile[data-scroll-tokens^="$"]', { hasText: text })).toBeVisible({
        timeout: 30_000,
    });

    const bobPage = await newSessionPage(bob);
    await bobPage.goto(`/#/room/${roomId}`);
    await expect(bobPage.locator(".mx_EventTile_body", { hasText: text })).toBeVisible({ timeout: 30_000 });

    // Synapse really runs on PostgreSQL: the message and both people are rows there, and it made no SQLite file.
    const senders = await pg.query(
        "SELECT e.sender FROM events e JOIN event_json j USING (event_id) " +
            `WHERE e.type = 'm.room.message' AND j.json::jsonb #>> '{content,body}' = '${text}'`,
        "synapse",
    );
    expect(senders).toBe(alice.userId);
    const users = (await pg.query("SELECT name FROM users ORDER BY name", "synapse")).split("\n");
    expect(users).toEqual(expect.arrayContaining([alice.userId, bob.userId]));
    // Every person of the organisation file (six) was made there by the provisioning, besides its admin.
    expect(users.filter((name) => name !== `@pg-admin:${homeserver.serverName}`)).toHaveLength(6);
    expect(existsSync(path.join(homeserver.dataDir, "homeserver.db"))).toBe(false);
});
