// The two contracts Element Desktop has had with its webapp (docs/desktop.md), behind one interface.
// Up to 1.11.101 everything is an "ipcCall" and the page picks its own SSO id, which it announces
// with "startSSOFlow". From 1.11.102 `initialise()` hands over the config, the supported settings,
// the URL scheme and an SSO session id the desktop has already recorded; settings are invokes.
import type { IConfigOptions } from "matrix-react-sdk/src/IConfigOptions";

import type { ElectronApi, ElectronBridge } from "./ElectronBridge";

export type DesktopContractName = "ipcCall" | "initialise";

export interface DesktopContract {
    readonly name: DesktopContractName;
    getConfig(): Promise<IConfigOptions | undefined>;
    supportsSetting(settingName: string): boolean;
    getSettingValue(settingName: string): Promise<unknown>;
    setSettingValue(settingName: string, value: unknown): Promise<void>;
    /** The scheme the desktop registered for callbacks, and the id that leads a callback to this profile. */
    ssoTarget(): { protocol: string; ssoId: string };
    /** What the desktop must hear before the browser leaves for the identity provider. */
    prepareSso(): Promise<void>;
    /** Whether the desktop draws the badge from an image we give (Windows' taskbar overlay). */
    wantsBadgeImage(): boolean;
}

/** The settings Element Desktop 1.11.101 keeps (its src/settings.ts); it cannot be asked which. */
const LEGACY_SETTINGS = [
    "Electron.autoLaunch",
    "Electron.warnBeforeExit",
    "Electron.alwaysShowMenuBar",
    "Electron.showTrayIcon",
    "Electron.enableHardwareAcceleration",
];

/** The scheme every Element Desktop registers besides its own. */
const LEGACY_SSO_PROTOCOL = "element";

function randomSsoId(): string {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Element Desktop up to 1.11.101: `ipcCall` for everything. */
export class IpcCallContract implements DesktopContract {
    public readonly name = "ipcCall";
    // Random per start, as the desktop expects: it keeps only the latest id of each profile.
    private readonly ssoId = randomSsoId();

    public constructor(private readonly bridge: ElectronBridge) {}

    public getConfig(): Promise<IConfigOptions | undefined> {
        return this.bridge.call<IConfigOptions>("getConfig");
    }

    public supportsSetting(settingName: string): boolean {
        return LEGACY_SETTINGS.includes(settingName);
    }

    public getSettingValue(settingName: string): Promise<unknown> {
        return this.bridge.call("getSettingValue", settingName);
    }

    public async setSettingValue(settingName: string, value: unknown): Promise<void> {
        await this.bridge.call("setSettingValue", settingName, value);
    }

    public ssoTarget(): { protocol: string; ssoId: string } {
        return { protocol: LEGACY_SSO_PROTOCOL, ssoId: this.ssoId };
    }

    /** The desktop records which profile the id belongs to, for the callback that opens it again. */
    public async prepareSso(): Promise<void> {
        await this.bridge.call("startSSOFlow", this.ssoId);
    }

    public wantsBadgeImage(): boolean {
        return false;
    }
}

export interface DesktopInitialisation {
    protocol: string;
    sessionId: string;
    config: IConfigOptions;
    supportedSettings: Record<string, boolean>;
    supportsBadgeOverlay: boolean;
}

const SCHEME = /^[a-z][a-z0-9+.-]*$/i;

/** Checks what `initialise()` answered: a desktop that answers nonsense fails the config step clearly. */
export function parseInitialisation(value: unknown): DesktopInitialisation {
    const answer = (value ?? {}) as Partial<Record<keyof DesktopInitialisation, unknown>>;
    const problem = (what: string): Error =>
        new Error(`Element Desktop's initialise() answered without ${what}; is this a supported version?`);
    if (typeof answer.protocol !== "string" || !SCHEME.test(answer.protocol)) throw problem("a valid URL scheme");
    if (typeof answer.sessionId !== "string" || !answer.sessionId) throw problem("a session id");
    if (typeof answer.config !== "object" || answer.config === null || Array.isArray(answer.config)) {
        throw problem("a config object");
    }
    const supported =
        typeof answer.supportedSettings === "object" && answer.supportedSettings !== null
            ? (answer.supportedSettings as Record<string, unknown>)
            : {};
    return {
        protocol: answer.protocol,
        sessionId: answer.sessionId,
        config: answer.config as IConfigOptions,
        supportedSettings: Object.fromEntries(Object.entries(supported).map(([k, v]) => [k, v === true])),
        supportsBadgeOverlay: answer.supportsBadgeOverlay === true,
    };
}

type InitialisingApi = Required<Pick<ElectronApi, "initialise" | "getSettingValue" | "setSettingValue">>;

/** Element Desktop 1.11.102 and later: `initialise()` and invokes. */
export class InitialiseContract implements DesktopContract {
    public readonly name = "initialise";
    private initialising?: Promise<DesktopInitialisation>;
    private initialised?: DesktopInitialisation;

    public constructor(private readonly electron: InitialisingApi) {}

    /** Asked once: the desktop's main process resolves its own start-up (updates) on the first call. */
    private initialise(): Promise<DesktopInitialisation> {
        this.initialising ??= this.electron.initialise().then((value) => {
            this.initialised = parseInitialisation(value);
            return this.initialised;
        });
        return this.initialising;
    }

    public async getConfig(): Promise<IConfigOptions | undefined> {
        return (await this.initialise()).config;
    }

    public supportsSetting(settingName: string): boolean {
        return this.initialised?.supportedSettings[settingName] === true;
    }

    public getSettingValue(settingName: string): Promise<unknown> {
        return this.electron.getSettingValue(settingName);
    }

    public setSettingValue(settingName: string, value: unknown): Promise<void> {
        return this.electron.setSettingValue(settingName, value);
    }

    public ssoTarget(): { protocol: string; ssoId: string } {
        // The config step awaits initialise() before anything can start a sign-in.
        if (!this.initialised) throw new Error("Element Desktop has not answered initialise() yet");
        return { protocol: this.initialised.protocol, ssoId: this.initialised.sessionId };
    }

    /** Nothing to say: the desktop recorded its session id for this profile when it started. */
    public async prepareSso(): Promise<void> {}

    public wantsBadgeImage(): boolean {
        return this.initialised?.supportsBadgeOverlay === true;
    }
}

function hasInitialise(electron: ElectronApi): electron is ElectronApi & InitialisingApi {
    return (
        typeof electron.initialise === "function" &&
        typeof electron.getSettingValue === "function" &&
        typeof electron.setSettingValue === "function"
    );
}

/** The contract of the desktop we run in, told apart by what its preload exposes. */
export function desktopContract(electron: ElectronApi, bridge: ElectronBridge): DesktopContract {
    return hasInitialise(electron) ? new InitialiseContract(electron) : new IpcCallContract(bridge);
}
