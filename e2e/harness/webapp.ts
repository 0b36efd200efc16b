import { existsSync } from "node:fs";
import path from "node:path";

import fastifyStatic from "@fastify/static";
import Fastify from "fastify";

export interface ServeWebappOptions {
    /** The built app (`npm run build` output), holding index.html. */
    webappDir: string;
    /** 0 picks a free port. */
    port: number;
    /** Answered for /config.json (and Element's per-host /config.<host>.json). */
    config: Record<string, unknown>;
}

export interface WebappServer {
    url: string;
    stop(): Promise<void>;
}

/** Thrown when there is no build to serve, so callers can tell it from other failures. */
export class MissingWebBuildError extends Error {
    constructor(readonly webappDir: string) {
        super(`No web build at ${path.join(webappDir, "index.html")}: run \`npm run build\` first`);
        this.name = "MissingWebBuildError";
    }
}

// Element asks for config.<hostname>.json before config.json, each with a ?cachebuster query.
const CONFIG_PATH = /^\/config(\.[^/]+)?\.json$/;
const NO_CACHE = "no-cache";

/** True when `webappDir` holds a build (an index.html) to serve. */
export function hasWebBuild(webappDir: string): boolean {
    return existsSync(path.join(webappDir, "index.html"));
}

/** Serves the built app on 127.0.0.1 with a config that points it at the given homeserver. */
export async function serveWebapp({ webappDir, port, config }: ServeWebappOptions): Promise<WebappServer> {
    const root = path.resolve(webappDir);
    if (!hasWebBuild(root)) throw new MissingWebBuildError(root);

    const app = Fastify({ logger: false });
    // A hook, not a route, so it also wins over any config.json the build itself ships.
    app.addHook("onRequest", async (request, reply) => {
        const pathname = request.url.split("?")[0];
        if (request.method === "GET" && CONFIG_PATH.test(pathname)) {
            return reply.header("Cache-Control", NO_CACHE).type("application/json").send(config);
        }
    });
    await app.register(fastifyStatic, {
        root,
        index: ["index.html"],
        cacheControl: false, // we set it ourselves below
        setHeaders(res, filePath) {
            // index.html names the hashed bundles, so it must be revalidated on every load.
            const isIndex = path.basename(filePath) === "index.html";
            res.setHeader("Cache-Control", isIndex ? NO_CACHE : "public, max-age=0");
        },
    });
    const address = await app.listen({ port, host: "127.0.0.1" });
    console.log(`[webapp] serving ${root} at ${address}`);
    return { url: address, stop: () => app.close() };
}
