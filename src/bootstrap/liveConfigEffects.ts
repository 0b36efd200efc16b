// What a live config change does outside the config: the SDK gets the new config, and a new brand
// shows in the page title, Atrium's CSS variables and the brand's custom theme.
import SdkConfig from "matrix-react-sdk/src/SdkConfig";
import type { IConfigOptions } from "matrix-react-sdk/src/IConfigOptions";
import { logger } from "matrix-js-sdk/src/logger";

import type { Brand } from "../brand/brand";
import type { LiveConfigEffects } from "../config/liveConfig";
import { applyBrandVariables, loadTheme } from "./loadTheme";

/** SdkConfig.put replaces the whole config: keep the homeserver the start validated (it changes only on reload). */
export function putConfigKeepingServer(config: IConfigOptions): void {
    const validated = SdkConfig.get().validated_server_config;
    SdkConfig.put(validated ? { ...config, validated_server_config: validated } : config);
}

/** The SDK titles the page "<brand> <status>", the web platform may put "[unread] " before it. */
export function retitle(title: string, before: string, after: string): string {
    const prefix = /^\[\d+\] /.exec(title)?.[0] ?? "";
    const rest = title.slice(prefix.length);
    if (rest === before || rest.startsWith(`${before} `)) return prefix + after + rest.slice(before.length);
    return title;
}

export function showBrand(before: Brand, after: Brand): void {
    document.title = retitle(document.title, before.name, after.name);
    applyBrandVariables(after);
    // The theme setting reads the brand theme from SdkConfig, which already holds the new one.
    loadTheme().catch((error) => logger.error("Atrium: could not apply the changed brand theme", error));
}

export const atriumLiveEffects: LiveConfigEffects = { putConfig: putConfigKeepingServer, showBrand };
