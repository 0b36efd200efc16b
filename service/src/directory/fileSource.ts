// Reads people from an HR export: JSON (an array of objects, or `{ "people": [...] }`) or CSV with a
// header row (RFC 4180 quoting). Column names are matched case-insensitively.
import { readFile } from "node:fs/promises";

import type { RawEntry } from "./person.ts";
import type { FileSourceSettings } from "./settings.ts";

/** Fields of a CSV text, one array per row; quoted fields may hold commas, quotes ("") and newlines. */
export function parseCsv(text: string): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let value = "";
    let quoted = false;
    const input = text.replace(/^\uFEFF/, "");
    for (let i = 0; i < input.length; i++) {
        const char = input[i];
        if (quoted) {
            if (char === '"' && input[i + 1] === '"') {
                value += '"';
                i++;
            } else if (char === '"') quoted = false;
            else value += char;
        } else if (char === '"' && value === "") quoted = true;
        else if (char === ",") {
            row.push(value);
            value = "";
        } else if (char === "\n" || char === "\r") {
            if (char === "\r" && input[i + 1] === "\n") i++;
            row.push(value);
            value = "";
            if (row.some((cell) => cell !== "")) rows.push(row);
            row = [];
        } else value += char;
    }
    if (quoted) throw new Error("CSV ends inside a quoted field");
    row.push(value);
    if (row.some((cell) => cell !== "")) rows.push(row);
    return rows;
}

function fromObject(record: unknown, index: number): RawEntry {
    if (typeof record !== "object" || record === null || Array.isArray(record)) {
        throw new Error(`entry ${index + 1} is not an object`);
    }
    const entry: RawEntry = new Map();
    for (const [key, value] of Object.entries(record)) {
        if (typeof value === "string" || typeof value === "number") entry.set(key.toLowerCase(), String(value));
    }
    return entry;
}

export async function readExportFile(source: FileSourceSettings): Promise<RawEntry[]> {
    const text = await readFile(source.path, "utf8");
    if (source.path.endsWith(".json")) {
        let data: unknown;
        try {
            data = JSON.parse(text.replace(/^\uFEFF/, ""));
        } catch (error) {
            throw new Error(`${source.path} is not valid JSON: ${(error as Error).message}`);
        }
        const list = Array.isArray(data) ? data : (data as { people?: unknown } | null)?.people;
        if (!Array.isArray(list)) throw new Error(`${source.path}: expected an array of people or { "people": [...] }`);
        return list.map(fromObject);
    }
    const [header, ...rows] = parseCsv(text);
    if (!header) return [];
    const columns = header.map((name) => name.trim().toLowerCase());
    return rows.map((cells) => new Map(columns.map((column, i) => [column, cells[i] ?? ""] as [string, string])));
}
