// The Atrium config service as a Fastify instance: tenant store, CORS, routes and, optionally, the
// web app's files. `buildService` reads the tenants directory before it returns, so the instance
// can answer at once (tests use `app.inject`); main.ts makes it listen.
import { mkdir, stat } from "node:fs/promises";
import path from "node:path";

import Fastify, { type FastifyInstance, type FastifyRequest } from "fastify";

import { isWebOrigin } from "./contract.ts";
import { registerCors } from "./cors.ts";
import { registerDirectoryRoutes } from "./directory/routes.ts";
import { limitsFrom, type Limits } from "./limits.ts";
import { API_ROUTES, JSON_TYPE, registerRoutes } from "./routes.ts";
import { FALLBACK_SECURITY_HEADERS, securityHeaders } from "./securityHeaders.ts";
import { TenantStore } from "./tenantStore.ts";
import { registerWebapp } from "./webapp.ts";

export interface ServiceOptions {
    /** The directory of tenant files (`<name>.yaml|.yml|.json`, and optionally `_defaults.yaml`). */
    tenantsDir: string;
    /** Serve the built web app from this directory (and its /config.json per host). */
    webappDir?: string;
    /** Origins allowed to read every tenant's config across origins, besides each tenant's own `web_origins`. */
    webOrigins?: string[];
    /** pino level: fatal, error, warn, info (default), debug, trace or silent. */
    logLevel?: string;
    /** Watch the tenants directory for changes (default true). */
    watch?: boolean;
    /** Quiet time after a change before the directory is re-read, in ms (default 150). */
    reloadDebounceMs?: number;
    /** Trust X-Forwarded-* from a proxy in front (then X-Forwarded-Host selects the tenant). */
    trustProxy?: boolean;
    /**
     * The bearer token /v1/status asks for (at least 16 characters). Without one, it answers only
     * requests straight from this machine's loopback that no proxy forwarded.
     */
    operatorToken?: string;
    /** Timeouts and the connection cap; see limits.ts for the defaults. */
    limits?: Partial<Limits>;
    /**
     * The service's own data folder (made when missing): the company directory keeps each tenant's
     * last good copy there, so it outlives a restart. Without it, that copy is kept in memory only.
     */
    dataDir?: string;
}

/** Whether a request asks for one of the API's exact routes (decided by the router, not the raw path). */
function isApiRoute(request: FastifyRequest): boolean {
    return API_ROUTES.has(request.routeOptions.url ?? ""); // a 404 has no route
}

/** Whether a request carries a body: no route of this service takes one. */
function hasBody(request: FastifyRequest): boolean {
    const length = request.headers["content-length"];
    return request.headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0");
}

declare module "fastify" {
    interface FastifyInstance {
        tenants: TenantStore;
    }
}

async function assertDirectory(dir: string, what: string): Promise<void> {
    const info = await stat(dir).catch(() => null);
    if (!info?.isDirectory()) throw new Error(`${what} ${dir} does not exist or is not a directory`);
}

export async function buildService(options: ServiceOptions): Promise<FastifyInstance> {
    const webOrigins = options.webOrigins ?? [];
    const badOrigin = webOrigins.find((origin) => !isWebOrigin(origin));
    if (badOrigin !== undefined) {
        throw new Error(
            `Web origin "${badOrigin}" is not an origin: expected lower-case scheme://host[:port], no path`,
        );
    }
    const tenantsDir = path.resolve(options.tenantsDir);
    await assertDirectory(tenantsDir, "Tenants directory");
    if (options.webappDir) await assertDirectory(path.resolve(options.webappDir), "Web app directory");
    const dataDir = options.dataDir ? path.resolve(options.dataDir) : undefined;
    if (dataDir) await mkdir(dataDir, { recursive: true, mode: 0o700 });
    if (options.operatorToken !== undefined && options.operatorToken.length < 16) {
        throw new Error("The operator token must be at least 16 characters long");
    }
    const limits = limitsFrom(options.limits);

    const app = Fastify({
        logger: { level: options.logLevel ?? "info" },
        trustProxy: options.trustProxy ?? false,
        // A request must arrive whole in time, an idle keep-alive connection is closed, and a socket
        // silent for idleTimeoutMs is dropped: nobody can hold a connection by sending nothing.
        requestTimeout: limits.requestTimeoutMs,
        keepAliveTimeout: limits.keepAliveTimeoutMs,
        connectionTimeout: limits.idleTimeoutMs,
        http: {
            headersTimeout: limits.headersTimeoutMs,
            requestTimeout: limits.requestTimeoutMs,
            // How often Node checks the two timeouts above (its default, 30 s, would let them slip).
            connectionsCheckingInterval: limits.checkIntervalMs,
        },
    });
    // Past the cap, new connections are closed at once; the ones being served are not disturbed.
    app.server.maxConnections = limits.maxConnections;
    const store = new TenantStore(tenantsDir, {
        log: app.log,
        watch: options.watch,
        debounceMs: options.reloadDebounceMs,
    });
    app.decorate("tenants", store);
    app.addHook("onClose", async () => store.close());
    app.addHook("onRequest", async (request, reply) => {
        if (!hasBody(request)) return;
        // Refused before any of it is read, and the connection closed: nobody can hold it by
        // announcing a body and never sending it.
        return reply
            .code(413)
            .header("Connection", "close")
            .header("Cache-Control", "no-store")
            .type(JSON_TYPE)
            .send({ error: "body_not_accepted", message: "This service takes no request bodies" });
    });
    app.addHook("onSend", async (request, reply) => {
        reply.header("X-Content-Type-Options", "nosniff");
        if (isApiRoute(request)) return;
        // Everything a browser could render as a page gets the tenant's policy (with the web app)
        // or one that lets nothing run, whatever the raw path held.
        const config = options.webappDir ? store.byHost(request.host)?.served?.tenant.config : undefined;
        reply.headers(config ? securityHeaders(config) : FALLBACK_SECURITY_HEADERS);
    });
    app.setNotFoundHandler((request, reply) => {
        reply
            .code(404)
            .header("Cache-Control", "no-store")
            .type(JSON_TYPE)
            .send({
                error: "not_found",
                message: `Nothing at ${request.method} ${request.url.split("?")[0].slice(0, 200)}`,
            });
    });

    await registerCors(app, store, webOrigins);
    registerRoutes(app, store, { operatorToken: options.operatorToken });
    registerDirectoryRoutes(app, store, dataDir);
    if (options.webappDir) await registerWebapp(app, store, options.webappDir);

    try {
        await store.start();
    } catch (error) {
        await app.close();
        throw error;
    }
    return app;
}
