// The two servers of `npm run bench:service`, each as its own process on a free loopback port: the
// config service (service/src/main.ts, logging off) and Debian's nginx serving the same JSON as a
// static file from a generated config in a temp prefix. Both are stopped by their pid.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdir, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";

import { repoRoot } from "../e2e/harness/paths.ts";
import { waitForHttp } from "../e2e/harness/process.ts";
import { descendants } from "./machine.ts";

/** Debian's nginx (`apt-get install nginx-light`); BENCH_NGINX names another binary. */
export const NGINX_PATH = process.env.BENCH_NGINX || "/usr/sbin/nginx";
const HOST = "127.0.0.1";
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;
/** Only the tail of a server's stderr is kept, for error messages. */
const STDERR_KEEP = 4_000;

export interface RunningServer {
    name: string;
    /** The process to account CPU to (with its descendants): the service's node, nginx's master. */
    pid: number;
    /** Base URL, `http://127.0.0.1:PORT`. */
    origin: string;
    /** The path measured: `/v1/config` for the service, `/config.json` for nginx. */
    path: string;
    stop(): Promise<void>;
    /** Synchronous last resort (process exit): SIGKILL whatever is still running. */
    killNow(): void;
}

/** A port that was free on 127.0.0.1 a moment ago (the OS picks it; the server binds it right after). */
export function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.unref();
        server.once("error", reject);
        server.listen(0, HOST, () => {
            const address = server.address();
            const port = typeof address === "object" && address ? address.port : 0;
            server.close(() => (port ? resolve(port) : reject(new Error("no free port"))));
        });
    });
}

function keepStderr(child: ChildProcess): () => string {
    let text = "";
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => {
        text = (text + chunk).slice(-STDERR_KEEP);
    });
    return () => text.trim();
}

function alive(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch {
        return false;
    }
}

/** SIGTERM the process (by its pid), SIGKILL it and `leftovers` if it has not exited within 5 s. */
function stopProcess(child: ChildProcess, leftovers: () => number[] = () => []): Promise<void> {
    const extra = leftovers();
    const killExtra = (): void => {
        for (const pid of extra) if (alive(pid)) process.kill(pid, "SIGKILL");
    };
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
        killExtra();
        return Promise.resolve();
    }
    const pid = child.pid;
    return new Promise((resolve) => {
        const killer = setTimeout(() => {
            if (alive(pid)) process.kill(pid, "SIGKILL");
        }, STOP_TIMEOUT_MS);
        child.once("exit", () => {
            clearTimeout(killer);
            killExtra();
            resolve();
        });
        process.kill(pid, "SIGTERM");
    });
}

function killNow(child: ChildProcess, extra: number[] = []): void {
    for (const pid of [child.pid, ...extra]) {
        if (pid !== undefined && alive(pid)) process.kill(pid, "SIGKILL");
    }
}

/** The config service as in production (`node --import tsx service/src/main.ts`), logging off. */
export async function startService(
    tenantsDir: string,
    register: (server: RunningServer) => void,
): Promise<RunningServer> {
    const port = await freePort();
    const args = ["--import", "tsx", path.join(repoRoot, "service/src/main.ts"), "--tenants", tenantsDir];
    args.push("--port", String(port), "--host", HOST, "--log-level", "silent");
    const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ["ignore", "ignore", "pipe"] });
    const stderr = keepStderr(child);
    const origin = `http://${HOST}:${port}`;
    const server: RunningServer = {
        name: "service",
        pid: child.pid ?? 0,
        origin,
        path: "/v1/config",
        stop: () => stopProcess(child),
        killNow: () => killNow(child),
    };
    register(server); // from now on the caller's clean-up stops it, whatever happens
    try {
        await waitForHttp({
            url: `${origin}/healthz`,
            child,
            what: "the config service",
            timeoutMs: START_TIMEOUT_MS,
            exitDetail: stderr,
            pollMs: 100,
        });
    } catch (error) {
        await server.stop();
        throw error;
    }
    return server;
}

