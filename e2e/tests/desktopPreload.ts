// Element Desktop's preload and the parts of its main process the webapp talks to, emulated in the
// page before any of its scripts run (Electron cannot be downloaded here). Written from the desktop's
// sources at the pinned tags (docs/desktop.md): src/preload.cts, src/ipc.ts, src/settings.ts,
// src/protocol.ts, src/media-auth.ts. Everything the page sends or invokes is recorded for the test;
// `window.__desktopMain.ask(channel)` is the media-auth layer's question to the page: it pings the
// page's listeners and resolves with the page's answer.
import type { Page } from "@playwright/test";

export type PinnedDesktop = "v1.11.101" | "v1.12.7";

export interface DesktopEmulation {
    tag: PinnedDesktop;
    /** What the desktop's main process has as `global.vectorConfig`. */
    config: Record<string, unknown>;
    /** The scheme `electron_protocol` of the desktop's package.json sets (1.12: getProtocol's answer). */
    protocol: string;
    /** The SSO session id the 1.12 main process makes at start (randomUUID) and records for the profile. */
    sessionId: string;
    appVersion: string;
}

export interface RecordedCall {
    kind: "send" | "invoke";
    channel: string;
    args: unknown[];
}

interface DesktopMain {
    ask(channel: string): Promise<unknown>;
}

declare global {
    interface Window {
        __desktopMain: DesktopMain;
        /** Playwright's binding: the test's copy of the record, which outlives the page's documents. */
        __desktopRecord?: (call: RecordedCall) => void;
    }
}

