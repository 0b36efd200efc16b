import { StartupError } from "./StartupError";

/** Features without which the SDK cannot run: end-to-end encryption and its stores need them all. */
export function missingBrowserFeatures(scope: any = window): string[] {
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
