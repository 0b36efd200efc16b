// The security headers of the web app the service serves, per tenant. The policy is built from the
// tenant's own config: the app may talk to its homeserver, identity server, config service and map
// tiles, and may be framed only by the origins in atrium.embedding.frame_ancestors ('self' if none).
// Every value that reaches a header is parsed and checked against a strict grammar first: the URL
// parser accepts `;`, `,` and quotes in a host, and any of them would add directives to the policy.
// docs/security-headers.md explains every directive and why each allowance is there.
import { valueAt } from "../../contract/deepMerge.ts";
import type { ClientConfig } from "./layering.ts";

type Config = ClientConfig & Record<string, unknown>;

/** An origin fit for a header: http(s), a host of letters, digits, dots and hyphens or an IPv6 literal, a port. */
export const SAFE_ORIGIN =
    /^https?:\/\/(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]{2,45}\])(?::[0-9]{1,5})?$/;

/** A frame-ancestors source: 'self', or an origin whose host may start with `*.` before at least two labels. */
export const SAFE_ANCESTOR =
    /^(?:'self'|https?:\/\/(?:\*\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+|[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*|\[[0-9a-fA-F:.]{2,45}\])(?::[0-9]{1,5})?)$/;

/** The origin of an http(s) URL when it is safe to put in a header; undefined for anything else. */
export function originOf(url: unknown): string | undefined {
    if (typeof url !== "string") return undefined;
    let parsed: URL;
    try {
        parsed = new URL(url);
    } catch {
        return undefined;
    }
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return undefined;
    return SAFE_ORIGIN.test(parsed.origin) ? parsed.origin : undefined;
}

const read = (config: Config, ...path: string[]): unknown => valueAt(config, path);

/** Where the URLs the app fetches from sit in the config, as JSON Pointers (for problems and tests). */
export const CONNECT_URL_PATHS: readonly (readonly string[])[] = [
    ["default_server_config", "m.homeserver", "base_url"],
    ["default_server_config", "m.identity_server", "base_url"],
    ["default_hs_url"],
    ["default_is_url"],
    ["atrium", "config_service", "url"],
    ["map_style_url"],
];

/** Origins the app fetches from: homeserver, identity server, config service, map style. */
export function connectOrigins(config: Config): string[] {
    const origins = CONNECT_URL_PATHS.map((path) => originOf(read(config, ...path)));
    return [...new Set(origins.filter((o): o is string => o !== undefined))];
}

/** Who may frame the app: the tenant's list (well-formed entries only), else only the app's own origin. */
export function frameAncestors(config: Config): string[] {
    const listed = read(config, "atrium", "embedding", "frame_ancestors");
    const origins = Array.isArray(listed)
        ? listed.filter((o): o is string => typeof o === "string" && SAFE_ANCESTOR.test(o))
        : [];
    return origins.length > 0 ? origins : ["'self'"];
}

/** The policy's directives, in order, each with its sources. */
export function cspDirectives(config: Config): [string, string[]][] {
    const connect = connectOrigins(config);
    // A person may sign in to another homeserver unless the tenant forbids custom URLs; that server
    // (and its .well-known) is then any https origin.
    const anyServer = read(config, "disable_custom_urls") === true ? [] : ["https:"];
    return [
        ["default-src", ["'self'"]],
        // No inline script. The crypto WASM is compiled in the page: that needs 'wasm-unsafe-eval'.
        ["script-src", ["'self'", "'wasm-unsafe-eval'"]],
        // The SDK and its libraries set style attributes at run time (positions, sizes, colours).
        ["style-src", ["'self'", "'unsafe-inline'"]],
        // Avatars, thumbnails and media come from the homeserver; link previews and widgets' icons
        // from anywhere on https. An image cannot run script.
        ["img-src", ["'self'", "data:", "blob:", ...connect, "https:"]],
        ["media-src", ["'self'", "data:", "blob:", ...connect, "https:"]],
        ["font-src", ["'self'", "data:"]],
        ["connect-src", ["'self'", ...connect, ...anyServer]],
        ["worker-src", ["'self'", "blob:"]],
        // Widgets and calls are iframes from wherever a room admin points them; downloads use blob:.
        ["frame-src", ["'self'", "blob:", "https:"]],
        ["manifest-src", ["'self'"]],
        ["object-src", ["'none'"]],
        ["base-uri", ["'self'"]],
        ["form-action", ["'self'"]],
        ["frame-ancestors", frameAncestors(config)],
    ];
}

export function contentSecurityPolicy(config: Config): string {
    return cspDirectives(config)
        .map(([name, sources]) => `${name} ${[...new Set(sources)].join(" ")}`)
        .join("; ");
}

/** The directive names of a policy as a browser would split it (`;`-separated, first word of each). */
export function directiveNames(policy: string): string[] {
    return policy
        .split(";")
        .map((part) => part.trim().split(/\s+/)[0])
        .filter((name) => name !== "");
}

/** Calls and location sharing need the camera, microphone, screen and location of the app itself. */
export const PERMISSIONS_POLICY = [
    "camera=(self)",
    "microphone=(self)",
    "display-capture=(self)",
    "geolocation=(self)",
    "fullscreen=(self)",
    "clipboard-write=(self)",
    "payment=()",
    "usb=()",
    "serial=()",
    "bluetooth=()",
    "midi=()",
    "magnetometer=()",
    "gyroscope=()",
    "accelerometer=()",
    "interest-cohort=()",
].join(", ");

export function securityHeaders(config: Config): Record<string, string> {
    return {
        "Content-Security-Policy": contentSecurityPolicy(config),
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Permissions-Policy": PERMISSIONS_POLICY,
        "X-Content-Type-Options": "nosniff",
    };
}

/** For a host no tenant serves: nothing may run and nobody may frame the answer. */
export const FALLBACK_SECURITY_HEADERS: Record<string, string> = {
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
};

/** A value that would reach a header but is not safe there: where (a JSON Pointer) and why. */
export interface HeaderValueProblem {
    path: string;
    message: string;
}

const HTTP_URL_START = /^https?:\/\//i;

/**
 * The second line behind the schema's patterns: every URL the policy is built from yields a safe
 * origin and every frame-ancestors entry is well formed. A config failing this is refused, never
 * served with a weakened header (the policy builder drops such values too).
 */
export function headerValueProblems(config: Config): HeaderValueProblem[] {
    const problems: HeaderValueProblem[] = [];
    for (const path of CONNECT_URL_PATHS) {
        const value = read(config, ...path);
        if (typeof value === "string" && HTTP_URL_START.test(value) && originOf(value) === undefined) {
            problems.push({
                path: `/${path.join("/")}`, // plain keys: nothing to escape
                message:
                    "is not usable in the Content-Security-Policy: the host must be letters, digits, dots and hyphens (or an IP literal), with an optional port",
            });
        }
    }
    const listed = read(config, "atrium", "embedding", "frame_ancestors");
    if (Array.isArray(listed)) {
        listed.forEach((entry, index) => {
            if (typeof entry !== "string" || !SAFE_ANCESTOR.test(entry)) {
                problems.push({
                    path: `/atrium/embedding/frame_ancestors/${index}`,
                    message: "must be 'self' or an origin (http(s)://host[:port], the host may start with *.)",
                });
            }
        });
    }
    return problems;
}

/** The directive names of the policy of an empty config: every tenant's policy must have exactly these. */
export const DEFAULT_DIRECTIVE_NAMES: readonly string[] = directiveNames(contentSecurityPolicy({}));
