// What a minified bundle is made of: its characters attributed to source packages through its
// source map (each mapping segment owns the generated text up to the next segment).
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const BASE64_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE64.length; i++) BASE64_VALUE[BASE64.charCodeAt(i)] = i;

/** One stretch of generated text on one line, owned by a source (index -1: no source). */
export type SegmentVisitor = (line: number, startColumn: number, endColumn: number, source: number) => void;

/**
 * Walks a source map's mappings: each segment owns the generated text up to the next segment on its
 * line (or the line's end); text before a line's first segment and after the last line belongs to
 * no source.
 */
export function walkSegments(
    mappings: string,
    lineLengths: number[],
    sourceCount: number,
    visit: SegmentVisitor,
): void {
    let line = 0;
    let source = 0; // source indexes are deltas across the whole mappings string
    let segmentColumn = 0; // generated column of the current segment
    let segmentSource = -1;
    let column = 0; // generated column, a delta within one line
    const fields = [0, 0, 0, 0, 0];
    let fieldCount = 0;
    let value = 0;
    let shift = 0;

    const emit = (endColumn: number): void => {
        if (endColumn > segmentColumn) visit(line, segmentColumn, endColumn, segmentSource);
    };
    const closeSegment = (): void => {
        if (fieldCount === 0) return;
        column += fields[0];
        emit(column);
        segmentColumn = column;
        if (fieldCount >= 4) {
            source += fields[1];
            segmentSource = source >= 0 && source < sourceCount ? source : -1;
        } else {
            segmentSource = -1;
        }
        fieldCount = 0;
    };
    const closeLine = (): void => {
        closeSegment();
        emit(lineLengths[line] ?? column);
        line += 1;
        column = 0;
        segmentColumn = 0;
        segmentSource = -1;
    };

    for (let i = 0; i < mappings.length; i++) {
        const code = mappings.charCodeAt(i);
        if (code === 44 /* , */) {
            closeSegment();
            continue;
        }
        if (code === 59 /* ; */) {
            closeLine();
            continue;
        }
        const digit = code < 128 ? BASE64_VALUE[code] : -1;
        if (digit < 0) throw new Error(`bad character ${JSON.stringify(mappings[i])} in source map mappings`);
        value += (digit & 31) << shift;
        if (digit & 32) {
            shift += 5;
            continue;
        }
        const decoded = value & 1 ? -(value >>> 1) : value >>> 1;
        if (fieldCount < fields.length) fields[fieldCount] = decoded;
        fieldCount += 1;
        value = 0;
        shift = 0;
    }
    closeLine();
    // Lines after the last ";" hold no mappings.
    for (; line < lineLengths.length; line++) if (lineLengths[line] > 0) visit(line, 0, lineLengths[line], -1);
}

/** Generated characters per source index; the last slot (index sourceCount) holds unmapped text. */
export function charactersBySource(mappings: string, lineLengths: number[], sourceCount: number): Float64Array {
    const totals = new Float64Array(sourceCount + 1);
    walkSegments(mappings, lineLengths, sourceCount, (_line, start, end, source) => {
        totals[source < 0 ? sourceCount : source] += end - start;
    });
    return totals;
}

/**
 * A short name for where a source comes from: the npm package (matrix-react-sdk, @scope/name),
 * Atrium's own top folders (atrium src/brand, atrium modules/x), or the webpack runtime.
 */
export function sourceGroup(source: string): string {
    const relative = source.replace(/^webpack:\/\/[^/]*\//, "").replace(/^\.\//, "");
    const nodeModules = relative.lastIndexOf("node_modules/");
    if (nodeModules >= 0) {
        const parts = relative.slice(nodeModules + "node_modules/".length).split("/");
        return parts[0].startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0];
    }
    if (relative.startsWith("webpack/")) return "(webpack runtime)";
    const parts = relative.split("/");
    if (parts[0] === "src" || parts[0] === "modules") return `atrium ${parts.slice(0, 2).join("/")}`;
    return `(other) ${parts[0]}`;
}