/** Runs in the page: the preload's `window.electron` and a main process behind it. */
function emulateDesktop(emulation: DesktopEmulation): void {
    const modern = emulation.tag === "v1.12.7";
    const channels = [
        "app_onAction",
        "before-quit",
        "check_updates",
        "install_update",
        "ipcCall",
        "ipcReply",
        "loudNotification",
        "preferences",
        "seshat",
        "seshatReply",
        "setBadgeCount",
        "update-downloaded",
        "userDownloadCompleted",
        "userDownloadAction",
        "openDesktopCapturerSourcePicker",
        "userAccessToken",
        "homeserverUrl",
        "serverSupportedVersions",
        ...(modern ? ["showToast"] : []),
    ];
    type Listener = (event: unknown, ...args: unknown[]) => void;
    const rendererListeners = new Map<string, Listener[]>();
    // ipcMain.once listeners of the media-auth layer, waiting for the page's answer on a channel.
    const mainOnce = new Map<string, ((value: unknown) => void)[]>();
    const record = (call: RecordedCall): void => window.__desktopRecord?.(call);

    // Pickle keys live in the OS keychain; here in sessionStorage, so a reload finds them again.
    const secrets = (): Record<string, string> => JSON.parse(sessionStorage.getItem("__desktop_secrets") ?? "{}");
    const saveSecrets = (s: Record<string, string>): void =>
        sessionStorage.setItem("__desktop_secrets", JSON.stringify(s));
    const settings: Record<string, unknown> = {
        "Electron.autoLaunch": modern ? "enabled" : true,
        "Electron.warnBeforeExit": true,
        "Electron.alwaysShowMenuBar": true,
        "Electron.showTrayIcon": true,
        "Electron.enableHardwareAcceleration": true,
        ...(modern ? { "Electron.enableContentProtection": false } : {}),
    };
    const event = { sender: "main" };
    const toRenderer = (channel: string, ...args: unknown[]): void => {
        // webContents.send arrives in a later task, as over real IPC.
        setTimeout(() => (rendererListeners.get(channel) ?? []).forEach((l) => l(event, ...args)), 0);
    };
    const randomKey = (): string => btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));

    // The "ipcCall" switch of src/ipc.ts: what each tag answers, undefined for the window chores.
    const ipcCall = async (name: string, args: unknown[]): Promise<{ reply?: unknown; error?: string }> => {
        const key = `${args[0]}|${args[1]}`;
        switch (name) {
            case "getAppVersion":
                return { reply: emulation.appVersion };
            case "getPickleKey":
                return { reply: secrets()[key] ?? null };
            case "createPickleKey": {
                const s = secrets();
                s[key] = randomKey();
                saveSecrets(s);
                return { reply: s[key] };
            }
            case "destroyPickleKey": {
                const s = secrets();
                delete s[key];
                saveSecrets(s);
                return { reply: undefined };
            }
            case "getUpdateFeedUrl":
            case "setLanguage":
            case "focusWindow":
            case "navigateBack":
            case "navigateForward":
            case "setSpellCheckEnabled":
            case "getSpellCheckEnabled":
            case "setSpellCheckLanguages":
            case "getSpellCheckLanguages":
            case "getAvailableSpellCheckLanguages":
            case "breadcrumbs":
                return { reply: undefined };
        }
        if (!modern) {
            switch (name) {
                case "getConfig":
                    return { reply: emulation.config };
                case "getSettingValue":
                    return { reply: settings[args[0] as string] };
                case "setSettingValue":
                    settings[args[0] as string] = args[1];
                    return { reply: undefined };
                case "startSSOFlow":
                    // recordSSOSession(id): the profile's latest id, for the callback to find it.
                    sessionStorage.setItem("__desktop_sso_session", String(args[0]));
                    return { reply: undefined };
            }
        }
        return { error: `Unknown IPC Call: ${name}` };
    };

    const bridge: Record<string, unknown> = {
        on(channel: string, listener: Listener): void {
            if (!channels.includes(channel)) return console.error(`Unknown IPC channel ${channel} ignored`);
            rendererListeners.set(channel, [...(rendererListeners.get(channel) ?? []), listener]);
        },
        send(channel: string, ...args: unknown[]): void {
            if (!channels.includes(channel)) return console.error(`Unknown IPC channel ${channel} ignored`);
            record({ kind: "send", channel, args });
            const waiting = mainOnce.get(channel) ?? [];
            mainOnce.delete(channel);
            waiting.forEach((resolve) => resolve(args[0]));
            if (channel !== "ipcCall") return;
            const payload = args[0] as { id: number; name: string; args?: unknown[] };
            void ipcCall(payload.name, payload.args ?? []).then((answer) =>
                toRenderer("ipcReply", { id: payload.id, ...answer }),
            );
        },
    };
    if (modern) {
        const invoke = async (channel: string, ...args: unknown[]): Promise<unknown> => {
            record({ kind: "invoke", channel, args });
            switch (channel) {
                case "getProtocol":
                    return { protocol: emulation.protocol, sessionId: emulation.sessionId };
                case "getConfig":
                    return emulation.config;
                case "getSupportedSettings":
                    // Linux: the settings of src/settings.ts, content protection being Windows-only.
                    return Object.fromEntries(
                        Object.keys(settings).map((k) => [k, k !== "Electron.enableContentProtection"]),
                    );
                case "getSettingValue":
                case "setSettingValue": {
                    const name = args[0] as string;
                    if (!(name in settings)) throw new Error(`Unknown setting: ${name}`);
                    if (channel === "getSettingValue") return settings[name];
                    settings[name] = args[1];
                    return undefined;
                }
            }
            throw new Error(`No handler registered for '${channel}'`);
        };
        Object.assign(bridge, {
            async initialise() {
                const [{ protocol, sessionId }, config, supportedSettings] = (await Promise.all([
                    invoke("getProtocol"),
                    invoke("getConfig"),
                    invoke("getSupportedSettings"),
                ])) as [{ protocol: string; sessionId: string }, unknown, unknown];
                return { protocol, sessionId, config, supportedSettings, supportsBadgeOverlay: false };
            },
            setSettingValue: (name: string, value: unknown) => invoke("setSettingValue", name, value),
            getSettingValue: (name: string) => invoke("getSettingValue", name),
        });
    }
    // contextBridge hands the page a frozen copy it cannot replace.
    Object.defineProperty(window, "electron", { value: Object.freeze(bridge), writable: false });
    window.__desktopMain = {
        ask(channel: string): Promise<unknown> {
            return new Promise((resolve) => {
                mainOnce.set(channel, [...(mainOnce.get(channel) ?? []), resolve]);
                toRenderer(channel);
            });
        },
    };
}

/**
 * Installs the emulation in every document the page loads from now on. Returns the record of what
 * every document sent or invoked, kept by the test (a navigation, to SSO for one, ends a document).
 */
export async function emulateDesktopPreload(page: Page, emulation: DesktopEmulation): Promise<RecordedCall[]> {
    const calls: RecordedCall[] = [];
    await page.exposeBinding("__desktopRecord", (_source, call: RecordedCall) => void calls.push(call));
    await page.addInitScript(emulateDesktop, emulation);
    return calls;
}

/** The ipcCall requests in a record, as {name, args}. */
export function ipcCalls(calls: RecordedCall[]): { name: string; args: unknown[] }[] {
    return calls
        .filter((c) => c.kind === "send" && c.channel === "ipcCall")
        .map((c) => c.args[0] as { name: string; args: unknown[] });
}

/** The media-auth layer's question (src/media-auth.ts): ping the page, wait for its answer. */
export async function askPage(page: Page, channel: "homeserverUrl" | "userAccessToken" | "serverSupportedVersions") {
    return page.evaluate((c) => window.__desktopMain.ask(c), channel);
}
