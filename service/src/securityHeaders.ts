// The security headers of the web app the service serves, per tenant. The policy is built from the
// tenant's own config: the app may talk to its homeserver, identity server, config service and map
// tiles, and may be framed only by the origins in atrium.embedding.frame_ancestors ('self' if none).
// docs/security-headers.md explains every directive and why each allowance is there.
import { valueAt } from "../../contract/deepMerge.ts";
import type { ClientConfig } from "./layering.ts";

type Config = ClientConfig & Record<string, unknown>;

/** The origin of an http(s) URL, or undefined for anything else (a relative path, a bad value). */
export function originOf(url: unknown): string | undefined {
    if (typeof url !== "string") return undefined;
    try {
        const parsed = new URL(url);
        return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.origin : undefined;
    } catch {
        return undefined;
    }
}

const read = (config: Config, ...path: string[]): unknown => valueAt(config, path);

/** Origins the app fetches from: homeserver, identity server, config service, map style. */
export function connectOrigins(config: Config): string[] {
    const urls = [
        read(config, "default_server_config", "m.homeserver", "base_url"),
        read(config, "default_server_config", "m.identity_server", "base_url"),
        read(config, "default_hs_url"),
        read(config, "default_is_url"),
        read(config, "atrium", "config_service", "url"),
        read(config, "map_style_url"),
    ];
    return [...new Set(urls.map(originOf).filter((o): o is string => o !== undefined))];
}

/** Who may frame the app: the tenant's list, else only the app's own origin. */
export function frameAncestors(config: Config): string[] {
    const listed = read(config, "atrium", "embedding", "frame_ancestors");
    const origins = Array.isArray(listed) ? listed.filter((o): o is string => typeof o === "string" && o.length > 0) : [];
    return origins.length > 0 ? origins : ["'self'"];
}

export function contentSecurityPolicy(config: Config): string {
    const connect = connectOrigins(config);
    // A person may sign in to another homeserver unless the tenant forbids custom URLs; that server
    // (and its .well-known) is then any https origin.
    const anyServer = read(config, "disable_custom_urls") === true ? [] : ["https:"];
    const directives: [string, string[]][] = [
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
    return directives.map(([name, sources]) => `${name} ${[...new Set(sources)].join(" ")}`).join("; ");
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
