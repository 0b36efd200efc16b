// CVE-2025-48937 in Chromium against real Synapse: a malicious homeserver relabels Carol's encrypted
// message as Alice's. With crypto WASM 14.2.1 (Atrium's pin) the tile is flagged: the session that
// encrypted it is not one of Alice's devices. (Crypto WASM 9.x showed the forgery like any message.)
import type { Page, Route } from "@playwright/test";

import { createEncryptedRoom, expect, test, waitUntilDeviceKnown } from "./fixtures.ts";

interface SyncEvent {
    event_id: string;
    type: string;
    sender: string;
}

/** Plays the homeserver for `page`: Carol's first encrypted event in `roomId` is sent as `forgedSender`'s. */
async function forgeFirstMessage(page: Page, roomId: string, realSender: string, forgedSender: string): Promise<void> {
    let forgedId: string | undefined;
    await page.route("**/_matrix/client/v3/sync**", async (route: Route) => {
        const response = await route.fetch();
        const body = await response.json();
        const timeline: SyncEvent[] = body?.rooms?.join?.[roomId]?.timeline?.events ?? [];
        for (const event of timeline) {
            if (event.type !== "m.room.encrypted" || event.sender !== realSender) continue;
            forgedId ??= event.event_id;
            if (event.event_id === forgedId) event.sender = forgedSender;
        }
        await route.fulfill({ response, json: body });
    });
}

const shieldOf = (page: Page, text: string) =>
    page.locator(".mx_EventTile", { hasText: text }).locator(".mx_EventTile_e2eIcon");

test("a message relabelled by the homeserver as another user's is flagged (CVE-2025-48937)", async ({
    synapse,
    newSessionPage,
}) => {
    const alice = await synapse.registerUser("alice", { displayName: "Alice" });
    const bob = await synapse.registerUser("bob", { displayName: "Bob" });
    const carol = await synapse.registerUser("carol", { displayName: "Carol" });
    const roomId = await createEncryptedRoom(alice, [bob, carol], { name: "Treasury" });

    const bobPage = await newSessionPage(bob);
    const carolPage = await newSessionPage(carol);
    await forgeFirstMessage(bobPage, roomId, carol.userId, alice.userId);
    await bobPage.goto(`/#/room/${roomId}`);
    await carolPage.goto(`/#/room/${roomId}`);
    for (const page of [bobPage, carolPage]) {
        await expect(page.getByRole("textbox", { name: /Send (a|an encrypted) message/ })).toBeVisible({
            timeout: 30_000,
        });
    }
    await waitUntilDeviceKnown(carolPage, bob);

    const composer = carolPage.getByRole("textbox", { name: /Send (a|an encrypted) message/ });
    for (const text of ["Please wire the money today", "This one really is from Carol"]) {
        await composer.fill(text);
        await composer.press("Enter");
        await expect(bobPage.locator(".mx_EventTile_body", { hasText: text })).toBeVisible({ timeout: 30_000 });
    }

    // The forgery decrypts and shows under Alice's name, as the homeserver wanted...
    const forged = bobPage.locator(".mx_EventTile", { hasText: "Please wire the money today" });
    await expect(forged.locator(".mx_DisambiguatedProfile")).toContainText("Alice");
    // ...but its shield says the truth: no device of Alice's encrypted it.
    await expect(shieldOf(bobPage, "Please wire the money today")).toHaveClass(/mx_EventTile_e2eIcon_warning/);
    await shieldOf(bobPage, "Please wire the money today").focus();
    await expect(shieldOf(bobPage, "Please wire the money today")).toHaveAccessibleName(
        "Encrypted by an unknown or deleted device.",
    );

    // Carol's genuine message carries only the usual "unverified device" warning of a new account.
    await shieldOf(bobPage, "This one really is from Carol").focus();
    await expect(shieldOf(bobPage, "This one really is from Carol")).toHaveAccessibleName(
        "Encrypted by a device not verified by its owner.",
    );
    await bobPage.unrouteAll({ behavior: "ignoreErrors" });
});