export function nginxAvailable(): boolean {
    return existsSync(NGINX_PATH);
}

/**
 * The smallest nginx that serves one JSON file as a production static server would: one worker
 * (the service is one process), keep-alive, no access log, `etag on` (nginx's own default, said
 * out loud), `Cache-Control: no-cache` as the service sends. Everything it writes stays in `prefix`.
 */
export function nginxConf(prefix: string, port: number): string {
    const p = (name: string): string => path.join(prefix, name);
    return `# Generated by bench/configServiceServers.ts for one bench run; deleted afterwards.
daemon off;
worker_processes 1;
pid ${p("nginx.pid")};
error_log ${p("error.log")} warn;

events {
    worker_connections 1024;
}

http {
    access_log off;
    types {
        application/json json;
    }
    default_type application/octet-stream;
    charset utf-8;
    charset_types application/json;
    sendfile on;
    # nginx closes a keep-alive connection after 1000 requests by default; the service (Node) never
    # does. Same rule for both: the bench's connections stay open for the whole run.
    keepalive_requests 1000000;
    client_body_temp_path ${p("tmp/client_body")};
    proxy_temp_path ${p("tmp/proxy")};
    fastcgi_temp_path ${p("tmp/fastcgi")};
    uwsgi_temp_path ${p("tmp/uwsgi")};
    scgi_temp_path ${p("tmp/scgi")};

    server {
        listen ${HOST}:${port};
        root ${p("html")};
        etag on;

        location = /config.json {
            add_header Cache-Control no-cache;
        }
    }
}
`;
}

/** nginx (`daemon off`, so the child is the master) serving `body` as /config.json. */
export async function startNginx(
    prefix: string,
    body: Buffer,
    register: (server: RunningServer) => void,
): Promise<RunningServer> {
    const port = await freePort();
    await mkdir(path.join(prefix, "html"), { recursive: true });
    await mkdir(path.join(prefix, "tmp"), { recursive: true });
    await writeFile(path.join(prefix, "html", "config.json"), body, { mode: 0o644 });
    await writeFile(path.join(prefix, "nginx.conf"), nginxConf(prefix, port));
    // Run as root, nginx's worker switches to `nobody`: it must be able to read the file.
    for (const dir of [prefix, path.join(prefix, "html"), path.dirname(prefix)]) await chmod(dir, 0o755);

    const args = ["-p", prefix, "-c", path.join(prefix, "nginx.conf"), "-e", path.join(prefix, "error.log")];
    const child = spawn(NGINX_PATH, args, { cwd: prefix, stdio: ["ignore", "ignore", "pipe"] });
    const stderr = keepStderr(child);
    const errorLog = (): string => {
        const log = existsSync(path.join(prefix, "error.log"))
            ? readFileSync(path.join(prefix, "error.log"), "utf8")
            : "";
        return `${stderr()}\n${log.slice(-STDERR_KEEP)}`.trim();
    };
    const pid = child.pid ?? 0;
    // The worker's pid, known once nginx answers, is SIGKILLed too if the master had to be.
    let workers: number[] = [];
    const server: RunningServer = {
        name: "nginx",
        pid,
        origin: `http://${HOST}:${port}`,
        path: "/config.json",
        stop: () => stopProcess(child, () => (pid ? [...new Set([...workers, ...descendants(pid)])] : [])),
        killNow: () => killNow(child, pid ? [...new Set([...workers, ...descendants(pid)])] : workers),
    };
    register(server);
    try {
        await waitForHttp({
            url: `${server.origin}${server.path}`,
            child,
            what: "nginx",
            timeoutMs: START_TIMEOUT_MS,
            exitDetail: errorLog,
            pollMs: 100,
        });
        workers = pid ? descendants(pid) : [];
    } catch (error) {
        await server.stop();
        throw error;
    }
    return server;
}
