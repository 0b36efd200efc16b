import { AutoDiscovery } from "matrix-js-sdk/src/autodiscovery";
import type { IConfigOptions } from "matrix-react-sdk/src/IConfigOptions";
import SdkConfig from "matrix-react-sdk/src/SdkConfig";

import { fakeResponse, jsonResponse } from "../../test/helpers/fakeResponse";
import { ServerConfigError, validateServerConfig } from "./serverConfig";

const wellKnown = { "m.homeserver": { base_url: "https://matrix.example.org", server_name: "example.org" } };

describe("validateServerConfig", () => {
    let homeserverFetch: jest.Mock;
    const realFetch = globalThis.fetch;

    beforeEach(() => {
        // As at start: loadConfig hands the config to the SDK before the server is validated.
        SdkConfig.put({});
        // The homeserver at its edge: it answers /versions, has no OIDC and no well-known.
        homeserverFetch = jest.fn(async (url: string | URL) => {
            const href = String(url);
            if (href.endsWith("/_matrix/client/versions"))
                return jsonResponse(200, { versions: ["v1.1", "v1.5", "v1.11"] });
            return fakeResponse(404, JSON.stringify({ errcode: "M_UNRECOGNIZED", error: "Unrecognized request" }));
        });
        AutoDiscovery.setFetchFn(homeserverFetch as unknown as typeof fetch);
        globalThis.fetch = homeserverFetch as unknown as typeof fetch;
        jest.spyOn(console, "error").mockImplementation(() => {});
    });
    afterEach(() => {
        globalThis.fetch = realFetch;
        jest.restoreAllMocks();
    });

    it.each([
        [
            "default_server_config and default_server_name",
            { default_server_config: wellKnown, default_server_name: "example.org" },
        ],
        [
            "default_server_config and default_hs_url",
            { default_server_config: wellKnown, default_hs_url: "https://matrix.example.org" },
        ],
        [
            "default_server_name and default_hs_url",
            { default_server_name: "example.org", default_hs_url: "https://matrix.example.org" },
        ],
        [
            "all three",
            {
                default_server_config: wellKnown,
                default_server_name: "example.org",
                default_hs_url: "https://matrix.example.org",
            },
        ],
    ])("rejects a config that sets %s", async (_name, config) => {
        const error = await validateServerConfig(config as IConfigOptions).catch((e) => e);
        expect(error).toBeInstanceOf(ServerConfigError);
        expect(error.message).toMatch(/only one of/);
        expect(homeserverFetch).not.toHaveBeenCalled();
    });

    it("rejects a config that names no homeserver", async () => {
        const error = await validateServerConfig({} as IConfigOptions).catch((e) => e);
        expect(error).toBeInstanceOf(ServerConfigError);
        expect(error.message).toMatch(/names no homeserver/);
    });

    it("treats empty values as not set", async () => {
        const error = await validateServerConfig({
            default_server_name: "",
            default_hs_url: "",
        } as IConfigOptions).catch((e) => e);
        expect(error).toBeInstanceOf(ServerConfigError);
        expect(error.message).toMatch(/names no homeserver/);
    });

    it("validates default_server_config into the homeserver's URL and name", async () => {
        const validated = await validateServerConfig({ default_server_config: wellKnown } as IConfigOptions);
        expect(validated.hsUrl).toBe("https://matrix.example.org");
        expect(validated.hsName).toBe("example.org");
    });

    it("validates default_hs_url, naming the server after its host", async () => {
        const validated = await validateServerConfig({
            default_hs_url: "https://matrix.example.org",
        } as IConfigOptions);
        expect(validated.hsUrl).toBe("https://matrix.example.org");
        expect(validated.hsName).toBe("matrix.example.org");
    });

    it("does not fail the start when the homeserver is down (the login page reports it)", async () => {
        homeserverFetch.mockRejectedValue(new TypeError("Failed to fetch"));
        const validated = await validateServerConfig({ default_server_config: wellKnown } as IConfigOptions);
        expect(validated.hsUrl).toBe("https://matrix.example.org");
    });
    it("finds the homeserver of default_server_name through its well-known file", async () => {
        homeserverFetch.mockImplementation(async (url: string | URL) => {
            const href = String(url);
            if (href === "https://example.org/.well-known/matrix/client")
                return jsonResponse(200, { "m.homeserver": { base_url: "https://matrix.example.org" } });
            if (href.endsWith("/_matrix/client/versions"))
                return jsonResponse(200, { versions: ["v1.1", "v1.5", "v1.11"] });
            return fakeResponse(404, "{}");
        });
        const validated = await validateServerConfig({ default_server_name: "example.org" } as IConfigOptions);
        expect(validated.hsUrl).toBe("https://matrix.example.org");
        expect(validated.hsName).toBe("example.org");
    });

    it("names the server as default_server_config says, not after the homeserver's host", async () => {
        const named = { "m.homeserver": { base_url: "https://matrix.example.org", server_name: "corp.example" } };
        const validated = await validateServerConfig({ default_server_config: named } as IConfigOptions);
        expect(validated.hsName).toBe("corp.example");
    });

    it("refuses a default_server_config without a homeserver with the SDK's own words", async () => {
        const error = await validateServerConfig({ default_server_config: {} } as IConfigOptions).catch((e) => e);
        expect(error).toBeInstanceOf(Error);
        expect(error).not.toBeInstanceOf(TypeError);
    });

    it("does not fail the start for default_hs_url when the homeserver is down", async () => {
        homeserverFetch.mockRejectedValue(new TypeError("Failed to fetch"));
        const validated = await validateServerConfig({
            default_hs_url: "https://matrix.example.org",
        } as IConfigOptions);
        expect(validated.hsUrl).toBe("https://matrix.example.org");
    });

    it("does not fail the start for default_server_name when only the homeserver is down", async () => {
        homeserverFetch.mockImplementation(async (url: string | URL) => {
            if (String(url) === "https://example.org/.well-known/matrix/client")
                return jsonResponse(200, { "m.homeserver": { base_url: "https://matrix.example.org" } });
            throw new TypeError("Failed to fetch");
        });
        const validated = await validateServerConfig({ default_server_name: "example.org" } as IConfigOptions);
        expect(validated.hsUrl).toBe("https://matrix.example.org");
    });
});
