// The company directory's endpoints under /v1/directory. Every one needs a Matrix OpenID token
// (`Authorization: Bearer …`) from a user of the tenant's homeserver. Answers are private:
// `Cache-Control: no-store`. CORS is the service's (as for /v1/config); the refresh is for operators.
import { gzipSync } from "node:zlib";

import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

import { encodeRoster } from "../../../contract/directoryRoster.ts";

import { JSON_TYPE } from "../routes.ts";
import { selectTenant } from "../tenantSelection.ts";
import type { TenantStore } from "../tenantStore.ts";
import { OpenIdVerifier } from "./openid.ts";
import { CursorError, type PeopleIndex } from "./peopleIndex.ts";
import { directorySettings } from "./settings.ts";
import { snapshotPath } from "./snapshot.ts";
import { TenantDirectory, type DirectoryLog, type SourceStatus } from "./tenantDirectory.ts";

/** Keeps one TenantDirectory per tenant, made again when the tenant's directory settings change. */
export class DirectoryRegistry {
    private readonly directories = new Map<string, { key: string; directory: TenantDirectory }>();

    constructor(
        private readonly tenantsDir: string,
        private readonly log: DirectoryLog,
        /** The service's data folder, where each tenant's last good copy is saved; none: memory only. */
        private readonly dataDir?: string,
    ) {}

    for(tenant: Parameters<typeof directorySettings>[0]): TenantDirectory | null {
        const settings = directorySettings(tenant, this.tenantsDir);
        const existing = this.directories.get(tenant.name);
        if (!settings) {
            existing?.directory.close();
            this.directories.delete(tenant.name);
            return null;
        }
        const key = JSON.stringify(settings);
        if (existing?.key === key) return existing.directory;
        existing?.directory.close();
        const saved = this.dataDir ? snapshotPath(this.dataDir, tenant.name) : null;
        const directory = new TenantDirectory(tenant.name, settings, this.log, Date.now, saved);
        directory.start();
        this.directories.set(tenant.name, { key, directory });
        return directory;
    }

    close(): void {
        for (const { directory } of this.directories.values()) directory.close();
        this.directories.clear();
    }
}

function fail(reply: FastifyReply, status: number, error: string, message: string): FastifyReply {
    return reply.code(status).header("Cache-Control", "no-store").type(JSON_TYPE).send({ error, message });
}

function unavailable(reply: FastifyReply, source: SourceStatus): FastifyReply {
    return reply
        .code(503)
        .header("Cache-Control", "no-store")
        .type(JSON_TYPE)
        .send({
            error: "directory_unavailable",
            message: `The directory's source cannot be read: ${source.error ?? "not read yet"}`,
            source,
        });
}

function bearer(request: FastifyRequest): string | null {
    const match = /^Bearer ([A-Za-z0-9._~+/=-]{1,1000})$/.exec(request.headers.authorization ?? "");
    return match ? match[1] : null;
}

function text(value: unknown, max = 200): string | undefined {
    return typeof value === "string" && value.length <= max ? value : undefined;
}

