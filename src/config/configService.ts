// The client of the config service (`GET /v1/config`): where it is, one request with a short
// timeout, and what its answer means. Never throws: a failure is a FallbackReason saying why.
import { logger } from "matrix-js-sdk/src/logger";

import { checkConfig, checkConfigSection, ConfigProblem, describeConfigProblem } from "./configValidator";
import { isPlainObject, PlainObject } from "../../contract/deepMerge";

export const CONFIG_SERVICE_DEFAULTS = { timeoutMs: 3000, revalidateSeconds: 60 } as const;
/** Far above any real config; a larger answer is refused unread rather than parsed. */
export const MAX_CONFIG_CHARS = 512 * 1024;

export interface ConfigServiceSettings {
    /** Absolute http(s) URL of the service. */
    url: string;
    timeoutMs: number;
    revalidateSeconds: number;
}

/** Why the service's config is not the one in use. */
export type FallbackReason =
    | { kind: "timeout"; timeoutMs: number }
    | { kind: "network"; message: string }
    | { kind: "http"; status: number }
    | { kind: "not-json" }
    | { kind: "too-large"; size: number; max: number }
    | { kind: "error"; message: string }
    | ConfigProblem;

export type ServiceAnswer =
    | { kind: "config"; config: PlainObject; etag: string | null }
    | { kind: "not-modified" }
    | { kind: "failed"; reason: FallbackReason };

/** Reasons that mean the service answered, but with something unusable (the rest: it could not be reached). */
export function isInvalidAnswer(reason: FallbackReason): boolean {
    return ["not-json", "too-large", "not-object", "too-deep", "schema"].includes(reason.kind);
}

export function describeFallbackReason(reason: FallbackReason): string {
    switch (reason.kind) {
        case "timeout":
            return `no answer within ${reason.timeoutMs} ms`;
        case "network":
            return `network error: ${reason.message}`;
        case "http":
            return `HTTP ${reason.status}`;
        case "not-json":
            return "the answer is not JSON";
        case "too-large":
            return `the answer is too large (${reason.size} characters, at most ${reason.max})`;
        case "error":
            return `unexpected error: ${reason.message}`;
        default:
            return describeConfigProblem(reason);
    }
}

// RFC 9110 entity-tag. Anything else is not sent back: a malformed header value would make
// every later request throw before it leaves the browser.
const ENTITY_TAG = /^(W\/)?"[\x21\x23-\x7e\x80-\xff]*"$/;

export function entityTagOrNull(value: unknown): string | null {
    return typeof value === "string" && value.length <= 512 && ENTITY_TAG.test(value) ? value : null;
}

/**
 * Where the base config says the service is, with Atrium's defaults for what it leaves out; null
 * when it names no service or names it badly (logged). A relative URL is resolved against the
 * app's address; inside Element Desktop (vector://) only an absolute http(s) URL can work.
 */
export function configServiceSettings(
    base: PlainObject,
    appUrl: string = window.location.href,
): ConfigServiceSettings | null {
    const atrium = base.atrium;
    const section = isPlainObject(atrium) ? atrium.config_service : undefined;
    if (section === undefined) return null;
    const check = checkConfigSection(["atrium", "config_service"], section);
    if (!check.ok) {
        logger.error(
            `Atrium: ignoring atrium.config_service in the base config, ${describeConfigProblem(check.problem)}`,
        );
        return null;
    }
    const {
        url,
        timeout_ms: timeoutMs,
        revalidate_seconds: revalidateSeconds,
    } = section as {
        url?: string;
        timeout_ms?: number;
        revalidate_seconds?: number;
    };
    if (!url) return null;
    let resolved: URL;
    try {
        resolved = new URL(url, appUrl);
    } catch {
        logger.error(
            `Atrium: atrium.config_service.url ${JSON.stringify(url)} is not a URL here; not using the config service`,
        );
        return null;
    }
    if (resolved.protocol !== "https:" && resolved.protocol !== "http:") {
        logger.error(
            `Atrium: atrium.config_service.url resolves to ${resolved.protocol} here; it needs an absolute http(s) URL`,
        );
        return null;
    }
    return {
        url: resolved.href,
        timeoutMs: timeoutMs ?? CONFIG_SERVICE_DEFAULTS.timeoutMs,
        revalidateSeconds: revalidateSeconds ?? CONFIG_SERVICE_DEFAULTS.revalidateSeconds,
    };
}

/** A service config from its text: size, JSON, object, depth and the contract, in that order. */
export function readServiceConfig(
    text: string,
): { ok: true; config: PlainObject } | { ok: false; reason: FallbackReason } {
    if (text.length > MAX_CONFIG_CHARS)
        return { ok: false, reason: { kind: "too-large", size: text.length, max: MAX_CONFIG_CHARS } };
    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch {
        return { ok: false, reason: { kind: "not-json" } };
    }
    const check = checkConfig(parsed);
    return check.ok ? check : { ok: false, reason: check.problem };
}

class ConfigServiceTimeout extends Error {}

export interface FetchServiceConfigOptions {
    /** The ETag of the config in hand: a 304 then means it is still current. */
    etag?: string | null;
    fetch?: typeof fetch;
}

/** One request to the service, all of it (headers and body) within the settings' timeout. */
export async function fetchServiceConfig(
    settings: ConfigServiceSettings,
    { etag = null, fetch: fetchFn = (...args) => globalThis.fetch(...args) }: FetchServiceConfigOptions = {},
): Promise<ServiceAnswer> {
    const controller = new AbortController();
    const condition = entityTagOrNull(etag);
    const headers: Record<string, string> = { Accept: "application/json" };
    if (condition) headers["If-None-Match"] = condition;

    const exchange = async (): Promise<ServiceAnswer> => {
        const response = await fetchFn(settings.url, {
            headers,
            signal: controller.signal,
            // The ETag is ours to manage: the browser's cache must neither answer nor turn a 304 into a 200.
            cache: "no-store",
            credentials: "omit",
        });
        if (response.status === 304) {
            return condition ? { kind: "not-modified" } : { kind: "failed", reason: { kind: "http", status: 304 } };
        }
        if (!response.ok) return { kind: "failed", reason: { kind: "http", status: response.status } };
        const declaredLength = Number(response.headers.get("content-length"));
        if (declaredLength > MAX_CONFIG_CHARS) {
            controller.abort();
            return { kind: "failed", reason: { kind: "too-large", size: declaredLength, max: MAX_CONFIG_CHARS } };
        }
        const read = readServiceConfig(await response.text());
        if (!read.ok) return { kind: "failed", reason: read.reason };
        return { kind: "config", config: read.config, etag: entityTagOrNull(response.headers.get("etag")) };
    };

    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => {
            controller.abort();
            reject(new ConfigServiceTimeout());
        }, settings.timeoutMs);
    });
    try {
        // A fetch that ignores the abort signal still loses the race.
        return await Promise.race([exchange(), timeout]);
    } catch (error) {
        if (error instanceof ConfigServiceTimeout)
            return { kind: "failed", reason: { kind: "timeout", timeoutMs: settings.timeoutMs } };
        const message = error instanceof Error ? error.message || error.name : String(error);
        return { kind: "failed", reason: { kind: "network", message: message.slice(0, 300) } };
    } finally {
        clearTimeout(timer);
    }
}
