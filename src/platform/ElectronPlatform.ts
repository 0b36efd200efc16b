// Atrium as Element Desktop's webapp: config, version, pickle keys and badges come over the bridge.
import { IConfigOptions } from "matrix-react-sdk/src/IConfigOptions";
import { MatrixClient } from "matrix-js-sdk/src/matrix";
import { SSOAction } from "matrix-js-sdk/src/@types/auth";

import { WebPlatform } from "./WebPlatform";
import { ElectronApi, ElectronBridge } from "./ElectronBridge";
import { desktopDeviceName, desktopSsoId } from "./deviceName";

export class ElectronPlatform extends WebPlatform {
    private readonly bridge: ElectronBridge;

    public constructor(electron: ElectronApi) {
        super();
        this.bridge = new ElectronBridge(electron);
    }

    public getHumanReadableName(): string {
        return "Electron Platform";
    }

    /** The desktop's own config is the base that later layers apply on top of. */
    public async getConfig(): Promise<IConfigOptions | undefined> {
        return this.bridge.call<IConfigOptions>("getConfig");
    }

    public getDefaultDeviceDisplayName(): string {
        return desktopDeviceName(navigator.userAgent);
    }

    public async getAppVersion(): Promise<string> {
        return this.bridge.call<string>("getAppVersion");
    }

    public setNotificationCount(count: number): void {
        if (this.notificationCount === count) return;
        this.notificationCount = count;
        this.bridge.send("setBadgeCount", count);
    }

    public supportsNotifications(): boolean {
        return true;
    }

    public maySendNotifications(): boolean {
        return true;
    }

    public async requestNotificationPermission(): Promise<string> {
        return "granted";
    }

    public supportsSetting(settingName?: string): boolean {
        return (
            settingName === undefined ||
            [
                "Electron.autoLaunch",
                "Electron.alwaysShowMenuBar",
                "Electron.showTrayIcon",
                "Electron.enableHardwareAcceleration",
            ].includes(settingName)
        );
    }

    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the signature of the SDK's BasePlatform
    public getSettingValue(settingName: string): Promise<any> {
        return this.bridge.call("getSettingValue", settingName);
    }

    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the signature of the SDK's BasePlatform
    public setSettingValue(settingName: string, value: any): Promise<void> {
        return this.bridge.call("setSettingValue", settingName, value);
    }

    public async getPickleKey(userId: string, deviceId: string): Promise<string | null> {
        try {
            return await this.bridge.call<string | null>("getPickleKey", userId, deviceId);
        } catch {
            return null; // the desktop has no keychain: fall back to an unpickled store, as Element does
        }
    }

    public async createPickleKey(userId: string, deviceId: string): Promise<string | null> {
        try {
            return await this.bridge.call<string | null>("createPickleKey", userId, deviceId);
        } catch {
            return null;
        }
    }

    public async destroyPickleKey(userId: string, deviceId: string): Promise<void> {
        await this.bridge.call("destroyPickleKey", userId, deviceId).catch(() => undefined);
    }

    /** The desktop registers its own URL scheme and catches the SSO redirect there. */
    public getSSOCallbackUrl(fragmentAfterLogin = ""): URL {
        const url = super.getSSOCallbackUrl(fragmentAfterLogin);
        url.protocol = "element";
        url.searchParams.set("element-desktop-ssoid", desktopSsoId());
        return url;
    }

    public startSingleSignOn(
        mxClient: MatrixClient,
        loginType: "sso" | "cas",
        fragmentAfterLogin?: string,
        idpId?: string,
        action?: SSOAction,
    ): void {
        this.bridge.call("startSSOFlow", desktopSsoId()).catch(() => undefined);
        super.startSingleSignOn(mxClient, loginType, fragmentAfterLogin, idpId, action);
    }

    public reload(): void {
        window.location.reload();
    }
}
