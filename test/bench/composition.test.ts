// The bench attributes minified code (and CPU profile samples) to sources through source maps: a
// hand-made map whose answer is known.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { charactersBySource, groupShares, sourceLocator, walkSegments } from "../../bench/composition.ts";

// Line 0 "abcdef": "abc" from source 0, "def" from source 1.
// Line 1 "ghij": "gh" from source 0, then a segment without a source from column 2 ("ij").
const CODE = "abcdef\nghij";
const MAPPINGS = "AAAA,GCAA;ADAA,E";
const SOURCES = ["webpack://atrium/./src/seams/Welcome.tsx", "webpack://atrium/./node_modules/react/index.js"];
const LINE_LENGTHS = [6, 4];

describe("source map attribution", () => {
    it("walks each segment's text up to the next segment or the line's end", () => {
        const seen: [number, number, number, number][] = [];
        walkSegments(MAPPINGS, LINE_LENGTHS, SOURCES.length, (...segment) => seen.push(segment));
        expect(seen).toEqual([
            [0, 0, 3, 0],
            [0, 3, 6, 1],
            [1, 0, 2, 0],
            [1, 2, 4, -1],
        ]);
    });

    it("counts characters per source, unmapped text in the last slot", () => {
        expect(Array.from(charactersBySource(MAPPINGS, LINE_LENGTHS, SOURCES.length))).toEqual([5, 3, 2]);
    });

    describe("from files on disk", () => {
        let dir: string;
        let file: string;
        beforeAll(() => {
            dir = mkdtempSync(path.join(os.tmpdir(), "atrium-composition-"));
            file = path.join(dir, "bundle.js");
            writeFileSync(file, CODE);
            writeFileSync(`${file}.map`, JSON.stringify({ version: 3, sources: SOURCES, mappings: MAPPINGS }));
        });
        afterAll(() => rmSync(dir, { recursive: true, force: true }));

        it("finds the source of a profiled position", async () => {
            const locate = (await sourceLocator(file))!;
            expect(locate(0, 0)).toBe(SOURCES[0]);
            expect(locate(0, 4)).toBe(SOURCES[1]);
            expect(locate(1, 1)).toBe(SOURCES[0]);
            expect(locate(1, 3)).toBeNull();
            expect(locate(7, 0)).toBeNull();
        });

        it("gives each kept group its code and that code's gzip size", async () => {
            const shares = await groupShares([file], (group) => group.startsWith("atrium "));
            expect(Object.keys(shares)).toEqual(["atrium src/seams"]);
            expect(shares["atrium src/seams"].chars).toBe(5);
            expect(shares["atrium src/seams"].gzip).toBeGreaterThan(5); // gzip's header and trailer alone
        });

        it("finds nothing without a source map", async () => {
            const bare = path.join(dir, "bare.js");
            writeFileSync(bare, CODE);
            expect(await sourceLocator(bare)).toBeNull();
        });
    });
});
