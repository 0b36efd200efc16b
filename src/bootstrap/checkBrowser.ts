import { StartupError } from "./StartupError";

/** What the check reads of the global scope (tests pass partial fakes). */
interface BrowserScope {
    crypto?: { subtle?: unknown };
    indexedDB?: unknown;
    WebAssembly?: unknown;
    localStorage?: unknown;
    Intl?: { DateTimeFormat?: unknown };
}

/** Features without which the SDK cannot run: end-to-end encryption and its stores need them all. */
export function missingBrowserFeatures(scope: BrowserScope = window): string[] {
    const checks: [string, boolean][] = [
        ["Web Crypto", Boolean(scope.crypto?.subtle)],
        ["IndexedDB", Boolean(scope.indexedDB)],
        ["WebAssembly", typeof scope.WebAssembly === "object"],
        ["localStorage", Boolean(scope.localStorage)],
        ["Intl", typeof scope.Intl?.DateTimeFormat === "function"],
    ];
    return checks.filter(([, present]) => !present).map(([name]) => name);
}

export function checkBrowser(): void {
    const missing = missingBrowserFeatures();
    if (missing.length > 0) throw new StartupError("browser", `Missing: ${missing.join(", ")}`);
}
