// Cross-origin reads are allowed only on the routes a browser app needs (its config, the schemas), and
// only for the request tenant's `web_origins` and the service-wide origins (ATRIUM_WEB_ORIGINS). Any
// other origin or route gets no CORS headers at all, so browsers refuse it: no listed origin can
// read /v1/status or the security headers across origins.
import cors, { type FastifyCorsOptions } from "@fastify/cors";
import type { FastifyInstance, FastifyRequest } from "fastify";

import { CORS_ROUTES } from "./routes.ts";
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
            // A preflight reaches the catch-all OPTIONS route: its own path decides, exactly as written.
            const route = request.method === "OPTIONS" ? request.url.split("?")[0] : request.routeOptions.url;
            const selected = selectTenant(store, request);
            const tenantOrigins = selected.ok ? selected.served.tenant.webOrigins : [];
            const allowed =
                origin !== undefined &&
                CORS_ROUTES.has(route ?? "") &&
                (serviceOrigins.includes(origin) || tenantOrigins.includes(origin));
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
