// Optional: the built web app's files from the same process, for small deployments. The app's own
// config fetch (`/config.json`) is answered with the request host's tenant config, not a file.
// Cache rules: files whose names carry a content hash (`bundle.f6e8dfb6.js`) never change and are
// cached for a year; everything else (index.html, config, unhashed files) is revalidated each time.
import path from "node:path";

import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

import { configHandler } from "./routes.ts";
import type { TenantStore } from "./tenantStore.ts";

const HASHED_NAME = /\.[0-9a-f]{8,}\.[a-z0-9]+$/i;

export function cacheControlFor(filePath: string): string {
    return HASHED_NAME.test(path.basename(filePath)) ? "public, max-age=31536000, immutable" : "no-cache";
}

/** The files and /config.json; their security headers come from server.ts's onSend hook, per tenant. */
export async function registerWebapp(app: FastifyInstance, store: TenantStore, webappDir: string): Promise<void> {
    app.get("/config.json", configHandler(store));
    await app.register(fastifyStatic, {
        root: path.resolve(webappDir),
        index: ["index.html"],
        wildcard: true,
        cacheControl: false,
        dotfiles: "ignore",
        setHeaders: (res, filePath) => {
            res.setHeader("Cache-Control", cacheControlFor(filePath));
        },
    });
}
