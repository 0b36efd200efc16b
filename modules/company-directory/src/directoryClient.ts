// Talks to the directory service: every request carries a Matrix OpenID token (never the access
// token), fetched once and again shortly before it expires or when the service refuses it.
import { decodeRoster, RosterError } from "../../../contract/directoryRoster";
import type { DepartmentsAnswer, DirectoryApi, PersonView, Roster, SearchPage, SearchParams } from "./types";

export interface TokenSource {
    (): Promise<{ token: string; expiresAt: number }>;
}

/** Why a call failed, in the terms the panel shows. */
export type DirectoryErrorKind =
    /** The service could not be reached (network, CORS, timeout) or answered 5xx other than below. */
    | "unreachable"
    /** The service runs but its source (LDAP, the export) has never been read. */
    | "source_unavailable"
    /** The service refused who we are. */
    | "unauthorized"
    /** This tenant has no directory. */
    | "not_configured"
    | "not_found"
    | "bad_request";

export class DirectoryError extends Error {
    constructor(
        readonly kind: DirectoryErrorKind,
        message: string,
    ) {
        super(message);
        this.name = "DirectoryError";
    }
}

export const REQUEST_TIMEOUT_MS = 8_000;

function kindOf(status: number, code: string | undefined): DirectoryErrorKind {
    if (code === "directory_unavailable") return "source_unavailable";
    if (code === "directory_not_configured") return "not_configured";
    if (status === 401 || status === 403) return "unauthorized";
    if (status === 404) return "not_found";
    if (status === 400) return "bad_request";
    return "unreachable";
}

export class DirectoryClient implements DirectoryApi {
    private token: Promise<{ token: string; expiresAt: number }> | null = null;

    constructor(
        private readonly baseUrl: string,
        private readonly getToken: TokenSource,
        /** The tenant to ask for by name (`?tenant=`), when the config service is asked that way. */
        private readonly tenant: string | null = null,
        private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
        private readonly now: () => number = Date.now,
    ) {}

    search(params: SearchParams, signal?: AbortSignal): Promise<SearchPage> {
        const query = new URLSearchParams({ q: params.q });
        if (params.department) query.set("department", params.department);
        if (params.location) query.set("location", params.location);
        if (params.cursor) query.set("cursor", params.cursor);
        if (params.limit) query.set("limit", String(params.limit));
        return this.get(`/v1/directory/search?${query}`, signal);
    }

    person(id: string, signal?: AbortSignal): Promise<PersonView> {
        return this.get(`/v1/directory/person?${new URLSearchParams({ id })}`, signal);
    }

    departments(signal?: AbortSignal): Promise<DepartmentsAnswer> {
        return this.get("/v1/directory/departments", signal);
    }

    async roster(signal?: AbortSignal): Promise<Roster> {
        const body = await this.get<unknown>("/v1/directory/roster", signal);
        try {
            return decodeRoster(body);
        } catch (error) {
            if (!(error instanceof RosterError)) throw error;
            throw new DirectoryError("unreachable", `The directory service sent a broken roster: ${error.message}`);
        }
    }

    private async currentToken(renew: boolean): Promise<{ token: string; expiresAt: number }> {
        if (this.token && !renew) {
            const held = await this.token.catch(() => null);
            if (held && held.expiresAt > this.now()) return held;
        }
        this.token = this.getToken();
        return this.token;
    }

    private async get<T>(path: string, signal?: AbortSignal, retried = false): Promise<T> {
        let token: { token: string; expiresAt: number };
        try {
            token = await this.currentToken(retried);
        } catch (error) {
            throw new DirectoryError(
                "unauthorized",
                `No OpenID token from the homeserver: ${(error as Error).message}`,
            );
        }
        // A timeout of our own, tied to the caller's signal (AbortSignal.timeout/any are too new to rely on).
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
        const forward = (): void => controller.abort();
        if (signal?.aborted) controller.abort();
        signal?.addEventListener("abort", forward, { once: true });
        let response: Response;
        try {
            const tenant = this.tenant
                ? `${path.includes("?") ? "&" : "?"}tenant=${encodeURIComponent(this.tenant)}`
                : "";
            response = await this.fetchImpl(`${this.baseUrl}${path}${tenant}`, {
                headers: { Authorization: `Bearer ${token.token}`, "X-Atrium-OpenID-Expires": String(token.expiresAt) },
                signal: controller.signal,
                credentials: "omit",
            });
        } catch (error) {
            if (signal?.aborted) throw error;
            const why = controller.signal.aborted
                ? `no answer within ${REQUEST_TIMEOUT_MS / 1000} s`
                : (error as Error).message;
            throw new DirectoryError("unreachable", `The directory service cannot be reached: ${why}`);
        } finally {
            clearTimeout(timer);
            signal?.removeEventListener("abort", forward);
        }
        const body = (await response.json().catch(() => null)) as { error?: string; message?: string } | null;
        if (response.ok && body) return body as T;
        const kind = response.ok ? "unreachable" : kindOf(response.status, body?.error);
        // A token the service no longer accepts (expired early, service restarted): one fresh try.
        if (kind === "unauthorized" && !retried) return this.get(path, signal, true);
        throw new DirectoryError(kind, body?.message ?? `The directory service answered HTTP ${response.status}`);
    }
}

/**
 * Where the directory service is: the module's `service_url`, else the config service's address
 * (its URL without `/v1/config`), with the tenant the config service is asked for by name, if any.
 */
export function directoryServiceLocation(
    settings: { service_url?: string },
    configServiceUrl: string | undefined,
    pageUrl: string,
): { baseUrl: string; tenant: string | null } | null {
    const chosen = settings.service_url ?? configServiceUrl;
    if (chosen === undefined) return null;
    try {
        const url = new URL(chosen, pageUrl);
        const tenant = settings.service_url === undefined ? url.searchParams.get("tenant") : null;
        const path =
            settings.service_url === undefined ? url.pathname.replace(/\/v1\/config(?:\.json)?$/, "") : url.pathname;
        return { baseUrl: `${url.origin}${path.replace(/\/$/, "")}`, tenant };
    } catch {
        return null;
    }
}
