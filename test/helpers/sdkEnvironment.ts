// What the seam tests need of the app around a component: a config in SdkConfig, as loadConfig puts
// it there, and the SDK's English strings, loaded through the SDK's own languageHandler.
import SdkConfig from "matrix-react-sdk/src/SdkConfig";
import * as languageHandler from "matrix-react-sdk/src/languageHandler";
import type { IConfigOptions } from "matrix-react-sdk/src/IConfigOptions";

import { withAtriumDefaults } from "../../src/config/atriumDefaults";
import { initAtriumI18n } from "../../src/i18n/atriumI18n";
import { bundledAssetResponse, jsonResponse } from "./fakeResponse";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a JSON file jest loads as CommonJS
const sdkEnglish = require("matrix-react-sdk/src/i18n/strings/en_EN.json");

type Route = (url: string, init?: RequestInit) => Response | Promise<Response> | undefined;

/**
 * Replaces fetch: the SDK's translation files are served as the build serves them, `routes` answer
 * anything else, and an unexpected request fails the way an unreachable server does.
 */
export function serveFetch(...routes: Route[]): jest.Mock {
    const fetchMock = jest.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
        const url = typeof input === "object" && "url" in input ? input.url : String(input);
        if (url === "i18n/languages.json") return jsonResponse(200, { en: "en_EN.json" });
        if (url === "i18n/en_EN.json") return jsonResponse(200, sdkEnglish);
        const asset = bundledAssetResponse(url);
        if (asset) return asset;
        for (const route of routes) {
            const answer = await route(url, init);
            if (answer) return answer;
        }
        throw new TypeError(`Failed to fetch ${url}`);
    });
    globalThis.fetch = fetchMock as unknown as typeof fetch;
    return fetchMock;
}

/** Loads the SDK's English strings (so `_t` gives "Sign in") and Atrium's own. */
export async function loadEnglish(): Promise<void> {
    serveFetch();
    await languageHandler.setLanguage("en");
    await initAtriumI18n("en");
}

/** Puts a config into the SDK with Atrium's defaults added, as the start does. */
export function putConfig(config: Partial<IConfigOptions> & Record<string, unknown>): void {
    SdkConfig.put(withAtriumDefaults(config));
}
