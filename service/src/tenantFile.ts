// Reading one file of the tenants directory: parse (YAML or JSON), check that it holds plain JSON
// data, validate it against the contract, and layer a tenant onto the defaults. Pure functions over
// the file's text: they never throw, they answer either a result or the problems that refused it.
import { isNode, parseAllDocuments, visit, type Document, type Node } from "yaml";

import { checkClientConfig, checkDefaultsFile, checkTenantFile, type Problem } from "./contract.ts";
import { layerConfig, type ClientConfig } from "./layering.ts";
import { hostOriginProblems } from "./embeddingHosts.ts";
import { headerValueProblems } from "./securityHeaders.ts";

export const TENANT_FILE_EXTENSIONS = [".yaml", ".yml", ".json"] as const;
export const DEFAULTS_NAME = "_defaults";
/** Lower-case letters, digits, `-` and `_`, starting with a letter or digit: also the `?tenant=` value. */
export const TENANT_NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/;
export const MAX_FILE_BYTES = 1024 * 1024;
/** The web app refuses a config over 512 KiB; the service refuses to load one rather than serve it. */
export const MAX_SERVED_BYTES = 512 * 1024;
/** YAML aliases may repeat a node, but the file read as if every alias were written out stays this small. */
const MAX_EXPANDED_BYTES = MAX_FILE_BYTES;
export const MAX_ALIASES = 100;
/** Deeper than any real config; keeps recursion (merging, validation) far from the stack's limit. */
export const MAX_DEPTH = 32;

export interface Tenant {
    name: string;
    file: string;
    hosts: string[];
    webOrigins: string[];
    /** The client config as served: defaults and tenant layered, validated. */
    config: ClientConfig;
    /** Server-only settings (the file's `server`, e.g. the directory's LDAP credentials): never served. */
    server?: Record<string, unknown>;
    /** The exact bytes served for it (JSON, 2-space indent, final newline). */
    body: string;
}

/** The served text of a config: what /v1/config answers and its ETag hashes. */
export function servedBody(config: ClientConfig): string {
    return `${JSON.stringify(config, null, 2)}\n`;
}

export type Loaded<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

const refuse = <T>(problems: Problem[]): Loaded<T> => ({ ok: false, problems });

function escapePointer(key: string): string {
    return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Where a value is not plain JSON data (a YAML binary, an infinite number, too deep), or null. */
function nonJson(value: unknown, path: string, depth: number): { path: string; message: string } | null {
    if (depth > MAX_DEPTH) return { path, message: `is nested more than ${MAX_DEPTH} levels deep` };
    if (value === null || typeof value === "string" || typeof value === "boolean") return null;
    if (typeof value === "number")
        return Number.isFinite(value) ? null : { path, message: `must be a finite number, not ${value}` };
    if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
            const found = nonJson(value[i], `${path}/${i}`, depth + 1);
            if (found) return found;
        }
        return null;
    }
    if (typeof value === "object") {
        const proto = Object.getPrototypeOf(value);
        if (proto !== Object.prototype && proto !== null) {
            return { path, message: "must be plain data (a mapping, list, string, number, boolean or null)" };
        }
        for (const [key, child] of Object.entries(value)) {
            const found = nonJson(child, `${path}/${escapePointer(key)}`, depth + 1);
            if (found) return found;
        }
        return null;
    }
    return { path, message: `must be plain data, not a ${typeof value}` };
}

/**
 * How many characters the document would have with every alias written out: each alias counts as
 * the source text of the node it names (itself expanded). Linear in the document, computed before
 * any alias is expanded, so a file of aliases to a large node is refused without building it.
 */
export function expandedLength(doc: Document): number {
    const memo = new Map<Node, number>();
    const span = (node: { range?: [number, number, number] | null }): number =>
        node.range ? node.range[2] - node.range[0] : 0;
    const sizeOf = (node: Node): number => {
        const known = memo.get(node);
        if (known !== undefined) return known;
        memo.set(node, span(node)); // an alias inside its own anchor counts once
        let size = span(node);
        visit(node, {
            Alias(_key, alias) {
                const target = alias.resolve(doc);
                if (target) size += sizeOf(target) - span(alias);
            },
        });
        memo.set(node, size);
        return size;
    };
    return isNode(doc.contents) ? sizeOf(doc.contents) : 0;
}

