// The real config service (service/) as its own process, as it runs in production: a test can
// stop it like an outage would, and the demo stack runs it in front of the web app.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";

import { e2eWebappConfig } from "./config.ts";
import { defaultWebappDir, repoRoot } from "./paths.ts";
import { waitForHttp } from "./process.ts";
import { serveWebapp, type WebappServer } from "./webapp.ts";

export interface RunningConfigService {
    url: string;
    stop(): Promise<void>;
}

const START_TIMEOUT_MS = 30_000;

export async function startConfigService(options: {
    tenantsDir: string;
    port: number;
    webappDir?: string;
    webOrigins?: string[];
    /** The service's data folder (the directory's saved copy); none: memory only. */
    dataDir?: string;
}): Promise<RunningConfigService> {
    const args = ["--import", "tsx", path.join(repoRoot, "service/src/main.ts"), "--tenants", options.tenantsDir];
    args.push("--port", String(options.port), "--host", "127.0.0.1");
    if (options.webappDir) args.push("--webapp", options.webappDir);
    if (options.dataDir) args.push("--data", options.dataDir);
    if (options.webOrigins?.length) args.push("--web-origins", options.webOrigins.join(","));
    args.push("--log-level", process.env.ATRIUM_SERVICE_LOG_LEVEL ?? "warn");
    const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ["ignore", "inherit", "inherit"] });
    const url = `http://127.0.0.1:${options.port}`;
    try {
        await waitForHttp({ url: `${url}/healthz`, child, what: "the config service", timeoutMs: START_TIMEOUT_MS });
    } catch (error) {
        child.kill("SIGKILL");
        throw error;
    }
    return { url, stop: () => stopProcess(child) };
}

function stopProcess(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
        const killer = setTimeout(() => child.kill("SIGKILL"), 5000);
        child.once("exit", () => {
            clearTimeout(killer);
            resolve();
        });
        child.kill("SIGTERM");
    });
}

export interface TenantService {
    /** The temporary tenants folder; its `acme.yaml` is the one tenant file. */
    tenantsDir: string;
    service: RunningConfigService;
    /** Stops the service and removes the folder. */
    stop(): Promise<void>;
}

/**
 * The service serving the built app (so the tenant's CSP applies) from a temporary tenants folder
 * holding `tenantYaml` as `acme.yaml`, as the specs that test what a tenant file does need it.
 */
export async function startTenantService(options: {
    prefix: string;
    tenantYaml: string;
    port: number;
    /** False: the service answers the API only (the app is served apart, see startAppWithTenantService). */
    servesApp?: boolean;
}): Promise<TenantService> {
    const tenantsDir = await mkdtemp(path.join(os.tmpdir(), options.prefix));
    await writeFile(path.join(tenantsDir, "acme.yaml"), options.tenantYaml);
    const service = await startConfigService({
        tenantsDir,
        port: options.port,
        webappDir: options.servesApp === false ? undefined : (process.env.E2E_WEBAPP_DIR ?? defaultWebappDir),
    });
    return {
        tenantsDir,
        service,
        stop: async () => {
            await service.stop().catch(() => undefined);
            await rm(tenantsDir, { recursive: true, force: true });
        },
    };
}

export interface AppWithTenantService extends TenantService {
    app: WebappServer;
}

/**
 * The built app on its own server, its bundled config naming the service (API only) that reads a
 * temporary tenants folder: an admin edits `acme.yaml`, or stops the service, under a running client.
 */
export async function startAppWithTenantService(options: {
    prefix: string;
    tenantYaml: string;
    servicePort: number;
    appPort: number;
    homeserverUrl: string;
}): Promise<AppWithTenantService> {
    const tenant = await startTenantService({
        prefix: options.prefix,
        tenantYaml: options.tenantYaml,
        port: options.servicePort,
        servesApp: false,
    });
    const bundled = e2eWebappConfig(options.homeserverUrl);
    try {
        const app = await serveWebapp({
            webappDir: process.env.E2E_WEBAPP_DIR ?? defaultWebappDir,
            port: options.appPort,
            config: {
                ...bundled,
                atrium: {
                    ...(bundled.atrium as Record<string, unknown>),
                    config_service: {
                        url: `${tenant.service.url}/v1/config`,
                        timeout_ms: 2000,
                        revalidate_seconds: 5,
                    },
                },
            },
        });
        return {
            ...tenant,
            app,
            stop: async () => {
                await app.stop();
                await tenant.stop();
            },
        };
    } catch (error) {
        await tenant.stop();
        throw error;
    }
}

/** A page of another site on 127.0.0.1:port (a wiki page framing the app, for example). */
export function servePage(port: number, html: string): Promise<http.Server> {
    const server = http.createServer((_req, res) => res.writeHead(200, { "Content-Type": "text/html" }).end(html));
    return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

/** Closes the pages a test served. */
export async function closePages(pages: http.Server[]): Promise<void> {
    await Promise.all(pages.splice(0).map((page) => new Promise((resolve) => page.close(resolve))));
}
