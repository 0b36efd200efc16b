// What a minified bundle is made of: its characters attributed to source packages through its
// source map (each mapping segment owns the generated text up to the next segment).
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const BASE64_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE64.length; i++) BASE64_VALUE[BASE64.charCodeAt(i)] = i;

/** Generated characters per source index; index -1 holds text no segment maps to a source. */
export function charactersBySource(mappings: string, lineLengths: number[], sourceCount: number): Float64Array {
    // Slot sourceCount is the "unmapped" bucket.
    const totals = new Float64Array(sourceCount + 1);
    const unmapped = sourceCount;
    let line = 0;
    let source = 0; // source indexes are deltas across the whole mappings string
    let segmentColumn = 0; // generated column of the current segment
    let segmentSource = unmapped;
    let column = 0; // generated column, a delta within one line
    const fields = [0, 0, 0, 0, 0];
    let fieldCount = 0;
    let value = 0;
    let shift = 0;

    const closeSegment = (): void => {
        if (fieldCount === 0) return;
        column += fields[0];
        totals[segmentSource] += column - segmentColumn;
        segmentColumn = column;
        if (fieldCount >= 4) {
            source += fields[1];
            segmentSource = source >= 0 && source < sourceCount ? source : unmapped;
        } else {
            segmentSource = unmapped;
        }
        fieldCount = 0;
    };
    const closeLine = (): void => {
        closeSegment();
        totals[segmentSource] += Math.max((lineLengths[line] ?? column) - segmentColumn, 0);
        line += 1;
        column = 0;
        segmentColumn = 0;
        segmentSource = unmapped;
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
    for (; line < lineLengths.length; line++) totals[unmapped] += lineLengths[line];
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
    const mapFile = `${jsFile}.map`;
    if (!existsSync(mapFile)) return null;
    const [code, mapText] = await Promise.all([readFile(jsFile, "utf8"), readFile(mapFile, "utf8")]);
    const map = JSON.parse(mapText) as { sources: string[]; mappings: string };
    const lineLengths = code.split("\n").map((l) => l.length);
    const totals = charactersBySource(map.mappings, lineLengths, map.sources.length);
    const groups: Record<string, number> = {};
    totals.forEach((chars, index) => {
        if (chars === 0) return;
        const group = index < map.sources.length ? sourceGroup(map.sources[index]) : "(unmapped)";
        groups[group] = (groups[group] ?? 0) + chars;
    });
    return groups;
}
