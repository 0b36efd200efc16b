// The host pages allowed to talk to an embedded Atrium (atrium.embedding.host_origins). Each entry
// is compared with a message's `event.origin` and used as the target of Atrium's own messages, so
// it must be one exact origin as a browser serializes it: a wildcard can never be a postMessage
// target. The schema's pattern refuses the same values; this is the service's second line, with a
// message that says why.
import { valueAt } from "../../contract/deepMerge.ts";
import { SAFE_ORIGIN } from "./securityHeaders.ts";
import type { HeaderValueProblem } from "./securityHeaders.ts";

/** Why an entry is not an exact origin; undefined when it is one. */
export function hostOriginProblem(entry: unknown): string | undefined {
    if (typeof entry !== "string") return "must be a string: an exact origin such as https://wiki.example.com";
    if (entry.includes("*")) {
        return "is a wildcard: host_origins takes exact origins only (a postMessage target is always one origin); list each host page's origin";
    }
    let parsed: URL;
    try {
        parsed = new URL(entry);
    } catch {
        return "is not an origin: write it as http(s)://host[:port]";
    }
    if (parsed.origin !== entry || !SAFE_ORIGIN.test(entry)) {
        return "must be an exact origin as browsers report it: http(s)://host[:port] in lower case, no path, no trailing slash";
    }
    return undefined;
}

/** Every entry of atrium.embedding.host_origins that is not an exact origin, with where and why. */
export function hostOriginProblems(config: Record<string, unknown>): HeaderValueProblem[] {
    const listed = valueAt(config, ["atrium", "embedding", "host_origins"]);
    if (!Array.isArray(listed)) return [];
    return listed.flatMap((entry, index) => {
        const message = hostOriginProblem(entry);
        return message ? [{ path: `/atrium/embedding/host_origins/${index}`, message }] : [];
    });
}
