// How long a client may take and how many connections it may hold: the defaults, and the rules
// between them (Node requires the headers timeout not to exceed the whole request's).

export interface Limits {
    /** The request line and headers must arrive within this time. */
    headersTimeoutMs: number;
    /** The whole request must arrive within this time (no route takes a body, but a client may announce one). */
    requestTimeoutMs: number;
    /** A keep-alive connection with no request in flight is closed after this time. */
    keepAliveTimeoutMs: number;
    /** A socket that sends and receives nothing for this long is closed. */
    idleTimeoutMs: number;
    /** At most this many open connections; more are closed as they arrive. */
    maxConnections: number;
    /** How often the headers and request timeouts are checked. */
    checkIntervalMs: number;
}

export const DEFAULT_LIMITS: Limits = {
    headersTimeoutMs: 10_000,
    requestTimeoutMs: 15_000,
    keepAliveTimeoutMs: 5_000,
    idleTimeoutMs: 30_000,
    maxConnections: 2_048,
    checkIntervalMs: 1_000,
};

/** The defaults with `given` on top; throws a clear error for a value that cannot work. */
export function limitsFrom(given: Partial<Limits> = {}): Limits {
    const limits = { ...DEFAULT_LIMITS, ...given };
    for (const [name, value] of Object.entries(limits)) {
        if (!Number.isInteger(value) || value < 1)
            throw new Error(`Limit ${name} must be a whole number above 0, not ${value}`);
    }
    if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
        throw new Error(
            `The headers timeout (${limits.headersTimeoutMs} ms) cannot be longer than the request timeout (${limits.requestTimeoutMs} ms)`,
        );
    }
    return limits;
}
