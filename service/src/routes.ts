// The service's HTTP endpoints. Config and schema responses carry a strong ETag and
// `Cache-Control: no-cache`: clients keep them but revalidate every time (If-None-Match → 304).
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

import { operatorAccess } from "./operatorAccess.ts";

import { clientConfigSchema, tenantFileSchema } from "./contract.ts";
import { ifNoneMatchHits, strongEtag } from "./etag.ts";
import { securityHeaders } from "./securityHeaders.ts";
import { selectTenant } from "./tenantSelection.ts";
import type { TenantStore } from "./tenantStore.ts";

export const JSON_TYPE = "application/json; charset=utf-8";
export const SCHEMA_TYPE = "application/schema+json; charset=utf-8";

/** The API's exact routes: JSON for scripts, without the web app's page headers. */
export const API_ROUTES: ReadonlySet<string> = new Set([
    "/healthz",
    "/v1/config",
    "/v1/schema",
    "/v1/schema/tenant-file",
    "/v1/security-headers",
    "/v1/status",
    "/v1/directory/search",
    "/v1/directory/person",
    "/v1/directory/departments",
    "/v1/directory/roster",
    "/v1/directory/refresh",
]);

/**
 * The only routes a browser app on another origin may read (CORS): its config, the schemas, and the
 * company directory's reads (which also check the caller's Matrix OpenID token).
 */
export const CORS_ROUTES: ReadonlySet<string> = new Set([
    "/v1/config",
    "/v1/schema",
    "/v1/schema/tenant-file",
    "/v1/directory/search",
    "/v1/directory/person",
    "/v1/directory/departments",
    "/v1/directory/roster",
]);

interface Revalidatable {
    body: string;
    etag: string;
    contentType: string;
}

function sendRevalidatable(request: FastifyRequest, reply: FastifyReply, item: Revalidatable): FastifyReply {
    reply.header("ETag", item.etag).header("Cache-Control", "no-cache");
    if (ifNoneMatchHits(request.headers["if-none-match"], item.etag)) {
        return reply.code(304).send();
    }
    return reply.type(item.contentType).send(item.body);
}

function document(value: unknown, contentType: string): Revalidatable {
    const body = `${JSON.stringify(value, null, 4)}\n`;
    return { body, etag: strongEtag(body), contentType };
}

/** GET handler answering the request's tenant client config (also used for the web app's /config.json). */
export function configHandler(store: TenantStore) {
    return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
        const selected = selectTenant(store, request);
        if (!selected.ok) {
            return reply.code(selected.status).header("Cache-Control", "no-store").type(JSON_TYPE).send(selected.body);
        }
        reply.header("X-Atrium-Tenant", selected.entry.name);
        return sendRevalidatable(request, reply, {
            body: selected.served.body,
            etag: selected.served.etag,
            contentType: JSON_TYPE,
        });
    };
}

export function registerRoutes(
    app: FastifyInstance,
    store: TenantStore,
    options: { operatorToken?: string } = {},
): void {
    const schema = document(clientConfigSchema, SCHEMA_TYPE);
    const tenantSchema = document(tenantFileSchema, SCHEMA_TYPE);

    app.get("/healthz", async (_request, reply) => reply.header("Cache-Control", "no-store").send({ status: "ok" }));

    app.get("/v1/config", configHandler(store));

    app.get("/v1/schema", async (request, reply) => sendRevalidatable(request, reply, schema));
    app.get("/v1/schema/tenant-file", async (request, reply) => sendRevalidatable(request, reply, tenantSchema));

    // The headers the tenant's web app is served with, for a front server (nginx) to copy.
    app.get("/v1/security-headers", async (request, reply) => {
        const selected = selectTenant(store, request);
        if (!selected.ok) return reply.code(selected.status).header("Cache-Control", "no-store").send(selected.body);
        return reply.header("Cache-Control", "no-cache").send(securityHeaders(selected.served.tenant.config));
    });

    // Every tenant's name, hosts and problems: for operators only (a token, or this machine's loopback).
    app.get("/v1/status", async (request, reply) => {
        reply.header("Cache-Control", "no-store");
        const refusal = operatorAccess(request, options.operatorToken);
        if (refusal) {
            if (refusal.status === 401) reply.header("WWW-Authenticate", 'Bearer realm="atrium-operator"');
            return reply.code(refusal.status).type(JSON_TYPE).send(refusal.body);
        }
        return reply.send(store.status());
    });
}