/** Characters of `jsFile` per source group (from `jsFile.map`), or null when there is no map. */
export async function bundleComposition(jsFile: string): Promise<Record<string, number> | null> {
    const file = await readWithMap(jsFile);
    if (!file) return null;
    const totals = charactersBySource(
        file.map.mappings,
        file.lines.map((l) => l.length),
        file.map.sources.length,
    );
    const groups: Record<string, number> = {};
    totals.forEach((chars, index) => {
        if (chars === 0) return;
        const group = index < file.map.sources.length ? sourceGroup(file.map.sources[index]) : "(unmapped)";
        groups[group] = (groups[group] ?? 0) + chars;
    });
    return groups;
}

interface SourceMapFile {
    lines: string[];
    map: { sources: string[]; mappings: string };
}

async function readWithMap(jsFile: string): Promise<SourceMapFile | null> {
    const mapFile = `${jsFile}.map`;
    if (!existsSync(mapFile)) return null;
    const [code, mapText] = await Promise.all([readFile(jsFile, "utf8"), readFile(mapFile, "utf8")]);
    return { lines: code.split("\n"), map: JSON.parse(mapText) as SourceMapFile["map"] };
}

export interface GroupShare {
    /** Minified characters of the group's code in these files. */
    chars: number;
    /** gzip -9 of that code alone. Inside a bundle it shares gzip's window with its neighbours, so
     * this is an estimate of what the group adds, usually a little above the real difference. */
    gzip: number;
}

/** What each source group (see sourceGroup) takes of `jsFiles`, minified and gzipped on its own. */
export async function groupShares(
    jsFiles: string[],
    keep: (group: string) => boolean,
): Promise<Record<string, GroupShare>> {
    const pieces = new Map<string, string[]>();
    for (const jsFile of jsFiles) {
        const file = await readWithMap(jsFile);
        if (!file) continue;
        const groups = file.map.sources.map(sourceGroup);
        walkSegments(
            file.map.mappings,
            file.lines.map((l) => l.length),
            file.map.sources.length,
            (line, start, end, source) => {
                const group = source < 0 ? "(unmapped)" : groups[source];
                if (!keep(group)) return;
                const list = pieces.get(group) ?? [];
                list.push(file.lines[line].slice(start, end));
                pieces.set(group, list);
            },
        );
    }
    const shares: Record<string, GroupShare> = {};
    for (const [group, list] of pieces) {
        const text = list.join("");
        shares[group] = { chars: text.length, gzip: gzipSync(text, { level: 9 }).length };
    }
    return shares;
}

/**
 * Finds the source of a position in a minified file, for attributing CPU profiles: `locate(line,
 * column)` (both 0-based, as the DevTools protocol gives them) returns the source's path or null.
 */
export async function sourceLocator(jsFile: string): Promise<((line: number, column: number) => string | null) | null> {
    const file = await readWithMap(jsFile);
    if (!file) return null;
    const starts: number[][] = file.lines.map(() => []);
    const sources: number[][] = file.lines.map(() => []);
    walkSegments(
        file.map.mappings,
        file.lines.map((l) => l.length),
        file.map.sources.length,
        (line, start, _end, source) => {
            starts[line].push(start);
            sources[line].push(source);
        },
    );
    return (line, column) => {
        const lineStarts = starts[line];
        if (!lineStarts || lineStarts.length === 0) return null;
        // The last segment starting at or before the column.
        let low = 0;
        let high = lineStarts.length - 1;
        while (low < high) {
            const mid = (low + high + 1) >> 1;
            if (lineStarts[mid] <= column) low = mid;
            else high = mid - 1;
        }
        if (lineStarts[low] > column) return null;
        const source = sources[line][low];
        return source < 0 ? null : file.map.sources[source];
    };
}