/**
 * The deepest nesting of YAML flow collections (`[` and `{`) in a text, outside quoted strings and
 * comments. The YAML parser spends seconds on a megabyte of `[[[[`; this scan is linear and cheap,
 * so such a file is refused before it is parsed. Brackets inside plain scalars count too: a file
 * would need more than MAX_DEPTH unbalanced ones to be refused for them.
 */
export function flowDepth(text: string): number {
    let depth = 0;
    let deepest = 0;
    let quote: string | null = null;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quote === "'") {
            if (c === "'") quote = null; // '' (an escaped quote) closes and reopens: same outcome
        } else if (quote === '"') {
            if (c === "\\") i++;
            else if (c === '"') quote = null;
        } else if (c === "'" || c === '"') {
            quote = c;
        } else if (c === "#" && (i === 0 || /\s/.test(text[i - 1]))) {
            const end = text.indexOf("\n", i);
            i = end === -1 ? text.length : end;
        } else if (c === "[" || c === "{") {
            depth++;
            if (depth > deepest) deepest = depth;
        } else if ((c === "]" || c === "}") && depth > 0) {
            depth--;
        }
    }
    return deepest;
}

function jsonSyntaxProblem(file: string, text: string, error: unknown): Problem {
    const detail = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(detail);
    if (position && !/line \d+/.test(detail)) {
        const before = text.slice(0, Number(position[1]));
        const line = before.split("\n").length;
        const column = before.length - before.lastIndexOf("\n");
        return { file, path: "", message: `JSON syntax error at line ${line}, column ${column}: ${detail}` };
    }
    return { file, path: "", message: `JSON syntax error: ${detail}` };
}

