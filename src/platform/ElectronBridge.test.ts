import { fakeElectron } from "../../test/helpers/fakeElectron";
import { ElectronApi, ElectronBridge, electronApi } from "./ElectronBridge";

describe("ElectronBridge", () => {
    it("sends a call on ipcCall with an id, its name and its arguments", async () => {
        const electron = fakeElectron({ getPickleKey: () => "key" });
        const bridge = new ElectronBridge(electron);
        await bridge.call("getPickleKey", "@alice:example.org", "DEVICE");
        expect(electron.sent).toEqual([
            ["ipcCall", { id: expect.any(Number), name: "getPickleKey", args: ["@alice:example.org", "DEVICE"] }],
        ]);
    });

    it("resolves a call with its reply", async () => {
        const bridge = new ElectronBridge(fakeElectron({ getAppVersion: () => "1.11.85" }));
        await expect(bridge.call("getAppVersion")).resolves.toBe("1.11.85");
    });

    it("rejects a call whose reply is an error", async () => {
        const bridge = new ElectronBridge(
            fakeElectron({
                getConfig: () => {
                    throw new Error("config.json is not valid JSON");
                },
            }),
        );
        await expect(bridge.call("getConfig")).rejects.toThrow("config.json is not valid JSON");
    });

    it("gives each concurrent call its own reply, whatever the order of the replies", async () => {
        const electron = fakeElectron();
        const bridge = new ElectronBridge(electron);
        const first = bridge.call("getSettingValue", "a");
        const second = bridge.call("getSettingValue", "b");
        const [[, firstCall], [, secondCall]] = electron.sent as [string, { id: number }][];
        expect(firstCall.id).not.toBe(secondCall.id);
        electron.emit("ipcReply", { id: secondCall.id, reply: "B" });
        electron.emit("ipcReply", { id: firstCall.id, reply: "A" });
        await expect(first).resolves.toBe("A");
        await expect(second).resolves.toBe("B");
    });

    it("ignores replies to unknown ids, repeated replies and malformed payloads", async () => {
        const electron = fakeElectron();
        const bridge = new ElectronBridge(electron);
        const call = bridge.call("getConfig");
        const [[, { id }]] = electron.sent as [string, { id: number }][];
        expect(() => {
            electron.emit("ipcReply", { id: id + 100, reply: "wrong" });
            electron.emit("ipcReply", { id: String(id), reply: "wrong" });
            electron.emit("ipcReply", undefined);
            electron.emit("ipcReply", { reply: "wrong" });
        }).not.toThrow();
        electron.emit("ipcReply", { id, reply: { brand: "Acme" } });
        electron.emit("ipcReply", { id, error: "too late" });
        await expect(call).resolves.toEqual({ brand: "Acme" });
    });

    it("resolves a reply of undefined or null rather than rejecting it", async () => {
        const bridge = new ElectronBridge(
            fakeElectron({ getPickleKey: () => null, destroyPickleKey: () => undefined }),
        );
        await expect(bridge.call("getPickleKey")).resolves.toBeNull();
        await expect(bridge.call("destroyPickleKey")).resolves.toBeUndefined();
    });

    it("sends fire-and-forget messages on their own channel", () => {
        const electron = fakeElectron();
        new ElectronBridge(electron).send("setBadgeCount", 3);
        expect(electron.sent).toEqual([["setBadgeCount", 3]]);
    });

    it("passes a channel's messages to a listener without the IPC event", () => {
        const electron = fakeElectron();
        const listener = jest.fn();
        new ElectronBridge(electron).on("update-downloaded", listener);
        electron.emit("update-downloaded", { version: "2" }, "extra");
        expect(listener).toHaveBeenCalledWith({ version: "2" }, "extra");
    });
});

describe("electronApi", () => {
    afterEach(() => {
        delete (window as { electron?: unknown }).electron;
    });

    it("is the desktop's bridge when window.electron has on and send", () => {
        const electron = fakeElectron();
        (window as { electron?: ElectronApi }).electron = electron;
        expect(electronApi()).toBe(electron);
    });

    it.each([
        ["absent", undefined],
        ["without send", { on: () => {} }],
        ["without on", { send: () => {} }],
        ["not an object of functions", { on: "x", send: "y" }],
    ])("is undefined when window.electron is %s", (_name, value) => {
        (window as { electron?: unknown }).electron = value;
        expect(electronApi()).toBeUndefined();
    });
});

describe("ElectronBridge timeouts", () => {
    it("rejects a call the desktop never answers, with the call's name", async () => {
        jest.useFakeTimers();
        try {
            const sent: unknown[] = [];
            const bridge = new ElectronBridge(
                { on: () => undefined, send: (...args: unknown[]) => sent.push(args) },
                1000,
            );
            const call = bridge.call("getConfig");
            jest.advanceTimersByTime(1001);
            await expect(call).rejects.toThrow(/did not answer getConfig/);
            expect(sent).toHaveLength(1);
        } finally {
            jest.useRealTimers();
        }
    });
});
