// A short "Browser on OS" label for the device name, so people can tell their sessions apart.
export function describeBrowser(userAgent: string): string {
    const browser =
        (/Edg\//.test(userAgent) && "Edge") ||
        (/Firefox\//.test(userAgent) && "Firefox") ||
        (/(Chromium|Chrome)\//.test(userAgent) && "Chrome") ||
        (/Safari\//.test(userAgent) && "Safari") ||
        "Browser";
    const os =
        (/Windows/.test(userAgent) && "Windows") ||
        (/Android/.test(userAgent) && "Android") ||
        (/(iPhone|iPad)/.test(userAgent) && "iOS") ||
        (/Mac OS X/.test(userAgent) && "macOS") ||
        (/Linux/.test(userAgent) && "Linux") ||
        "unknown OS";
    return `${browser}, ${os}`;
}
