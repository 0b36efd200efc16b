// Idle connections held open beside a load run, as a slow or hostile client population would: each
// sends the start of a request (request line and Host, never the blank line that ends the headers)
// and then nothing. The service closes them after its headers timeout; the holder opens a new one
// each time, so `count` are held throughout. Loopback only, bounded by `count`.
import net from "node:net";

export interface IdleHolder {
    /** Connections open right now. */
    open(): number;
    /** How many the server closed while they were held (each was replaced). */
    closedByServer(): number;
    /** Connections that could not be opened at all. */
    failed(): number;
    /** Closes them all and stops replacing them. */
    stop(): Promise<void>;
}

const REOPEN_DELAY_MS = 20;

export async function holdIdleConnections(port: number, count: number): Promise<IdleHolder> {
    const sockets = new Set<net.Socket>();
    let stopped = false;
    let closedByServer = 0;
    let failed = 0;

    const openOne = (): Promise<void> =>
        new Promise((resolve) => {
            const socket = net.connect(port, "127.0.0.1");
            let connected = false;
            socket.setNoDelay(true);
            socket.on("error", () => undefined); // a reset shows as a close below
            socket.once("connect", () => {
                connected = true;
                sockets.add(socket);
                socket.write(`GET /v1/config HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`);
                resolve();
            });
            socket.once("close", () => {
                sockets.delete(socket);
                if (!connected) {
                    failed++;
                    resolve();
                    return;
                }
                if (stopped) return;
                closedByServer++;
                setTimeout(() => void openOne(), REOPEN_DELAY_MS);
            });
        });

    // Opened in batches, so the listen backlog is never the limit.
    for (let i = 0; i < count; i += 50) {
        await Promise.all(Array.from({ length: Math.min(50, count - i) }, openOne));
    }
    return {
        open: () => sockets.size,
        closedByServer: () => closedByServer,
        failed: () => failed,
        stop: async () => {
            stopped = true;
            const closing = [...sockets].map(
                (socket) => new Promise<void>((resolve) => socket.once("close", () => resolve()).destroy()),
            );
            await Promise.all(closing);
        },
    };
}
