import SdkConfig from "matrix-react-sdk/src/SdkConfig";
import type { IConfigOptions } from "matrix-react-sdk/src/IConfigOptions";

import { browserAndOs, desktopDeviceName, webDeviceName } from "./deviceName";

const CHROME_WINDOWS =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const CHROMIUM_LINUX =
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chromium/131.0.0.0 Chrome/131.0.0.0 Safari/537.36";

describe("browserAndOs", () => {
    it.each([
        ["Chrome", "Windows", CHROME_WINDOWS],
        ["Edge", "Windows", `${CHROME_WINDOWS} Edg/131.0.0.0`],
        ["Firefox", "Linux", "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"],
        ["Chromium", "Linux", CHROMIUM_LINUX],
        [
            "Safari",
            "macOS",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_7_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
        ],
        [
            "Mobile Safari",
            "iOS",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
        ],
        [
            "Chrome",
            "Android",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
        ],
        ["unknown browser", "unknown OS", "curl/8.5.0"],
        ["unknown browser", "unknown OS", ""],
    ])("reads %s on %s", (browser, os, userAgent) => {
        expect(browserAndOs(userAgent)).toEqual({ browser, os });
    });
});

describe("device names", () => {
    afterEach(() => SdkConfig.reset());

    it("carry the configured brand", () => {
        SdkConfig.put({ brand: "Acme Chat" } as IConfigOptions);
        expect(webDeviceName(CHROMIUM_LINUX)).toBe("Acme Chat Web: Chromium on Linux");
        expect(desktopDeviceName(CHROME_WINDOWS)).toBe("Acme Chat Desktop: Windows");
    });

    it("fall back to Atrium's own name for a blank brand", () => {
        SdkConfig.put({ brand: " " } as IConfigOptions);
        expect(webDeviceName(CHROME_WINDOWS)).toBe("Atrium Web: Chrome on Windows");
    });
});
