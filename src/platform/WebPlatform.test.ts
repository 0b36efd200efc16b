import PlatformPeg from "matrix-react-sdk/src/PlatformPeg";

import { fakeElectron } from "../../test/helpers/fakeElectron";
import { jsonResponse } from "../../test/helpers/fakeResponse";
import { ElectronPlatform } from "./ElectronPlatform";
import { selectPlatform, usesMediaServiceWorker } from "./selectPlatform";
import { WebPlatform } from "./WebPlatform";

describe("WebPlatform", () => {
    const realFetch = globalThis.fetch;
    afterEach(() => {
        globalThis.fetch = realFetch;
        document.title = "";
    });

    it("loads the config.json deployed beside the app", async () => {
        const fetchMock = jest.fn(async () => jsonResponse(200, { brand: "Acme" }));
        globalThis.fetch = fetchMock as unknown as typeof fetch;
        await expect(new WebPlatform().getConfig()).resolves.toEqual({ brand: "Acme" });
        expect(fetchMock).toHaveBeenCalledWith("config.json", { cache: "no-cache" });
    });

    it("shows the unread count in the tab title, and removes it at zero", () => {
        const platform = new WebPlatform();
        document.title = "Atrium";
        platform.setNotificationCount(3);
        expect(document.title).toBe("[3] Atrium");
        platform.setNotificationCount(12);
        expect(document.title).toBe("[12] Atrium");
        platform.setNotificationCount(0);
        expect(document.title).toBe("Atrium");
    });

    it("names the device after the browser", () => {
        expect(new WebPlatform().getDefaultDeviceDisplayName()).toMatch(/^Atrium Web: .+ on .+$/);
    });
});

describe("selectPlatform", () => {
    afterEach(() => {
        delete (window as { electron?: unknown }).electron;
    });

    it("is the web platform in a browser tab, and the SDK's platform from then on", () => {
        const platform = selectPlatform();
        expect(platform).toBeInstanceOf(WebPlatform);
        expect(platform).not.toBeInstanceOf(ElectronPlatform);
        expect(PlatformPeg.get()).toBe(platform);
    });

    it("is the Electron platform inside Element Desktop", () => {
        (window as { electron?: unknown }).electron = fakeElectron();
        const platform = selectPlatform();
        expect(platform).toBeInstanceOf(ElectronPlatform);
        expect(PlatformPeg.get()).toBe(platform);
    });

    it("runs Atrium's media service worker in a browser tab only: Element Desktop adds the token itself", () => {
        expect(usesMediaServiceWorker(selectPlatform())).toBe(true);
        (window as { electron?: unknown }).electron = fakeElectron();
        expect(usesMediaServiceWorker(selectPlatform())).toBe(false);
    });
});
