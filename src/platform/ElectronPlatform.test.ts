import SdkConfig from "matrix-react-sdk/src/SdkConfig";
import type { IConfigOptions } from "matrix-react-sdk/src/IConfigOptions";
import BasePlatform from "matrix-react-sdk/src/BasePlatform";
import type { MatrixClient, Room } from "matrix-js-sdk/src/matrix";
import dispatcher from "matrix-react-sdk/src/dispatcher/dispatcher";

import { waitFor } from "@testing-library/react";

import { FakeElectron, fakeElectron } from "../../test/helpers/fakeElectron";
import { ElectronPlatform } from "./ElectronPlatform";

describe("ElectronPlatform on Element Desktop up to 1.11.101 (ipcCall)", () => {
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

    it("speaks the ipcCall contract when the preload has no initialise()", () => {
        expect(platform.desktopContract).toBe("ipcCall");
    });

    it("announces its SSO id with startSSOFlow, then sends the browser off with a callback on element://", async () => {
        jest.spyOn(BasePlatform.prototype, "getSSOCallbackUrl").mockImplementation(
            (fragment = "") => new URL(`vector://vector/webapp/#${fragment}`),
        );
        const superStart = jest.spyOn(BasePlatform.prototype, "startSingleSignOn").mockImplementation(() => {});
        const client = {} as MatrixClient;
        platform.startSingleSignOn(client, "sso", "/home", "oidc-google");
        const announced = calls().at(-1);
        expect(announced).toMatchObject({ name: "startSSOFlow", args: [expect.stringMatching(/^[0-9a-f]{32}$/)] });
        // The browser leaves only after the desktop's reply.
        expect(superStart).not.toHaveBeenCalled();
        await waitFor(() => expect(superStart).toHaveBeenCalledWith(client, "sso", "/home", "oidc-google", undefined));

        const url = platform.getSSOCallbackUrl("/login");
        expect(url.protocol).toBe("element:");
        expect(url.searchParams.get("element-desktop-ssoid")).toBe(announced!.args[0]);
        expect(url.hash).toBe("#/login");
        expect(platform.getOidcClientState()).toBe(`:element-desktop-ssoid:${announced!.args[0]}`);
    });

    it("turns an http(s) location into the desktop's scheme too (URL's setter would refuse)", () => {
        jest.spyOn(BasePlatform.prototype, "getSSOCallbackUrl").mockImplementation(
            (fragment = "") => new URL(`http://127.0.0.1:8080/#${fragment}`),
        );
        expect(platform.getSSOCallbackUrl("/home").href).toMatch(
            /^element:\/\/127\.0\.0\.1:8080\/\?element-desktop-ssoid=[0-9a-f]{32}#\/home$/,
        );
    });

    it("still signs in when the desktop refuses startSSOFlow", async () => {
        electron.handlers.startSSOFlow = () => {
            throw new Error("no profile store");
        };
        const superStart = jest.spyOn(BasePlatform.prototype, "startSingleSignOn").mockImplementation(() => {});
        platform.startSingleSignOn({} as MatrixClient, "cas");
        await waitFor(() => expect(superStart).toHaveBeenCalled());
    });

    it("brings the desktop's window forward when a notification is clicked, after opening its room", () => {
        const shown: { onclick: ((e: Event) => void) | null }[] = [];
        const NotificationStub = jest.fn(function (this: { onclick: unknown }) {
            this.onclick = null;
            shown.push(this as { onclick: null });
        });
        const realNotification = window.Notification;
        (window as { Notification: unknown }).Notification = NotificationStub;
        try {
            const dispatch = jest.spyOn(dispatcher, "dispatch").mockImplementation(() => {});
            platform.displayNotification("Bob", "hi", null, { roomId: "!r:hs" } as Room);
            shown[0].onclick!(new Event("click"));
            expect(dispatch).toHaveBeenCalledWith(expect.objectContaining({ action: "view_room", room_id: "!r:hs" }));
            expect(calls().at(-1)).toMatchObject({ name: "focusWindow" });
        } finally {
            (window as { Notification: unknown }).Notification = realNotification;
        }
    });

    it("flashes the window for a loud notification", () => {
        platform.loudNotification();
        expect(electron.sent).toContainEqual(["loudNotification"]);
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
