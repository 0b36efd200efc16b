// KaTeX advisories up to 0.16.21 (the last: \htmlData let a crafted attribute name break out of the
// tag, CVE-2025-23207). The lockfile's katex must be at least 0.16.21; the SDK renders maths with it.
import { readFileSync } from "node:fs";
import path from "node:path";
import katex from "katex";

import { atLeast } from "../helpers/packageVersions";

const lock = JSON.parse(readFileSync(path.join(__dirname, "../../package-lock.json"), "utf8"));

describe("katex", () => {
    it("every katex in the lockfile is at least 0.16.21", () => {
        const versions = Object.entries(lock.packages as Record<string, { version: string }>)
            .filter(([where]) => where.endsWith("node_modules/katex"))
            .map(([, entry]) => entry.version);
        expect(versions.length).toBeGreaterThan(0);
        for (const version of versions) expect(atLeast(version, [0, 16, 21])).toBe(true);
    });

    it("refuses an \\htmlData attribute name that would break out of the tag, even when trusted", () => {
        const hostile = "\\htmlData{a><img src=x onerror=alert(1)>=1}{x}";
        expect(() => katex.renderToString(hostile, { trust: true, strict: false })).toThrow(/Invalid attribute name/);
    });
});