export function registerDirectoryRoutes(app: FastifyInstance, store: TenantStore, dataDir?: string): void {
    const registry = new DirectoryRegistry(store.dir, app.log, dataDir);
    const verifier = new OpenIdVerifier();
    app.addHook("onClose", async () => registry.close());

    /** The tenant's directory and the asking user, or an error already sent. */
    async function admit(request: FastifyRequest, reply: FastifyReply): Promise<TenantDirectory | null> {
        const selected = selectTenant(store, request);
        if (!selected.ok) {
            fail(reply, selected.status, selected.body.error, selected.body.message);
            return null;
        }
        const directory = registry.for(selected.served.tenant);
        if (!directory) {
            fail(reply, 404, "directory_not_configured", "This tenant has no company directory");
            return null;
        }
        const token = bearer(request);
        if (!token) {
            fail(reply, 401, "openid_token_missing", "Send a Matrix OpenID token as Authorization: Bearer <token>");
            return null;
        }
        const { homeserverUrl, allowedServers } = directory.settings;
        if (!homeserverUrl) {
            fail(reply, 503, "homeserver_unknown", "The tenant's config names no homeserver to check tokens with");
            return null;
        }
        const expiresHeader = Number(request.headers["x-atrium-openid-expires"]);
        const identity = await verifier.verify(
            token,
            homeserverUrl,
            allowedServers,
            Number.isFinite(expiresHeader) && expiresHeader > 0 ? expiresHeader : undefined,
        );
        if (!identity.ok) {
            fail(reply, identity.status, identity.error, identity.message);
            return null;
        }
        return directory;
    }

    async function withIndex(
        request: FastifyRequest,
        reply: FastifyReply,
        answer: (index: PeopleIndex) => object | FastifyReply,
    ): Promise<FastifyReply> {
        const directory = await admit(request, reply);
        if (!directory) return reply;
        const index = await directory.current();
        const source = directory.status();
        if (!index) return unavailable(reply, source);
        const body = answer(index);
        if (body === reply) return reply; // the answer was an error, already sent
        return reply
            .header("Cache-Control", "no-store")
            .type(JSON_TYPE)
            .send({ ...body, source });
    }

    app.get("/v1/directory/search", async (request, reply) => {
        const query = request.query as Record<string, unknown>;
        const limit = query.limit === undefined ? undefined : Number(query.limit);
        if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) {
            return fail(reply, 400, "bad_request", "limit must be a positive whole number");
        }
        return withIndex(request, reply, (index) => {
            try {
                return index.search({
                    q: text(query.q),
                    department: text(query.department, 1000),
                    location: text(query.location),
                    cursor: text(query.cursor, 2000),
                    limit,
                });
            } catch (error) {
                if (error instanceof CursorError) return fail(reply, 400, "bad_cursor", error.message);
                throw error;
            }
        });
    });

    app.get("/v1/directory/person", async (request, reply) => {
        const id = text((request.query as Record<string, unknown>).id, 1000);
        if (!id) return fail(reply, 400, "bad_request", "Give ?id= (a person's id or Matrix user ID)");
        return withIndex(request, reply, (index) => {
            const view = index.person(id);
            return view ?? fail(reply, 404, "person_not_found", "No one in the directory has this id");
        });
    });

    // Everyone as a result row shows them, for the sidebar to search on its own (contract/directoryRoster.ts).
    // Made once per copy of the people and kept beside it, compressed too: it is megabytes for a large company.
    const rosters = new WeakMap<PeopleIndex, { json: string; gzipped: Buffer }>();
    app.get("/v1/directory/roster", async (request, reply) => {
        const directory = await admit(request, reply);
        if (!directory) return reply;
        const index = await directory.current();
        const source = directory.status();
        if (!index) return unavailable(reply, source);
        let roster = rosters.get(index);
        if (!roster) {
            const json = JSON.stringify(encodeRoster(index.people, source.refreshed_at));
            roster = { json, gzipped: gzipSync(json) };
            rosters.set(index, roster);
        }
        reply.header("Cache-Control", "no-store").header("Vary", "Accept-Encoding").type(JSON_TYPE);
        if (/\bgzip\b/.test(request.headers["accept-encoding"] ?? "")) {
            return reply.header("Content-Encoding", "gzip").send(roster.gzipped);
        }
        return reply.send(roster.json);
    });

    app.get("/v1/directory/departments", async (request, reply) =>
        withIndex(request, reply, (index) => ({
            departments: index.departments,
            locations: index.locations,
            head_count: index.size,
        })),
    );

    // For operators (like /v1/status): read the source again now. Throttled, needs no token.
    app.post("/v1/directory/refresh", async (request, reply) => {
        const selected = selectTenant(store, request);
        if (!selected.ok) return fail(reply, selected.status, selected.body.error, selected.body.message);
        const directory = registry.for(selected.served.tenant);
        if (!directory) return fail(reply, 404, "directory_not_configured", "This tenant has no company directory");
        const refresh = directory.refreshOnDemand();
        if (refresh === false)
            return fail(reply, 429, "too_soon", "The directory was read moments ago; try again shortly");
        await refresh;
        return reply.header("Cache-Control", "no-store").send({ source: directory.status() });
    });
}
