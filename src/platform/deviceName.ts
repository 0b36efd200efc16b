// How Atrium names its sessions to the homeserver, after the configured brand, so
// each company's people see their own product's name in their list of sessions.
import UAParser from "ua-parser-js";
import SdkConfig from "matrix-react-sdk/src/SdkConfig";

import { brandFromConfig } from "../brand/brand";

/** The browser and operating system, as ua-parser-js names them ("Chrome", "Linux"). */
export function browserAndOs(userAgent: string): { browser: string; os: string } {
    // Given nothing, ua-parser-js would read the running browser's own user agent instead.
    if (!userAgent) return { browser: "unknown browser", os: "unknown OS" };
    const parsed = new UAParser(userAgent);
    const os = parsed.getOS().name;
    return {
        browser: parsed.getBrowser().name || "unknown browser",
        // Apple's own name for it since 2016.
        os: os === "Mac OS" ? "macOS" : os || "unknown OS",
    };
}

/** The brand in use (the config is loaded before anything asks). */
function brandName(): string {
    return brandFromConfig(SdkConfig.get()).name;
}

/** "Acme Web: Chrome on Linux". */
export function webDeviceName(userAgent: string, brand = brandName()): string {
    const { browser, os } = browserAndOs(userAgent);
    return `${brand} Web: ${browser} on ${os}`;
}

/** "Acme Desktop: Windows". */
export function desktopDeviceName(userAgent: string, brand = brandName()): string {
    return `${brand} Desktop: ${browserAndOs(userAgent).os}`;
}
