import PlatformPeg from "matrix-react-sdk/src/PlatformPeg";

import { electronApi } from "./ElectronBridge";
import { ElectronPlatform } from "./ElectronPlatform";
import { WebPlatform } from "./WebPlatform";

/** Element Desktop exposes `window.electron`; everywhere else Atrium is a web page. */
export function selectPlatform(): WebPlatform {
    const electron = electronApi();
    const platform = electron ? new ElectronPlatform(electron) : new WebPlatform();
    PlatformPeg.set(platform);
    return platform;
}

/**
 * Whether Atrium's media service worker should run: not inside Element Desktop, whose main process
 * adds the token to media requests itself (its vector:// scheme has no service workers anyway).
 */
export function usesMediaServiceWorker(platform = PlatformPeg.get()): boolean {
    return !(platform instanceof ElectronPlatform);
}
