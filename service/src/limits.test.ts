/** @jest-environment node */
// Timeouts and the connection cap, against the real listening server (raw sockets on loopback):
// what app.inject cannot show, because it never opens a connection.
import net from "node:net";

import type { FastifyInstance } from "fastify";

import { DEFAULT_LIMITS, limitsFrom, type Limits } from "./limits.ts";
import { ACME_YAML, quietService, tenantsDir, timingBudgetMs, type TenantsDir } from "./testSupport.ts";

let tenants: TenantsDir;
let app: FastifyInstance;
let port: number;
const sockets: net.Socket[] = [];

async function listen(limits: Partial<Limits>): Promise<void> {
    app = await quietService({ tenantsDir: tenants.dir, watch: false, limits });
    await app.listen({ port: 0, host: "127.0.0.1" });
    port = (app.server.address() as net.AddressInfo).port;
}

beforeEach(async () => {
    tenants = await tenantsDir({ "acme.yaml": ACME_YAML });
});

afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.destroy();
    await app?.close();
    await tenants.cleanup();
});

interface Watched {
    socket: net.Socket;
    received: () => string;
    /** Resolves with the ms from connect to the server closing the connection. */
    closed: Promise<number>;
}

function connect(): Promise<Watched> {
    return new Promise((resolve, reject) => {
        const socket = net.connect(port, "127.0.0.1");
        sockets.push(socket);
        let data = "";
        socket.setEncoding("utf8");
        socket.on("data", (chunk: string) => (data += chunk));
        socket.on("error", () => undefined); // a reset is a close too
        const started = Date.now();
        const closed = new Promise<number>((done) => socket.once("close", () => done(Date.now() - started)));
        socket.once("connect", () => resolve({ socket, received: () => data, closed }));
        socket.once("error", reject);
    });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Races a close against a deadline: the ms it took, or null if it is still open. */
async function closedWithin(watched: Watched, ms: number): Promise<number | null> {
    return Promise.race([watched.closed, sleep(ms).then(() => null)]);
}

const SHORT: Partial<Limits> = {
    headersTimeoutMs: 300,
    requestTimeoutMs: 400,
    keepAliveTimeoutMs: 300,
    idleTimeoutMs: 800,
    checkIntervalMs: 50,
};

describe("timeouts on the listening server", () => {
    it("closes a connection whose headers never end", async () => {
        await listen(SHORT);
        const slow = await connect();
        slow.socket.write("GET /v1/config HTTP/1.1\r\nHost: chat.acme.test\r\n");
        // Dribbling one header line at a time does not keep it open either.
        const dribble = setInterval(() => slow.socket.writable && slow.socket.write("X-A: b\r\n"), 100);
        try {
            const took = await closedWithin(slow, 3000);
            expect(took).not.toBeNull();
            expect(took!).toBeGreaterThanOrEqual(250);
            expect(slow.received()).toMatch(/^HTTP\/1\.1 408/);
        } finally {
            clearInterval(dribble);
        }
    });

    it("answers 413 at once to headers announcing a body that never comes, and closes", async () => {
        await listen({ ...SHORT, headersTimeoutMs: 5000, requestTimeoutMs: 5000, idleTimeoutMs: 10_000 });
        for (const head of [
            "POST /v1/config HTTP/1.1\r\nHost: chat.acme.test\r\nContent-Length: 1000\r\n\r\n",
            "GET /v1/config HTTP/1.1\r\nHost: chat.acme.test\r\nContent-Length: 1000\r\n\r\n",
            "GET /healthz HTTP/1.1\r\nHost: chat.acme.test\r\nTransfer-Encoding: chunked\r\n\r\n",
        ]) {
            const held = await connect();
            held.socket.write(head);
            const took = await closedWithin(held, 2000);
            expect([head, took !== null]).toEqual([head, true]);
            expect(held.received()).toMatch(/^HTTP\/1\.1 413/);
            expect(held.received()).toMatch(/connection: close/i);
        }
    });

    it("closes a keep-alive connection left idle after its answer", async () => {
        await listen(SHORT);
        const idle = await connect();
        idle.socket.write("GET /healthz HTTP/1.1\r\nHost: chat.acme.test\r\n\r\n");
        await sleep(100);
        expect(idle.received()).toMatch(/^HTTP\/1\.1 200/);
        const took = await closedWithin(idle, 3000);
        expect(took).not.toBeNull();
    });

    it("closes a connection that never sends a byte", async () => {
        await listen(SHORT);
        const silent = await connect();
        expect(await closedWithin(silent, 3000)).not.toBeNull();
    });

    it("keeps a connection that asks in time open between requests", async () => {
        await listen({ ...SHORT, keepAliveTimeoutMs: 2000, idleTimeoutMs: 3000 });
        const client = await connect();
        for (let i = 0; i < 3; i++) {
            client.socket.write("GET /healthz HTTP/1.1\r\nHost: chat.acme.test\r\n\r\n");
            await sleep(150);
        }
        expect(client.received().match(/HTTP\/1\.1 200/g)).toHaveLength(3);
        expect(await closedWithin(client, 100)).toBeNull();
    });
});

describe("the connection cap", () => {
    it("closes connections past the cap at once and serves again when they go", async () => {
        await listen({ maxConnections: 5 });
        const held = await Promise.all(Array.from({ length: 5 }, () => connect()));
        await sleep(100);
        for (const socket of held) expect(await closedWithin(socket, 10)).toBeNull();
        const extra = await connect();
        expect(await closedWithin(extra, 2000)).not.toBeNull();
        expect(extra.received()).toBe("");

        for (const { socket } of held) socket.destroy();
        await sleep(100);
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        expect(res.status).toBe(200);
    });

    it("keeps answering while hundreds of slow clients hold connections", async () => {
        await listen({ headersTimeoutMs: 10_000, requestTimeoutMs: 10_000 });
        const slow = await Promise.all(Array.from({ length: 300 }, () => connect()));
        for (const { socket } of slow) socket.write("GET /v1/config HTTP/1.1\r\nHost: chat.acme.test\r\n");
        for (let i = 0; i < 5; i++) {
            const started = Date.now();
            const res = await fetch(`http://127.0.0.1:${port}/healthz`);
            expect(res.status).toBe(200);
            expect(Date.now() - started).toBeLessThan(timingBudgetMs(1000));
        }
        const config = await fetch(`http://127.0.0.1:${port}/v1/config?tenant=acme`);
        expect(((await config.json()) as { brand: string }).brand).toBe("Acme Chat");
        expect(slow.every((s) => s.received() === "")).toBe(true);
    });
});

describe("limitsFrom", () => {
    it("fills in the defaults", () => {
        expect(limitsFrom()).toEqual(DEFAULT_LIMITS);
        expect(limitsFrom({ maxConnections: 10 })).toEqual({ ...DEFAULT_LIMITS, maxConnections: 10 });
        expect(DEFAULT_LIMITS).toEqual({
            headersTimeoutMs: 10_000,
            requestTimeoutMs: 15_000,
            keepAliveTimeoutMs: 5_000,
            idleTimeoutMs: 30_000,
            maxConnections: 2_048,
            checkIntervalMs: 1_000,
        });
    });

    it("refuses values that cannot work", () => {
        expect(() => limitsFrom({ maxConnections: 0 })).toThrow(
            "Limit maxConnections must be a whole number above 0, not 0",
        );
        expect(() => limitsFrom({ idleTimeoutMs: 1.5 })).toThrow(/idleTimeoutMs/);
        expect(() => limitsFrom({ keepAliveTimeoutMs: -1 })).toThrow(/keepAliveTimeoutMs/);
        expect(limitsFrom({ maxConnections: 1 }).maxConnections).toBe(1);
        expect(() => limitsFrom({ headersTimeoutMs: 2000, requestTimeoutMs: 1000 })).toThrow(
            "The headers timeout (2000 ms) cannot be longer than the request timeout (1000 ms)",
        );
        expect(limitsFrom({ headersTimeoutMs: 1000, requestTimeoutMs: 1000 }).headersTimeoutMs).toBe(1000);
    });

    it("reaches the server", async () => {
        await expect(quietService({ tenantsDir: tenants.dir, limits: { requestTimeoutMs: 0 } })).rejects.toThrow(
            /requestTimeoutMs/,
        );
        await listen({ maxConnections: 7, keepAliveTimeoutMs: 1234, idleTimeoutMs: 4321, requestTimeoutMs: 19_999 });
        expect(app.server.maxConnections).toBe(7);
        expect(app.server.keepAliveTimeout).toBe(1234);
        expect(app.server.timeout).toBe(4321);
        expect(app.server.requestTimeout).toBe(19_999);
        expect(app.server.headersTimeout).toBe(DEFAULT_LIMITS.headersTimeoutMs);
    });
});
