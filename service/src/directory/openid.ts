// Who is asking: the browser sends a Matrix OpenID token (never its access token); the homeserver
// says whose it is (`/_matrix/federation/v1/openid/userinfo`). Answers are cached for the token's
// lifetime, refusals briefly, keyed by a hash so no token is kept in memory as given.
import { createHash } from "node:crypto";

/** Synapse's OpenID tokens live an hour; we never trust one longer than that. */
export const MAX_TOKEN_LIFETIME_MS = 60 * 60 * 1000;
const REFUSAL_CACHE_MS = 30_000;
const MAX_CACHED = 10_000;
const CHECK_TIMEOUT_MS = 5_000;

export type Identity =
    { ok: true; userId: string } | { ok: false; status: 401 | 403 | 503; error: string; message: string };

interface Cached {
    identity: Identity;
    until: number;
}

export class OpenIdVerifier {
    private readonly cache = new Map<string, Cached>();
    /** How many times the homeserver was asked (tests read it to see the cache work). */
    checks = 0;

    constructor(private readonly now: () => number = Date.now) {}

    /**
     * Whose token this is, checked at `homeserverUrl`. `expiresAtHint` is the expiry the client was
     * given with the token (ms since the epoch); the cache never keeps an answer past it.
     */
    async verify(
        token: string,
        homeserverUrl: string,
        allowedServers: readonly string[],
        expiresAtHint?: number,
    ): Promise<Identity> {
        const key = createHash("sha256").update(homeserverUrl).update("\0").update(token).digest("base64url");
        const now = this.now();
        const cached = this.cache.get(key);
        if (cached && cached.until > now) return this.allowed(cached.identity, allowedServers);
        this.cache.delete(key);

        const identity = await this.askHomeserver(token, homeserverUrl);
        if (identity.ok || identity.status === 401) {
            let until = now + (identity.ok ? MAX_TOKEN_LIFETIME_MS : REFUSAL_CACHE_MS);
            if (identity.ok && expiresAtHint !== undefined && Number.isFinite(expiresAtHint)) {
                until = Math.min(until, expiresAtHint);
            }
            if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
            if (until > now) this.cache.set(key, { identity, until });
        }
        return this.allowed(identity, allowedServers);
    }

    private allowed(identity: Identity, allowedServers: readonly string[]): Identity {
        if (!identity.ok) return identity;
        const server = identity.userId.slice(identity.userId.indexOf(":") + 1);
        if (allowedServers.includes(server)) return identity;
        return { ok: false, status: 403, error: "forbidden", message: `Users of ${server} may not use this directory` };
    }

    private async askHomeserver(token: string, homeserverUrl: string): Promise<Identity> {
        this.checks++;
        const url = `${homeserverUrl}/_matrix/federation/v1/openid/userinfo?access_token=${encodeURIComponent(token)}`;
        let response: Response;
        try {
            response = await fetch(url, { signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) });
        } catch (error) {
            return {
                ok: false,
                status: 503,
                error: "homeserver_unreachable",
                message: `The homeserver could not check the token: ${(error as Error).message}`,
            };
        }
        const body = (await response.json().catch(() => null)) as { sub?: unknown } | null;
        if (response.ok && typeof body?.sub === "string" && body.sub.startsWith("@") && body.sub.includes(":")) {
            return { ok: true, userId: body.sub };
        }
        if (response.status === 401 || response.status === 403 || response.ok) {
            return {
                ok: false,
                status: 401,
                error: "openid_token_invalid",
                message: "The homeserver does not know this OpenID token (forged or expired)",
            };
        }
        return {
            ok: false,
            status: 503,
            error: "homeserver_unreachable",
            message: `The homeserver answered HTTP ${response.status} to the token check`,
        };
    }
}
