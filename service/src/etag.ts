// Strong entity tags: a hash of the exact bytes sent, so equal bodies always share a tag and any
// change of content or serialisation gives a new one.
import { createHash } from "node:crypto";

export function strongEtag(body: string | Buffer): string {
    return `"${createHash("sha256").update(body).digest("base64url")}"`;
}

/**
 * Whether a request's If-None-Match header matches `etag` (RFC 9110 §13.1.2: `*` or any listed
 * tag, compared weakly, so `W/"x"` matches `"x"`).
 */
export function ifNoneMatchHits(header: string | string[] | undefined, etag: string): boolean {
    if (header === undefined) return false;
    const value = Array.isArray(header) ? header.join(",") : header;
    if (value.trim() === "*") return true;
    const opaque = etag.replace(/^W\//, "");
    return value
        .split(",")
        .map((tag) => tag.trim().replace(/^W\//, ""))
        .some((tag) => tag === opaque);
}
