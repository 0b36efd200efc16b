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
