// Cross-origin reads are allowed only for the request tenant's `web_origins` and the service-wide
// origins (ATRIUM_WEB_ORIGINS). Any other origin gets no CORS headers at all, so browsers refuse it.
import cors, { type FastifyCorsOptions } from "@fastify/cors";
import type { FastifyInstance, FastifyRequest } from "fastify";

import { selectTenant } from "./tenantSelection.ts";
import type { TenantStore } from "./tenantStore.ts";

export async function registerCors(
    app: FastifyInstance,
    store: TenantStore,
    serviceOrigins: readonly string[],
): Promise<void> {
    await app.register(
        cors,
        () => (request: FastifyRequest, callback: (error: Error | null, options: FastifyCorsOptions) => void) => {
            const origin = request.headers.origin;
            const selected = selectTenant(store, request);
            const tenantOrigins = selected.ok ? selected.served.tenant.webOrigins : [];
            const allowed = origin !== undefined && (serviceOrigins.includes(origin) || tenantOrigins.includes(origin));
            callback(null, {
                // The one allowed origin is echoed back; `false` sends no CORS headers (and no preflight answer).
                origin: allowed ? origin : false,
                methods: ["GET", "HEAD"],
                exposedHeaders: ["ETag", "X-Atrium-Tenant"],
                credentials: false,
                maxAge: 600,
            });
        },
    );
}
