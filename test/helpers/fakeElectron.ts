// Emulates Element Desktop's preload bridge, `window.electron`: `send` and `on` over IPC channels.
// Calls arrive on "ipcCall" as {id, name, args}; the main process answers on "ipcReply" with
// {id, reply} or {id, error}, asynchronously, as Electron does.
import type { ElectronApi } from "../../src/platform/ElectronBridge";

type Listener = (event: unknown, ...args: any[]) => void;
export type IpcHandler = (...args: any[]) => unknown;

export interface FakeElectron extends ElectronApi {
    /** Answers for ipcCall names; a handler that throws answers with {error: message}. */
    handlers: Record<string, IpcHandler>;
    /** Everything sent, channel first. */
    sent: [string, ...any[]][];
    /** Delivers a message on a channel as the main process would. */
    emit(channel: string, ...args: any[]): void;
}

export function fakeElectron(handlers: Record<string, IpcHandler> = {}): FakeElectron {
    const listeners = new Map<string, Listener[]>();
    const fake: FakeElectron = {
        handlers,
        sent: [],
        on(channel, listener) {
            listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
        },
        send(channel, ...args) {
            fake.sent.push([channel, ...args]);
            if (channel !== "ipcCall") return;
            const { id, name, args: callArgs } = args[0] as { id: number; name: string; args: unknown[] };
            const handler = fake.handlers[name];
            void Promise.resolve().then(async () => {
                if (!handler) return fake.emit("ipcReply", { id, error: `Unknown IPC call ${name}` });
                try {
                    fake.emit("ipcReply", { id, reply: await handler(...callArgs) });
                } catch (error) {
                    fake.emit("ipcReply", { id, error: (error as Error).message });
                }
            });
        },
        emit(channel, ...args) {
            const event = { sender: "main" };
            for (const listener of listeners.get(channel) ?? []) listener(event, ...args);
        },
    };
    return fake;
}

export interface FakeInitialisingElectron extends FakeElectron {
    initialise(): Promise<unknown>;
    getSettingValue(settingName: string): Promise<unknown>;
    setSettingValue(settingName: string, value: unknown): Promise<void>;
    /** Every invoke made through the preload's own functions, name first. */
    invoked: [string, ...unknown[]][];
    /** The desktop's settings store behind getSettingValue/setSettingValue. */
    settings: Record<string, unknown>;
}

/**
 * Emulates the preload of Element Desktop 1.11.102 and later: the same `send`/`on`, plus
 * `initialise()` (the answers of the getProtocol, getConfig and getSupportedSettings invokes) and
 * the settings invokes, which reject for a setting the desktop does not know.
 */
export function fakeInitialisingElectron(
    initialisation: unknown,
    handlers: Record<string, IpcHandler> = {},
    settings: Record<string, unknown> = {},
): FakeInitialisingElectron {
    const base = fakeElectron(handlers);
    const fake: FakeInitialisingElectron = Object.assign(base, {
        invoked: [] as [string, ...unknown[]][],
        settings,
        async initialise() {
            fake.invoked.push(["getProtocol"], ["getConfig"], ["getSupportedSettings"]);
            return initialisation;
        },
        async getSettingValue(settingName: string) {
            fake.invoked.push(["getSettingValue", settingName]);
            if (!(settingName in fake.settings)) throw new Error(`Unknown setting: ${settingName}`);
            return fake.settings[settingName];
        },
        async setSettingValue(settingName: string, value: unknown) {
            fake.invoked.push(["setSettingValue", settingName, value]);
            if (!(settingName in fake.settings)) throw new Error(`Unknown setting: ${settingName}`);
            fake.settings[settingName] = value;
        },
    });
    return fake;
}
