// Who may read the operator views (/v1/status: every tenant's name, hosts and problems). With a
// token configured: whoever sends it as a bearer token. Without one: only a request straight from
// this machine's loopback that no proxy forwarded (a proxy on the same host would otherwise make
// every visitor look local).
import { createHash, timingSafeEqual } from "node:crypto";

import type { FastifyRequest } from "fastify";

export interface Refusal {
    status: 401 | 403;
    body: { error: string; message: string };
}

const FORWARDING_HEADERS = ["forwarded", "x-forwarded-for", "x-forwarded-host", "x-real-ip"];

/** 127.0.0.0/8, ::1 and their IPv4-mapped form. */
export function isLoopback(address: string | undefined): boolean {
    if (address === undefined) return false;
    const v4 = address.startsWith("::ffff:") ? address.slice("::ffff:".length) : address;
    return v4 === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/** Compares the digests, so the time taken says nothing about how much of the token matched. */
function sameToken(given: string, expected: string): boolean {
    const digest = (text: string): Buffer => createHash("sha256").update(text).digest();
    return timingSafeEqual(digest(given), digest(expected));
}

/** Null when the request may read the operator views; else why not. */
export function operatorAccess(request: FastifyRequest, token: string | undefined): Refusal | null {
    if (token !== undefined) {
        const match = /^Bearer (\S+)$/.exec(request.headers.authorization ?? "");
        if (match && sameToken(match[1], token)) return null;
        return {
            status: 401,
            body: { error: "operator_token_required", message: "Send the operator token: Authorization: Bearer TOKEN" },
        };
    }
    const forwarded = FORWARDING_HEADERS.some((name) => request.headers[name] !== undefined);
    if (!forwarded && isLoopback(request.socket.remoteAddress)) return null;
    return {
        status: 403,
        body: {
            error: "operator_only",
            message:
                "Only this machine's loopback may read this without a token; start the service with --operator-token",
        },
    };
}
