// What the security tests check of installed packages: their version, against a minimum.
import { readFileSync } from "node:fs";
import path from "node:path";

const nodeModules = path.join(__dirname, "../../node_modules");

/** The version of the package npm installed at the top of node_modules. */
export function installedVersion(name: string): string {
    return JSON.parse(readFileSync(path.join(nodeModules, name, "package.json"), "utf8")).version;
}

/** Whether a dotted version is at least `minimum` ([major, minor, patch]). */
export function atLeast(version: string, minimum: number[]): boolean {
    const parts = version.split(".").map(Number);
    for (let i = 0; i < minimum.length; i++) if (parts[i] !== minimum[i]) return parts[i] > minimum[i];
    return true;
}
