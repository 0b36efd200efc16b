import { fakeElectron, fakeInitialisingElectron } from "../../test/helpers/fakeElectron";
import { ElectronBridge } from "./ElectronBridge";
import { desktopContract, parseInitialisation } from "./desktopContracts";

describe("telling Element Desktop's contracts apart", () => {
    it("is the ipcCall contract for a preload with only send and on (1.11.101 and before)", () => {
        const electron = fakeElectron();
        expect(desktopContract(electron, new ElectronBridge(electron)).name).toBe("ipcCall");
    });

    it("is the initialise contract for a preload with initialise() and the settings invokes (1.11.102+)", () => {
        const electron = fakeInitialisingElectron({});
        expect(desktopContract(electron, new ElectronBridge(electron)).name).toBe("initialise");
    });

    it("is the ipcCall contract when initialise() comes without the settings invokes", () => {
        const electron = Object.assign(fakeElectron(), { initialise: async () => ({}) });
        expect(desktopContract(electron, new ElectronBridge(electron)).name).toBe("ipcCall");
    });
});

describe("parseInitialisation", () => {
    const valid = { protocol: "io.element.desktop", sessionId: "s1", config: { brand: "A" }, supportedSettings: {} };

    it("keeps what the desktop answered, settings as strict booleans", () => {
        expect(
            parseInitialisation({
                ...valid,
                supportedSettings: { a: true, b: false, c: "yes" },
                supportsBadgeOverlay: true,
            }),
        ).toEqual({
            ...valid,
            supportedSettings: { a: true, b: false, c: false },
            supportsBadgeOverlay: true,
        });
    });

    it.each([
        [undefined, /a valid URL scheme/],
        [{ ...valid, protocol: "1abc" }, /a valid URL scheme/],
        [{ ...valid, sessionId: "" }, /a session id/],
        [{ ...valid, config: null }, /a config object/],
        [{ ...valid, config: [] }, /a config object/],
    ])("refuses %j with a clear message", (answer, message) => {
        expect(() => parseInitialisation(answer)).toThrow(message);
    });

    it("treats missing settings as none supported", () => {
        expect(parseInitialisation({ ...valid, supportedSettings: undefined }).supportedSettings).toEqual({});
    });
});
