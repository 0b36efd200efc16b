import SdkConfig from "matrix-react-sdk/src/SdkConfig";
import type { IConfigOptions } from "matrix-react-sdk/src/IConfigOptions";
import BasePlatform from "matrix-react-sdk/src/BasePlatform";
import type { MatrixClient } from "matrix-js-sdk/src/matrix";

import { FakeElectron, fakeElectron } from "../../test/helpers/fakeElectron";
import { ElectronPlatform } from "./ElectronPlatform";

describe("ElectronPlatform over Element Desktop's bridge", () => {
    let electron: FakeElectron;
    let platform: ElectronPlatform;
    const calls = (): { name: string; args: unknown[] }[] =>
        electron.sent.filter(([channel]) => channel === "ipcCall").map(([, call]) => call);

    beforeEach(() => SdkConfig.put({ brand: "Atrium" } as IConfigOptions));
    afterEach(() => SdkConfig.reset());

    beforeEach(() => {
        electron = fakeElectron({
            getConfig: () => ({
                brand: "Acme Desktop",
                default_server_config: { "m.homeserver": { base_url: "https://hs" } },
            }),
            getAppVersion: () => "1.11.85",
            getPickleKey: (userId: string, deviceId: string) => `pickle:${userId}:${deviceId}`,
            createPickleKey: (userId: string, deviceId: string) => `new:${userId}:${deviceId}`,
            destroyPickleKey: () => undefined,
            getSettingValue: (name: string) => (name === "Electron.autoLaunch" ? true : undefined),
            setSettingValue: () => undefined,
            startSSOFlow: () => undefined,
        });
        platform = new ElectronPlatform(electron);
    });
    afterEach(() => jest.restoreAllMocks());

    it("gets its config from the desktop", async () => {
        await expect(platform.getConfig()).resolves.toEqual({
            brand: "Acme Desktop",
            default_server_config: { "m.homeserver": { base_url: "https://hs" } },
        });
        expect(calls()).toEqual([expect.objectContaining({ name: "getConfig", args: [] })]);
    });

    it("fails the config step when the desktop answers with an error", async () => {
        electron.handlers.getConfig = () => {
            throw new Error("Could not parse config.json");
        };
        await expect(platform.getConfig()).rejects.toThrow("Could not parse config.json");
    });

    it("reports the desktop's version", async () => {
        await expect(platform.getAppVersion()).resolves.toBe("1.11.85");
    });

    it("gets and creates pickle keys for a user's device", async () => {
        await expect(platform.getPickleKey("@alice:example.org", "DEV")).resolves.toBe("pickle:@alice:example.org:DEV");
        await expect(platform.createPickleKey("@alice:example.org", "DEV")).resolves.toBe("new:@alice:example.org:DEV");
        expect(calls().map((c) => [c.name, c.args])).toEqual([
            ["getPickleKey", ["@alice:example.org", "DEV"]],
            ["createPickleKey", ["@alice:example.org", "DEV"]],
        ]);
    });

    it("gives no pickle key, rather than failing, when the desktop has no keychain", async () => {
        electron.handlers.getPickleKey = () => {
            throw new Error("keytar unavailable");
        };
        electron.handlers.createPickleKey = () => {
            throw new Error("keytar unavailable");
        };
        await expect(platform.getPickleKey("@a:b", "D")).resolves.toBeNull();
        await expect(platform.createPickleKey("@a:b", "D")).resolves.toBeNull();
    });

    it("destroys a pickle key and ignores the desktop's failure to", async () => {
        await expect(platform.destroyPickleKey("@a:b", "D")).resolves.toBeUndefined();
        electron.handlers.destroyPickleKey = () => {
            throw new Error("gone");
        };
        await expect(platform.destroyPickleKey("@a:b", "D")).resolves.toBeUndefined();
        expect(calls().filter((c) => c.name === "destroyPickleKey")).toHaveLength(2);
    });

    it("sets the dock/taskbar badge when the notification count changes, and only then", () => {
        platform.setNotificationCount(3);
        platform.setNotificationCount(3);
        platform.setNotificationCount(0);
        expect(electron.sent.filter(([channel]) => channel === "setBadgeCount")).toEqual([
            ["setBadgeCount", 3],
            ["setBadgeCount", 0],
        ]);
    });

    it("reads and writes the desktop's own settings over the bridge", async () => {
        expect(platform.supportsSetting()).toBe(true);
        expect(platform.supportsSetting("Electron.autoLaunch")).toBe(true);
        expect(platform.supportsSetting("Electron.unknown")).toBe(false);
        await expect(platform.getSettingValue("Electron.autoLaunch")).resolves.toBe(true);
        await platform.setSettingValue("Electron.showTrayIcon", false);
        expect(calls().at(-1)).toMatchObject({ name: "setSettingValue", args: ["Electron.showTrayIcon", false] });
    });

    it("sends the SSO callback to the desktop's element:// scheme with its SSO id, named after the brand", () => {
        SdkConfig.put({ brand: "Acme Chat" } as IConfigOptions);
        jest.spyOn(BasePlatform.prototype, "getSSOCallbackUrl").mockImplementation(
            (fragment = "") => new URL(`vector://vector/webapp/#${fragment}`),
        );
        const url = platform.getSSOCallbackUrl("/login");
        expect(url.protocol).toBe("element:");
        expect(url.searchParams.get("element-desktop-ssoid")).toBe("acme-chat");
        expect(url.hash).toBe("#/login");
    });

    it("tells the desktop an SSO flow starts before handing over to the SDK", () => {
        const superStart = jest.spyOn(BasePlatform.prototype, "startSingleSignOn").mockImplementation(() => {});
        const client = {} as MatrixClient;
        platform.startSingleSignOn(client, "sso", "/home", "oidc-google");
        expect(calls().at(-1)).toMatchObject({ name: "startSSOFlow", args: ["atrium"] });
        expect(superStart).toHaveBeenCalledWith(client, "sso", "/home", "oidc-google", undefined);
    });

    it("names itself and its device after the desktop", () => {
        expect(platform.getHumanReadableName()).toBe("Electron Platform");
        expect(platform.getDefaultDeviceDisplayName()).toMatch(/^Atrium Desktop: .+$/);
    });

    it("may always notify: the desktop shows notifications itself", async () => {
        expect(platform.supportsNotifications()).toBe(true);
        expect(platform.maySendNotifications()).toBe(true);
        await expect(platform.requestNotificationPermission()).resolves.toBe("granted");
    });
});
