import SdkConfig from "matrix-react-sdk/src/SdkConfig";
import type BasePlatform from "matrix-react-sdk/src/BasePlatform";
import type { IConfigOptions } from "matrix-react-sdk/src/IConfigOptions";

import { configAnswer, fakeService, memoryStorage } from "../../test/helpers/configService";
import { ConfigStore } from "../config/configStore";
import { loadConfig, loadServerConfig } from "./loadConfig";
import { StartupError } from "./StartupError";

const platformWith = (getConfig: () => Promise<IConfigOptions | undefined>): BasePlatform =>
    ({ getConfig }) as unknown as BasePlatform;

describe("loadConfig", () => {
    beforeEach(() => SdkConfig.reset());

    it("adds Atrium's defaults to the platform's config and hands it to the SDK", async () => {
        const { config, live } = await loadConfig(platformWith(async () => ({ brand: "Acme" }) as IConfigOptions));
        expect(config.brand).toBe("Acme");
        expect(config.default_theme).toBe("custom-Acme");
        expect(SdkConfig.get("brand")).toBe("Acme");
        expect(SdkConfig.get("default_theme")).toBe("custom-Acme");
        expect(live.settings).toBeNull();
    });

    it("starts with Atrium's defaults when the platform has no config", async () => {
        const { config } = await loadConfig(platformWith(async () => undefined));
        expect(config.brand).toBe("Atrium");
        expect(SdkConfig.get("disable_guests")).toBe(true);
    });

    it("fails as the config step when the platform cannot give a config", async () => {
        const cause = new Error("config.json is not valid JSON");
        const error = await loadConfig(platformWith(() => Promise.reject(cause))).catch((e) => e);
        expect(error).toBeInstanceOf(StartupError);
        expect(error).toMatchObject({ kind: "config", detail: "config.json is not valid JSON", cause });
    });

    describe("with a config service", () => {
        // Element Desktop's own config is the base, as config.json is on the web.
        const desktopConfig = {
            brand: "Desktop",
            default_server_config: { "m.homeserver": { base_url: "https://matrix.example.org" } },
            atrium: { config_service: { url: "https://chat.example.org/v1/config" } },
        } as unknown as IConfigOptions;

        beforeEach(() => {
            jest.spyOn(console, "warn").mockImplementation(() => {});
        });
        afterEach(() => jest.restoreAllMocks());

        it("layers the service's config over the platform's and hands the result to the SDK", async () => {
            const service = fakeService(configAnswer({ brand: "Acme", room_directory: { servers: ["example.org"] } }));
            const store = new ConfigStore();
            const { config } = await loadConfig(
                platformWith(async () => desktopConfig),
                {
                    fetch: service.fetch,
                    storage: memoryStorage(),
                    store,
                },
            );
            expect(service.requests[0].url).toBe("https://chat.example.org/v1/config");
            expect(config.brand).toBe("Acme");
            expect(SdkConfig.get("brand")).toBe("Acme");
            expect(SdkConfig.get("default_theme")).toBe("custom-Acme");
            expect(SdkConfig.get("room_directory")).toEqual({ servers: ["example.org"] });
            expect(SdkConfig.get("default_server_config")).toEqual(desktopConfig.default_server_config);
            expect(store.get().fallback).toBeNull();
        });

        it("starts from the platform's config when the service is down and nothing is saved: never a blank page", async () => {
            const store = new ConfigStore();
            const { config } = await loadConfig(
                platformWith(async () => desktopConfig),
                {
                    fetch: fakeService(new TypeError("Failed to fetch")).fetch,
                    storage: memoryStorage(),
                    store,
                },
            );
            expect(config.brand).toBe("Desktop");
            expect(SdkConfig.get("default_server_config")).toEqual(desktopConfig.default_server_config);
            expect(store.get().fallback).toMatchObject({ source: "bundled", reason: { kind: "network" } });
        });
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
