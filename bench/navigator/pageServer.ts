// The bench page served from its build folder on a loopback port, for bench/navigator.ts and
// bench/navigator/trace.ts.
import { createReadStream, existsSync, statSync } from "node:fs";
import http from "node:http";
import path from "node:path";

const TYPES: Record<string, string> = {
    ".html": "text/html",
    ".js": "text/javascript",
    ".css": "text/css",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".woff2": "font/woff2",
    ".png": "image/png",
};

/** A small static server for the page (no caching games: every context starts cold anyway). */
export function servePage(dir: string): Promise<http.Server> {
    const server = http.createServer((req, res) => {
        const url = new URL(req.url ?? "/", "http://localhost");
        const file = path.join(dir, path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, ""));
        const target = file.endsWith(path.sep) || url.pathname === "/" ? path.join(dir, "index.html") : file;
        if (!target.startsWith(dir) || !existsSync(target) || !statSync(target).isFile()) {
            res.writeHead(404).end();
            return;
        }
        res.writeHead(200, { "Content-Type": TYPES[path.extname(target)] ?? "application/octet-stream" });
        createReadStream(target).pipe(res);
    });
    return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}
