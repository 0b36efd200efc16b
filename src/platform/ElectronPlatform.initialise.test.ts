import BasePlatform from "matrix-react-sdk/src/BasePlatform";
import type { MatrixClient } from "matrix-js-sdk/src/matrix";

import { FakeInitialisingElectron, fakeInitialisingElectron } from "../../test/helpers/fakeElectron";
import { ElectronPlatform } from "./ElectronPlatform";

const INITIALISATION = {
    protocol: "com.acme.atrium",
    sessionId: "6f1c2b4e-session",
    config: { brand: "Acme Desktop", default_server_config: { "m.homeserver": { base_url: "https://hs" } } },
    supportedSettings: { "Electron.autoLaunch": true, "Electron.showTrayIcon": false },
    supportsBadgeOverlay: false,
};

describe("ElectronPlatform on Element Desktop 1.11.102 and later (initialise)", () => {
    let electron: FakeInitialisingElectron;
    let platform: ElectronPlatform;
    const ipcCalls = (): string[] =>
        electron.sent.filter(([channel]) => channel === "ipcCall").map(([, call]) => call.name);

    beforeEach(() => {
        electron = fakeInitialisingElectron(
            INITIALISATION,
            { getAppVersion: () => "1.12.7", getPickleKey: (u: string, d: string) => `pickle:${u}:${d}` },
            { "Electron.autoLaunch": "enabled" },
        );
        platform = new ElectronPlatform(electron);
    });
    afterEach(() => jest.restoreAllMocks());

    it("speaks the initialise contract when the preload has initialise()", () => {
        expect(platform.desktopContract).toBe("initialise");
    });

    it("gets its config from initialise(), asking the desktop once, never over ipcCall", async () => {
        await expect(platform.getConfig()).resolves.toEqual(INITIALISATION.config);
        await platform.getConfig();
        expect(electron.invoked).toEqual([["getProtocol"], ["getConfig"], ["getSupportedSettings"]]);
        expect(ipcCalls()).toEqual([]);
    });

    it("fails the config step with a clear message when initialise() answers nonsense", async () => {
        const broken = new ElectronPlatform(fakeInitialisingElectron({ config: {}, sessionId: "x", protocol: "a b" }));
        await expect(broken.getConfig()).rejects.toThrow(/initialise\(\) answered without a valid URL scheme/);
    });

    it("supports exactly the settings the desktop says it supports, read and written by invoke", async () => {
        await platform.getConfig();
        expect(platform.supportsSetting()).toBe(true);
        expect(platform.supportsSetting("Electron.autoLaunch")).toBe(true);
        expect(platform.supportsSetting("Electron.showTrayIcon")).toBe(false);
        expect(platform.supportsSetting("Electron.warnBeforeExit")).toBe(false);
        await expect(platform.getSettingValue("Electron.autoLaunch")).resolves.toBe("enabled");
        await platform.setSettingValue("Electron.autoLaunch", "disabled");
        expect(electron.settings["Electron.autoLaunch"]).toBe("disabled");
        await expect(platform.getSettingValue("Electron.nope")).rejects.toThrow("Unknown setting");
        expect(ipcCalls()).toEqual([]);
    });

    it("keeps version and pickle keys on ipcCall, as the desktop still answers them there", async () => {
        await expect(platform.getAppVersion()).resolves.toBe("1.12.7");
        await expect(platform.getPickleKey("@a:b", "D")).resolves.toBe("pickle:@a:b:D");
        expect(ipcCalls()).toEqual(["getAppVersion", "getPickleKey"]);
    });

    it("starts SSO without startSSOFlow, the callback on the desktop's scheme with its session id", async () => {
        await platform.getConfig();
        jest.spyOn(BasePlatform.prototype, "getSSOCallbackUrl").mockImplementation(
            (fragment = "") => new URL(`vector://vector/webapp/#${fragment}`),
        );
        const superStart = jest.spyOn(BasePlatform.prototype, "startSingleSignOn").mockImplementation(() => {});
        platform.startSingleSignOn({} as MatrixClient, "sso", "/home");
        await new Promise((resolve) => setTimeout(resolve, 0));
        expect(superStart).toHaveBeenCalled();
        expect(ipcCalls()).not.toContain("startSSOFlow");

        const url = platform.getSSOCallbackUrl("/home");
        expect(url.href).toBe("com.acme.atrium://vector/webapp/?element-desktop-ssoid=6f1c2b4e-session#/home");
        expect(platform.getOidcClientState()).toBe(":element-desktop-ssoid:6f1c2b4e-session");
        jest.spyOn(BasePlatform.prototype, "getOidcCallbackUrl").mockReturnValue(new URL("vector://vector/webapp/"));
        expect(platform.getOidcCallbackUrl().href).toBe("com.acme.atrium:/vector/webapp/");
    });

    it("sets the badge count", () => {
        platform.setNotificationCount(2);
        platform.setNotificationCount(2);
        expect(electron.sent.filter(([channel]) => channel === "setBadgeCount")).toEqual([["setBadgeCount", 2]]);
    });

    it("gives Windows' overlay an image with the count, and clears it with a bare zero", async () => {
        const windows = fakeInitialisingElectron({ ...INITIALISATION, supportsBadgeOverlay: true });
        const onWindows = new ElectronPlatform(windows);
        await onWindows.getConfig();
        const png = new ArrayBuffer(8);
        const badge = jest.requireActual("./desktopBadge") as typeof import("./desktopBadge");
        jest.spyOn(badge, "renderBadgeImage").mockResolvedValue(png);
        onWindows.setNotificationCount(5);
        onWindows.setNotificationCount(0);
        await new Promise((resolve) => setTimeout(resolve, 0));
        // The 5's image came after the 0: it is dropped, the badge stays cleared.
        expect(windows.sent.filter(([channel]) => channel === "setBadgeCount")).toEqual([["setBadgeCount", 0]]);
        onWindows.setNotificationCount(7);
        await new Promise((resolve) => setTimeout(resolve, 0));
        expect(windows.sent.filter(([channel]) => channel === "setBadgeCount").at(-1)).toEqual([
            "setBadgeCount",
            7,
            png,
            false,
        ]);
    });
});
