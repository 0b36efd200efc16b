// Every SDK module that Atrium replaces or wraps is declared in src/seams/sdk-replacements.json.
// For each entry: the jest resolver (as webpack's replacement plugin) swaps it in for the SDK's
// importers, the files exist on both sides, and it has its own test beside this one.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import Resolver from "jest-resolve";

import declared from "../../src/seams/sdk-replacements.json";

const root = path.resolve(__dirname, "../..");
const nodeModules = path.join(root, "node_modules");
const sdkSrc = path.join(nodeModules, "matrix-react-sdk/src");
const resolverPath = path.join(root, "build/jest-resolver.js");

interface Entry {
    replacement: string;
    reason: string;
    onlyFrom?: string;
    compat?: boolean;
    /** How importers name a package entry (its files are not importable by path). */
    request?: string;
    alsoFor?: string[];
}

const entries = Object.entries(declared as Record<string, Entry | string>).filter(
    (pair): pair is [string, Entry] => pair[0] !== "$comment",
);

/** Resolves as jest does when a file in `basedir` imports `request`, through build/jest-resolver.js. */
function resolveFrom(basedir: string, request: string): string | null {
    return Resolver.findNodeModule(request, {
        basedir,
        extensions: [".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".json"],
        moduleDirectory: ["node_modules"],
        resolver: resolverPath,
        rootDir: root,
        throwIfNotFound: true,
    });
}

/** How the SDK's code names a module: by package path, without the file extension. */
const requestFor = (target: string): string =>
    (declared as unknown as Record<string, Entry>)[target]?.request ?? target.replace(/\.(tsx?|jsx?|mjs)$/, "");

/** A directory of an importer that the entry's replacement applies to. */
const importerDirFor = (entry: Entry): string =>
    entry.onlyFrom
        ? path.join(nodeModules, entry.onlyFrom, "components/views/auth")
        : path.join(sdkSrc, "components/structures");

const testFiles = readdirSync(__dirname);

describe("sdk-replacements.json", () => {
    // Exact, so that deleting an entry (or adding one without thought) fails here as well as in the
    // entry's own test, which reaches the replacement through the resolver, never by its path.
    it("declares exactly the 27 seams Atrium ships", () => {
        expect(entries).toHaveLength(27);
    });

    describe.each(entries)("%s", (target, entry) => {
        const replacementPath = path.join(root, entry.replacement);
        const originalPath = path.join(nodeModules, target);

        it("says why, and names files that exist on both sides", () => {
            expect(entry.reason.trim().length).toBeGreaterThan(20);
            expect(existsSync(originalPath)).toBe(true);
            expect(existsSync(replacementPath)).toBe(true);
        });

        it("has a test of its own in test/seams", () => {
            const name = path.basename(entry.replacement).replace(/\.(tsx?|jsx?|mjs)$/, "");
            expect(testFiles).toEqual(
                expect.arrayContaining([expect.stringMatching(new RegExp(`^${name}\\.test\\.tsx?$`))]),
            );
        });

        it("is what the jest resolver gives the SDK's importers", () => {
            expect(resolveFrom(importerDirFor(entry), requestFor(target))).toBe(replacementPath);
            // Also when moduleNameMapper has already turned the request into an absolute path.
            if (!entry.request)
                expect(resolveFrom(importerDirFor(entry), requestFor(originalPath))).toBe(replacementPath);
        });

        const onlyFrom = entry.onlyFrom;
        if (onlyFrom) {
            // A package entry resolves to one of its files, depending on the resolver's conditions.
            const originals = [target, ...(entry.alsoFor ?? [])].map((file) => path.join(nodeModules, file));
            it(`stays the original for importers outside ${onlyFrom}`, () => {
                expect(originals).toContain(resolveFrom(path.join(root, "src/seams"), requestFor(target)));
                const otherSdk = onlyFrom.startsWith("matrix-js-sdk") ? "matrix-react-sdk/src" : "matrix-js-sdk/src";
                expect(originals).toContain(resolveFrom(path.join(nodeModules, otherSdk), requestFor(target)));
                // The directory itself counts as inside: onlyFrom is a directory prefix.
                expect(resolveFrom(path.join(nodeModules, onlyFrom), requestFor(target))).toBe(replacementPath);
            });
        } else {
            it("is what Atrium's own code and the tests get too", () => {
                expect(resolveFrom(path.join(root, "src/bootstrap"), requestFor(target))).toBe(replacementPath);
                expect(require.resolve(requestFor(target))).toBe(replacementPath);
            });
        }

        if (target.startsWith("matrix-react-sdk/src/")) {
            it("stays reachable as the original through $sdk-original/", () => {
                const request = "$sdk-original/" + requestFor(target.slice("matrix-react-sdk/src/".length));
                expect(resolveFrom(path.dirname(replacementPath), request)).toBe(originalPath);
                expect(require.resolve(request)).toBe(originalPath);
            });
        }
    });
});

describe("the jest resolver", () => {
    it("leaves modules nobody replaces alone", () => {
        expect(resolveFrom(path.join(sdkSrc, "components/views/auth"), "./AuthPage")).toBe(
            path.join(sdkSrc, "components/views/auth/AuthPage.tsx"),
        );
        expect(resolveFrom(path.join(root, "src"), "./routing")).toBe(path.join(root, "src/routing.ts"));
    });

    it("replaces relative imports inside the SDK, as the SDK's own files make them", () => {
        expect(resolveFrom(path.join(sdkSrc, "components/views/auth"), "./AuthFooter")).toBe(
            path.join(root, "src/seams/AuthFooter.tsx"),
        );
        expect(resolveFrom(path.join(sdkSrc, "components/views/user-onboarding"), "../../structures/HomePage")).toBe(
            path.join(root, "src/seams/HomePage.tsx"),
        );
    });
});
