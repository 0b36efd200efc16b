// Sizes of built files: raw bytes and gzip bytes (node:zlib, level 9), read from disk.
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { constants, gzipSync } from "node:zlib";

export interface FileSize {
    raw: number;
    gzip: number;
}

export interface SizeTotals {
    files: number;
    raw: number;
    gzip: number;
}

export interface OutputDirSizes {
    /** Every file except source maps. */
    assets: SizeTotals;
    /** The same files split by kind (js, css, fonts, images, i18n, media, other). */
    byKind: Record<string, SizeTotals>;
    /** Source maps (*.map), which browsers fetch only with dev tools open. */
    maps: SizeTotals;
}

// Keyed by absolute path + mtime + size, so a rebuilt file is measured again.
const sizeCache = new Map<string, FileSize>();

/** Raw and gzip -9 size of one file on disk. */
export async function fileSize(file: string): Promise<FileSize> {
    const info = await stat(file);
    const key = `${file}\0${info.mtimeMs}\0${info.size}`;
    const cached = sizeCache.get(key);
    if (cached) return cached;
    const data = await readFile(file);
    const size = { raw: data.length, gzip: gzipSync(data, { level: constants.Z_BEST_COMPRESSION }).length };
    sizeCache.set(key, size);
    return size;
}

export function emptyTotals(): SizeTotals {
    return { files: 0, raw: 0, gzip: 0 };
}

export function addTo(totals: SizeTotals, size: FileSize): void {
    totals.files += 1;
    totals.raw += size.raw;
    totals.gzip += size.gzip;
}

async function listFiles(dir: string): Promise<string[]> {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries
        .filter((e) => e.isFile())
        .map((e) => path.join(e.parentPath, e.name))
        .sort();
}

function kindOf(relative: string): string {
    const ext = path.extname(relative).toLowerCase();
    if (ext === ".js" || ext === ".mjs") return "js";
    if (ext === ".css") return "css";
    if ([".woff", ".woff2", ".ttf", ".otf", ".eot"].includes(ext)) return "fonts";
    if ([".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".avif"].includes(ext)) return "images";
    if ([".mp3", ".ogg", ".wav", ".m4a", ".webm"].includes(ext)) return "media";
    if (relative.split(path.sep)[0] === "i18n") return "i18n";
    return "other";
}

/** Totals over a build's output dir; source maps are counted apart from everything else. */
export async function measureOutputDir(dir: string): Promise<OutputDirSizes> {
    const result: OutputDirSizes = { assets: emptyTotals(), byKind: {}, maps: emptyTotals() };
    for (const file of await listFiles(dir)) {
        const size = await fileSize(file);
        if (file.endsWith(".map")) {
            addTo(result.maps, size);
        } else {
            addTo(result.assets, size);
            const kind = kindOf(path.relative(dir, file));
            addTo((result.byKind[kind] ??= emptyTotals()), size);
        }
        // gzipSync blocks; let timers and child-process events (Synapse starting) through between files.
        await yieldToEventLoop();
    }
    return result;
}
