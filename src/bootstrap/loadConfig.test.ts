import SdkConfig from "matrix-react-sdk/src/SdkConfig";
import type BasePlatform from "matrix-react-sdk/src/BasePlatform";
import type { IConfigOptions } from "matrix-react-sdk/src/IConfigOptions";

import { loadConfig, loadServerConfig } from "./loadConfig";
import { StartupError } from "./StartupError";

const platformWith = (getConfig: () => Promise<IConfigOptions | undefined>): BasePlatform =>
    ({ getConfig }) as unknown as BasePlatform;

describe("loadConfig", () => {
    beforeEach(() => SdkConfig.reset());

    it("adds Atrium's defaults to the platform's config and hands it to the SDK", async () => {
        const config = await loadConfig(platformWith(async () => ({ brand: "Acme" }) as IConfigOptions), false);
        expect(config.brand).toBe("Acme");
        expect(config.default_theme).toBe("custom-Acme");
        expect(SdkConfig.get("brand")).toBe("Acme");
        expect(SdkConfig.get("default_theme")).toBe("custom-Acme");
    });

    it("starts with Atrium's defaults when the platform has no config", async () => {
        const config = await loadConfig(platformWith(async () => undefined), false);
        expect(config.brand).toBe("Atrium");
        expect(SdkConfig.get("disable_guests")).toBe(true);
    });

    it("hands the config over untouched in the stock build", async () => {
        const config = await loadConfig(platformWith(async () => ({ brand: "Element" }) as IConfigOptions), true);
        expect(config).toEqual({ brand: "Element" });
        expect(SdkConfig.get("default_theme")).not.toBe("custom-Element");
    });

    it("fails as the config step when the platform cannot give a config", async () => {
        const cause = new Error("config.json is not valid JSON");
        const error = await loadConfig(platformWith(() => Promise.reject(cause)), false).catch((e) => e);
        expect(error).toBeInstanceOf(StartupError);
        expect(error).toMatchObject({ kind: "config", detail: "config.json is not valid JSON", cause });
    });
});

describe("loadServerConfig", () => {
    it("fails as the server step when the config names no homeserver", async () => {
        SdkConfig.put({});
        const error = await loadServerConfig({} as IConfigOptions).catch((e) => e);
        expect(error).toBeInstanceOf(StartupError);
        expect(error.kind).toBe("server");
        expect(error.detail).toMatch(/names no homeserver/);
    });
});
