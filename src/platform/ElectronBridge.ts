// What Element Desktop's preload script exposes as `window.electron` (docs/desktop.md). Every
// version has `on`/`send` over a fixed list of channels; calls go out on "ipcCall" as {id, name, args}
// and come back on "ipcReply" as {id, reply} or {id, error}. From 1.11.102 the preload also has
// `initialise()` and the two settings calls, which are Electron `invoke`s to the main process.
// The messages are whatever Electron's IPC delivers: each listener narrows its own arguments.
/* eslint-disable @typescript-eslint/no-explicit-any -- IPC arguments are untyped; listeners narrow them */
export interface ElectronApi {
    on(channel: string, listener: (event: unknown, ...args: any[]) => void): void;
    send(channel: string, ...args: any[]): void;
    /** 1.11.102 and later: the desktop's protocol, session id, config and supported settings at once. */
    initialise?(): Promise<unknown>;
    getSettingValue?(settingName: string): Promise<any>;
    setSettingValue?(settingName: string, value: any): Promise<void>;
}
/* eslint-enable @typescript-eslint/no-explicit-any -- the rest of the file is typed */

interface PendingCall {
    resolve(value: unknown): void;
    reject(error: Error): void;
}

/** A desktop that never answers must not hang the start: calls give up after this long. */
const IPC_TIMEOUT_MS = 15_000;

export class ElectronBridge {
    private nextId = 0;
    private readonly pending = new Map<number, PendingCall>();

    public constructor(
        private readonly electron: ElectronApi,
        private readonly timeoutMs = IPC_TIMEOUT_MS,
    ) {
        electron.on("ipcReply", (_event, payload: { id?: number; reply?: unknown; error?: unknown }) => {
            this.onReply(payload);
        });
    }

    public call<T = unknown>(name: string, ...args: unknown[]): Promise<T> {
        const id = ++this.nextId;
        return new Promise<T>((resolve, reject) => {
            const timer = setTimeout(() => {
                this.pending.delete(id);
                reject(new Error(`Element Desktop did not answer ${name} within ${this.timeoutMs / 1000} s`));
            }, this.timeoutMs);
            const settle = (): void => {
                clearTimeout(timer);
                this.pending.delete(id);
            };
            this.pending.set(id, {
                resolve: (value) => {
                    settle();
                    resolve(value as T);
                },
                reject: (error) => {
                    settle();
                    reject(error);
                },
            });
            this.electron.send("ipcCall", { id, name, args });
        });
    }

    /** Fire-and-forget messages on their own channels (badge count, notifications). */
    public send(channel: string, ...args: unknown[]): void {
        this.electron.send(channel, ...args);
    }

    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- IPC arguments are untyped; listeners narrow them
    public on(channel: string, listener: (...args: any[]) => void): void {
        this.electron.on(channel, (_event, ...args) => listener(...args));
    }

    private onReply(payload: { id?: number; reply?: unknown; error?: unknown } | undefined): void {
        if (!payload || typeof payload.id !== "number") return;
        const call = this.pending.get(payload.id);
        if (!call) return;
        if (payload.error !== undefined) call.reject(new Error(String(payload.error)));
        else call.resolve(payload.reply);
    }
}

export function electronApi(): ElectronApi | undefined {
    const candidate = (window as unknown as { electron?: ElectronApi }).electron;
    return candidate && typeof candidate.on === "function" && typeof candidate.send === "function"
        ? candidate
        : undefined;
}
