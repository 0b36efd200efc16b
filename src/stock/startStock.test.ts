import SdkConfig from "matrix-react-sdk/src/SdkConfig";
import type BasePlatform from "matrix-react-sdk/src/BasePlatform";
import type { IConfigOptions } from "matrix-react-sdk/src/IConfigOptions";

import { StartupError } from "../bootstrap/StartupError";
import { loadStockConfig } from "./startStock";

const platformWith = (getConfig: () => Promise<IConfigOptions | undefined>): BasePlatform =>
    ({ getConfig }) as unknown as BasePlatform;

describe("loadStockConfig", () => {
    beforeEach(() => SdkConfig.reset());

    it("hands the platform's config to the SDK untouched: no config service, no Atrium defaults", async () => {
        const fetchSpy = jest.spyOn(window, "fetch").mockImplementation(() => Promise.reject(new Error("no fetch")));
        const base = {
            brand: "Element",
            atrium: { config_service: { url: "/v1/config" } },
        } as unknown as IConfigOptions;
        try {
            const config = await loadStockConfig(platformWith(async () => base));
            expect(config).toEqual(base);
            expect(fetchSpy).not.toHaveBeenCalled();
            expect(SdkConfig.get("brand")).toBe("Element");
            expect(SdkConfig.get("default_theme")).not.toBe("custom-Element");
            expect(SdkConfig.get("disable_guests")).toBeUndefined();
        } finally {
            fetchSpy.mockRestore();
        }
    });

    it("starts from an empty config when the platform has none", async () => {
        await expect(loadStockConfig(platformWith(async () => undefined))).resolves.toEqual({});
    });

    it("fails as the config step when the platform cannot give a config", async () => {
        const error = await loadStockConfig(platformWith(() => Promise.reject(new Error("bad JSON")))).catch((e) => e);
        expect(error).toBeInstanceOf(StartupError);
        expect(error).toMatchObject({ kind: "config", detail: "bad JSON" });
    });
});
