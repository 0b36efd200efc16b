// The Atrium config service as a Fastify instance: tenant store, CORS, routes and, optionally, the
// web app's files. `buildService` reads the tenants directory before it returns, so the instance
// can answer at once (tests use `app.inject`); main.ts makes it listen.
import { stat } from "node:fs/promises";
import path from "node:path";

import Fastify, { type FastifyInstance } from "fastify";

import { isWebOrigin } from "./contract.ts";
import { registerCors } from "./cors.ts";
import { registerDirectoryRoutes } from "./directory/routes.ts";
import { JSON_TYPE, registerRoutes } from "./routes.ts";
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

    const app = Fastify({
        logger: { level: options.logLevel ?? "info" },
        trustProxy: options.trustProxy ?? false,
    });
    const store = new TenantStore(tenantsDir, {
        log: app.log,
        watch: options.watch,
        debounceMs: options.reloadDebounceMs,
    });
    app.decorate("tenants", store);
    app.addHook("onClose", async () => store.close());
    app.addHook("onSend", async (_request, reply) => {
        reply.header("X-Content-Type-Options", "nosniff");
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
    registerRoutes(app, store);
    registerDirectoryRoutes(app, store);
    if (options.webappDir) await registerWebapp(app, store, options.webappDir);

    try {
        await store.start();
    } catch (error) {
        await app.close();
        throw error;
    }
    return app;
}
