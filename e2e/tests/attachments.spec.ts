// Files in an encrypted room: sent from one app, saved from another, byte for byte. The saving goes
// through the sandboxed usercontent/ page (src/usercontent), which must ship with the build.
import {
    createEncryptedRoom,
    createRoom,
    expect,
    expectImageLoaded,
    joinRoom,
    PIXEL_PNG,
    setAvatar,
    test,
    waitUntilDeviceKnown,
} from "./fixtures.ts";

test("an attachment sent in an encrypted room downloads intact on the other side", async ({
    synapse,
    newSessionPage,
}) => {
    const alice = await synapse.registerUser("files-alice");
    const bob = await synapse.registerUser("files-bob");
    const roomId = await createEncryptedRoom(alice, [bob], { name: "Contracts" });

    const alicePage = await newSessionPage(alice);
    const bobPage = await newSessionPage(bob);
    await alicePage.goto(`/#/room/${roomId}`);
    await bobPage.goto(`/#/room/${roomId}`);
    for (const page of [alicePage, bobPage]) {
        await expect(page.getByRole("textbox", { name: /Send (a|an encrypted) message/ })).toBeVisible({
            timeout: 30_000,
        });
    }
    await waitUntilDeviceKnown(alicePage, bob);

    const contents = `Signed contract, ${new Date().toISOString()}\n`;
    await alicePage
        .locator('input[type="file"]')
        .first()
        .setInputFiles({
            name: "contract.txt",
            mimeType: "text/plain",
            buffer: Buffer.from(contents),
        });
    await alicePage.getByRole("dialog").getByRole("button", { name: "Upload" }).click();

    const tile = bobPage.locator(".mx_EventTile", { hasText: "contract.txt" });
    await expect(tile).toBeVisible({ timeout: 30_000 });
    const downloading = bobPage.waitForEvent("download");
    // The file name in the tile is the button people click to save it.
    await tile.getByRole("button", { name: /contract\.txt/ }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("contract.txt");
    const saved = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of saved) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe(contents);
});

test("an image sent to a room shows on the other side (authenticated media through the service worker)", async ({
    synapse,
    newSessionPage,
}) => {
    const alice = await synapse.registerUser("img-alice");
    const bob = await synapse.registerUser("img-bob");
    const roomId = await createRoom(alice, { name: "Photos", preset: "public_chat" });
    await joinRoom(bob, roomId);

    const alicePage = await newSessionPage(alice);
    const bobPage = await newSessionPage(bob);
    await alicePage.goto(`/#/room/${roomId}`);
    await bobPage.goto(`/#/room/${roomId}`);
    await expect(alicePage.getByRole("textbox", { name: /Send (a|an encrypted) message/ })).toBeVisible({
        timeout: 30_000,
    });
    await alicePage
        .locator('input[type="file"]')
        .first()
        .setInputFiles({ name: "pixel.png", mimeType: "image/png", buffer: PIXEL_PNG });
    await alicePage.getByRole("dialog").getByRole("button", { name: "Upload" }).click();

    const image = bobPage.locator(".mx_EventTile .mx_MImageBody img").first();
    await expectImageLoaded(image);
    // An <img> cannot send a header: the service worker added the token to this URL.
    expect(await image.getAttribute("src")).toMatch(/\/_matrix\/client\/v1\/media\//);
});

test("an uploaded avatar shows in the user menu (authenticated thumbnail through the service worker)", async ({
    synapse,
    newSessionPage,
}) => {
    const carol = await synapse.registerUser("avatar-carol");
    await setAvatar(carol);

    const page = await newSessionPage(carol);
    await page.goto("/#/home");
    const avatar = page.locator(".mx_UserMenu img").first();
    await expectImageLoaded(avatar);
    expect(await avatar.getAttribute("src")).toMatch(/\/_matrix\/client\/v1\/media\/thumbnail\//);
});
