// Atrium as Element Desktop's webapp, on either contract the desktop may speak (docs/desktop.md):
// config, settings, version, pickle keys, badge, notifications, SSO and the media-auth answers.
import { IConfigOptions } from "matrix-react-sdk/src/IConfigOptions";
import { MatrixClient, MatrixEvent, Room } from "matrix-js-sdk/src/matrix";
import { SSOAction } from "matrix-js-sdk/src/@types/auth";
import { logger } from "matrix-js-sdk/src/logger";

import { WebPlatform } from "./WebPlatform";
import { ElectronApi, ElectronBridge } from "./ElectronBridge";
import { desktopDeviceName } from "./deviceName";
import { DesktopContract, DesktopContractName, desktopContract } from "./desktopContracts";
import { answerDesktopMediaRequests } from "./desktopMediaAuth";
import { renderBadgeImage } from "./desktopBadge";

/** The query parameter (or OIDC state suffix) by which the desktop finds the profile of a callback. */
const SSO_ID_PARAM = "element-desktop-ssoid";

/** `url` with its scheme replaced; URL's own setter refuses to turn http(s) into a custom scheme. */
function withScheme(url: URL, protocol: string): URL {
    return new URL(`${protocol}:${url.href.slice(url.protocol.length)}`);
}

export class ElectronPlatform extends WebPlatform {
    private readonly bridge: ElectronBridge;
    private readonly contract: DesktopContract;
    private badgeUpdate = 0;

    public constructor(electron: ElectronApi) {
        super();
        this.bridge = new ElectronBridge(electron);
        this.contract = desktopContract(electron, this.bridge);
        answerDesktopMediaRequests(this.bridge);
    }

    /** Which of Element Desktop's contracts this desktop speaks. */
    public get desktopContract(): DesktopContractName {
        return this.contract.name;
    }

    public getHumanReadableName(): string {
        return "Electron Platform";
    }

    /** The desktop's own config is the base that later layers apply on top of. */
    public getConfig(): Promise<IConfigOptions | undefined> {
        return this.contract.getConfig();
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
        // Only the latest count goes out, whatever order the images are ready in.
        const update = ++this.badgeUpdate;
        if (!this.contract.wantsBadgeImage() || count === 0) {
            this.bridge.send("setBadgeCount", count);
            return;
        }
        void renderBadgeImage(count)
            .catch(() => undefined)
            .then((image) => {
                if (update !== this.badgeUpdate) return;
                if (image) this.bridge.send("setBadgeCount", count, image, false);
                else this.bridge.send("setBadgeCount", count);
            });
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

    /** A click on a notification opens its room, and the desktop brings its window forward. */
    public displayNotification(
        title: string,
        msg: string,
        avatarUrl: string | null,
        room: Room,
        ev?: MatrixEvent,
    ): Notification {
        const notification = super.displayNotification(title, msg, avatarUrl, room, ev);
        const openRoom = notification.onclick;
        notification.onclick = (event: Event): void => {
            openRoom?.call(notification, event);
            this.bridge.call("focusWindow").catch(() => undefined);
        };
        return notification;
    }

    /** The desktop flashes the window frame for a notification that should be heard. */
    public loudNotification(): void {
        this.bridge.send("loudNotification");
    }

    public supportsSetting(settingName?: string): boolean {
        return settingName === undefined || this.contract.supportsSetting(settingName);
    }

    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the signature of the SDK's BasePlatform
    public getSettingValue(settingName: string): Promise<any> {
        return this.contract.getSettingValue(settingName);
    }

    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the signature of the SDK's BasePlatform
    public setSettingValue(settingName: string, value: any): Promise<void> {
        return this.contract.setSettingValue(settingName, value);
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

    /**
     * The desktop registers a URL scheme of its own; the operating system hands it the callback, and
     * it opens vector://vector/webapp/ with the callback's query and fragment, in the profile the
     * SSO id belongs to.
     */
    public getSSOCallbackUrl(fragmentAfterLogin = ""): URL {
        const { protocol, ssoId } = this.contract.ssoTarget();
        const url = withScheme(super.getSSOCallbackUrl(fragmentAfterLogin), protocol);
        url.searchParams.set(SSO_ID_PARAM, ssoId);
        return url;
    }

    /** OIDC carries the SSO id in its `state`, which the desktop reads back from the callback. */
    public getOidcClientState(): string {
        return `:${SSO_ID_PARAM}:${this.contract.ssoTarget().ssoId}`;
    }

    /** A private-use scheme redirect has one slash after the colon (RFC 8252, section 7.1). */
    public getOidcCallbackUrl(): URL {
        const url = withScheme(super.getOidcCallbackUrl(), this.contract.ssoTarget().protocol);
        return new URL(url.href.replace(/^([^:]+):\/\//, "$1:/"));
    }

    public startSingleSignOn(
        mxClient: MatrixClient,
        loginType: "sso" | "cas",
        fragmentAfterLogin?: string,
        idpId?: string,
        action?: SSOAction,
    ): void {
        // The browser leaves only once the desktop has recorded the id (it always answers, even if late).
        void this.contract
            .prepareSso()
            .catch((error) => logger.warn("Element Desktop did not record the SSO flow", error))
            .then(() => super.startSingleSignOn(mxClient, loginType, fragmentAfterLogin, idpId, action));
    }

    public reload(): void {
        window.location.reload();
    }
}