/** The file's data, by its extension: `.json` as JSON, `.yaml`/`.yml` as YAML 1.2 (core schema). */
export function parseFileText(file: string, text: string): Loaded<unknown> {
    if (Buffer.byteLength(text, "utf8") > MAX_FILE_BYTES) {
        return refuse([{ file, path: "", message: `is larger than ${MAX_FILE_BYTES} bytes` }]);
    }
    let data: unknown;
    if (file.endsWith(".json")) {
        try {
            data = JSON.parse(text.replace(/^\uFEFF/, "")); // editors on Windows may save a BOM
        } catch (error) {
            return refuse([jsonSyntaxProblem(file, text, error)]);
        }
    } else {
        if (flowDepth(text) > MAX_DEPTH) {
            return refuse([{ file, path: "", message: `is nested more than ${MAX_DEPTH} levels deep` }]);
        }
        try {
            const docs = parseAllDocuments(text, {
                uniqueKeys: true,
                prettyErrors: true,
                strict: true,
                logLevel: "silent",
            });
            if (!Array.isArray(docs) || docs.length === 0) {
                return refuse([{ file, path: "", message: "is empty: expected a mapping with a config key" }]);
            }
            if (docs.length > 1) {
                return refuse([
                    { file, path: "", message: `holds ${docs.length} YAML documents (separated by ---); keep one` },
                ]);
            }
            const doc = docs[0];
            // Later errors are mostly echoes of the first one.
            const issues = [...doc.errors, ...doc.warnings];
            if (issues.length) {
                const first = issues[0];
                const more = issues.length > 1 ? ` (+${issues.length - 1} more)` : "";
                const kind = first.name === "YAMLWarning" ? "problem" : "syntax error";
                return refuse([
                    {
                        file,
                        path: "",
                        message: `YAML ${kind} (${first.code}): ${first.message.split("\n")[0].replace(/:$/, "")}${more}`,
                    },
                ]);
            }
            const expanded = expandedLength(doc);
            if (expanded > MAX_EXPANDED_BYTES) {
                return refuse([
                    {
                        file,
                        path: "",
                        message: `its aliases expand it to about ${expanded} bytes; at most ${MAX_EXPANDED_BYTES} are read`,
                    },
                ]);
            }
            data = doc.toJS({ maxAliasCount: MAX_ALIASES });
        } catch (error) {
            // Alias bombs, pathological nesting: the parser gives up, so do we.
            return refuse([
                {
                    file,
                    path: "",
                    message: `YAML could not be read: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
                },
            ]);
        }
    }
    const found = nonJson(data, "", 0);
    if (found) return refuse([{ file, ...found }]);
    return { ok: true, value: data };
}

/** Values the schema cannot judge alone: what reaches a header, and the exact origins of host pages. */
function unsafeValues(config: ClientConfig, file: string): Problem[] {
    return [...headerValueProblems(config), ...hostOriginProblems(config)].map((p) => ({
        file,
        path: `/config${p.path}`,
        message: p.message,
    }));
}

function hostOriginProblemsIn(config: ClientConfig, file: string): Problem[] {
    return hostOriginProblems(config).map((p) => ({ file, path: `/config${p.path}`, message: p.message }));
}

/** `_defaults.yaml`: its config, valid on its own. */
export function loadDefaultsFile(file: string, text: string): Loaded<ClientConfig> {
    const parsed = parseFileText(file, text);
    if (!parsed.ok) return parsed;
    const problems = checkDefaultsFile(parsed.value, file);
    if (problems.length) return refuse(problems);
    const config = (parsed.value as { config: ClientConfig }).config;
    const unsafe = unsafeValues(config, file);
    if (unsafe.length) return refuse(unsafe);
    return { ok: true, value: config };
}

interface TenantFileData {
    hosts?: string[];
    web_origins?: string[];
    config: ClientConfig;
    server?: Record<string, unknown>;
}

/**
 * A refused tenant file, with the hosts it meant to serve when they can be made out: requests for
 * them then get "this tenant's config is invalid" rather than "no such host".
 */
export type LoadedTenant = { ok: true; value: Tenant } | { ok: false; problems: Problem[]; intendedHosts: string[] };

/**
 * A tenant file, parsed once: its envelope valid, its config layered onto `defaults` valid as a
 * client config, safe in the headers built from it, and small enough to serve.
 */
export function loadTenantFile(name: string, file: string, text: string, defaults: ClientConfig): LoadedTenant {
    const parsed = parseFileText(file, text);
    if (!parsed.ok) return { ...parsed, intendedHosts: [] };
    const refused = (problems: Problem[]): LoadedTenant => ({
        ok: false,
        problems,
        intendedHosts: hostsNamedIn(parsed.value),
    });
    const envelopeProblems = checkTenantFile(parsed.value, file);
    if (envelopeProblems.length) return refused(envelopeProblems);
    const data = parsed.value as TenantFileData;
    const config = layerConfig(defaults, data.config);
    const configProblems = checkClientConfig(config, file, "/config");
    // The schema's pattern refuses a wildcard host origin too; the service's own words say why.
    if (configProblems.length) return refused([...configProblems, ...hostOriginProblemsIn(config, file)]);
    const unsafe = unsafeValues(config, file);
    if (unsafe.length) return refused(unsafe);
    const body = servedBody(config);
    const bytes = Buffer.byteLength(body, "utf8");
    if (bytes > MAX_SERVED_BYTES) {
        return refused([
            {
                file,
                path: "/config",
                message: `the served config would be ${bytes} bytes; at most ${MAX_SERVED_BYTES}`,
            },
        ]);
    }
    return {
        ok: true,
        value: {
            name,
            file,
            hosts: data.hosts ?? [],
            webOrigins: data.web_origins ?? [],
            config,
            body,
            ...(data.server ? { server: data.server } : {}),
        },
    };
}

/** The lower-cased strings of a parsed file's `hosts` list, whatever else is wrong with it. */
export function hostsNamedIn(value: unknown): string[] {
    if (typeof value !== "object" || value === null) return [];
    const hosts = (value as { hosts?: unknown }).hosts;
    if (!Array.isArray(hosts)) return [];
    return hosts.filter((host): host is string => typeof host === "string").map((host) => host.toLowerCase());
}
