// Atrium in an ordinary browser tab.
import BasePlatform, { UpdateCheckStatus } from "matrix-react-sdk/src/BasePlatform";
import { IConfigOptions } from "matrix-react-sdk/src/IConfigOptions";
import dis from "matrix-react-sdk/src/dispatcher/dispatcher";
import { Action } from "matrix-react-sdk/src/dispatcher/actions";

import { fetchBundledConfig } from "../config/bundledConfig";
import { webDeviceName } from "./deviceName";

export class WebPlatform extends BasePlatform {
    public constructor() {
        super();
    }

    public getHumanReadableName(): string {
        return "Web Platform";
    }

    public getConfig(): Promise<IConfigOptions | undefined> {
        return fetchBundledConfig();
    }

    public getDefaultDeviceDisplayName(): string {
        return webDeviceName(navigator.userAgent);
    }

    public supportsNotifications(): boolean {
        return typeof window.Notification === "function";
    }

    public maySendNotifications(): boolean {
        return this.supportsNotifications() && window.Notification.permission === "granted";
    }

    public async requestNotificationPermission(): Promise<string> {
        return window.Notification.requestPermission();
    }

    public setNotificationCount(count: number): void {
        super.setNotificationCount(count);
        // The tab title carries the unread count, as people expect from a messenger.
        const base = document.title.replace(/^\[\d+\] /, "");
        document.title = count > 0 ? `[${count}] ${base}` : base;
    }

    public async getAppVersion(): Promise<string> {
        return process.env.VERSION ?? "unknown";
    }

    public async canSelfUpdate(): Promise<boolean> {
        return false;
    }

    public startUpdateCheck(): void {
        super.startUpdateCheck();
        // Web deployments update when the server does; there is nothing to download here.
        dis.dispatch({ action: Action.CheckUpdates, status: UpdateCheckStatus.NotAvailable });
    }

    public reload(): void {
        window.location.reload();
    }
}
