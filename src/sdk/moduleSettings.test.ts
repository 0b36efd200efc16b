import SdkConfig from "matrix-react-sdk/src/SdkConfig";
import type { IConfigOptions } from "matrix-react-sdk/src/IConfigOptions";

import { configStore } from "../config/configStore";
import { moduleSettings, onModuleSettingsChange } from "./moduleSettings";

const withModules = (modules: unknown): IConfigOptions => ({ atrium: { modules } }) as unknown as IConfigOptions;

describe("moduleSettings", () => {
    beforeEach(() => jest.spyOn(console, "error").mockImplementation(() => {}));
    afterEach(() => {
        jest.restoreAllMocks();
        configStore.reset();
    });

    it("is on, with no settings, when the config says nothing about the module", () => {
        SdkConfig.put({} as IConfigOptions);
        expect(moduleSettings("room-link")).toEqual({ enabled: true });
    });

    it("reads the module's settings and its switch", () => {
        SdkConfig.put(withModules({ "room-link": { enabled: false } }));
        const settings = moduleSettings<{ enabled: boolean }>("room-link");
        expect(settings.enabled).toBe(false);
        expect(Object.isFrozen(settings)).toBe(true);
        SdkConfig.put(withModules({ "room-link": {} }));
        expect(moduleSettings("room-link").enabled).toBe(true);
    });

    it("turns a module off whose settings break the schema, reporting it once", () => {
        SdkConfig.put(withModules({ "room-link": { enabled: "yes" } }));
        expect(moduleSettings("room-link")).toEqual({ enabled: false });
        moduleSettings("room-link");
        expect(console.error).toHaveBeenCalledTimes(1);
        expect(console.error).toHaveBeenCalledWith(
            expect.stringMatching(/module room-link stays off.*\/atrium\/modules\/room-link\/enabled/),
        );
    });

    it("reads a config's section once, and a new config's again", () => {
        SdkConfig.put(withModules({ "room-link": { enabled: true }, "wiki-link": { enabled: "yes" } }));
        const first = moduleSettings("room-link");
        expect(moduleSettings("room-link")).toBe(first);
        expect(moduleSettings("wiki-link")).toEqual({ enabled: false });
        expect(moduleSettings("wiki-link")).toBe(moduleSettings("wiki-link"));
        SdkConfig.put(withModules({ "room-link": { enabled: true } }));
        const second = moduleSettings("room-link");
        expect(second).not.toBe(first);
        expect(second).toEqual(first);
    });

    it("turns off a module whose settings the schema does not know", () => {
        SdkConfig.put(withModules({ "not-in-schema": { enabled: true } }));
        expect(moduleSettings("not-in-schema").enabled).toBe(false);
    });

    it("never reads inherited properties as a module's settings", () => {
        SdkConfig.put(withModules({}));
        expect(moduleSettings("constructor")).toEqual({ enabled: true });
        expect(moduleSettings("__proto__")).toEqual({ enabled: true });
    });

    it("tells a subscriber when a live config change changes the module's settings, and only then", () => {
        SdkConfig.put(withModules({ "room-link": { enabled: true } }));
        const listener = jest.fn();
        const unsubscribe = onModuleSettingsChange("room-link", listener);
        configStore.update({}); // something else changed
        expect(listener).not.toHaveBeenCalled();
        SdkConfig.put(withModules({ "room-link": { enabled: false } }));
        configStore.update({});
        expect(listener).toHaveBeenCalledWith({ enabled: false });
        unsubscribe();
        SdkConfig.put(withModules({}));
        configStore.update({});
        expect(listener).toHaveBeenCalledTimes(1);
    });
});
