// The config service at its edge, for the client's tests: answers as the service gives them (status,
// body, ETag), a fetch that records its requests, and a Storage held in memory.

export interface Answer {
    status?: number;
    body?: string;
    etag?: string;
    contentLength?: number;
    /** A body that never arrives (a service that hangs after its headers). */
    hangingBody?: boolean;
}

export function serviceResponse({ status = 200, body = "", etag, contentLength, hangingBody }: Answer = {}): Response {
    const headers = new Map<string, string>([["content-type", "application/json"]]);
    if (etag !== undefined) headers.set("etag", etag);
    if (contentLength !== undefined) headers.set("content-length", String(contentLength));
    return {
        status,
        ok: status >= 200 && status < 300,
        statusText: String(status),
        headers: { get: (name: string): string | null => headers.get(name.toLowerCase()) ?? null },
        url: "",
        text: (): Promise<string> => (hangingBody ? new Promise<string>(() => {}) : Promise.resolve(body)),
        json: async (): Promise<unknown> => JSON.parse(body),
    } as unknown as Response;
}

export function configAnswer(config: unknown, etag = '"v1"'): Answer {
    return { status: 200, body: JSON.stringify(config), etag };
}

export interface ServiceRequest {
    url: string;
    headers: Record<string, string>;
    init?: RequestInit;
}

export interface FakeService {
    fetch: jest.Mock<Promise<Response>, [RequestInfo | URL, RequestInit?]>;
    requests: ServiceRequest[];
    /** The next answers, in order; the last one repeats. */
    answer(...answers: (Answer | Error | "hang")[]): void;
}

/** A fetch standing for the config service. "hang" never answers; an Error is a network failure. */
export function fakeService(...initial: (Answer | Error | "hang")[]): FakeService {
    let queue = initial;
    const requests: ServiceRequest[] = [];
    const fetchMock = jest.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
        requests.push({ url: String(input), headers: { ...(init?.headers as Record<string, string>) }, init });
        const next = queue.length > 1 ? queue.shift()! : queue[0];
        if (next === undefined) throw new TypeError("Failed to fetch");
        if (next === "hang") return new Promise<Response>(() => {});
        if (next instanceof Error) throw next;
        return serviceResponse(next);
    });
    return {
        fetch: fetchMock,
        requests,
        answer: (...answers) => {
            queue = answers;
        },
    };
}

/** A Storage in memory; `failing` makes every call throw, as a browser that refuses storage does. */
export function memoryStorage(initial: Record<string, string> = {}, failing = false): Storage {
    const items = new Map(Object.entries(initial));
    const guard = (): void => {
        if (failing) throw new DOMException("The operation is insecure.", "SecurityError");
    };
    return {
        get length() {
            return items.size;
        },
        clear: () => {
            guard();
            items.clear();
        },
        getItem: (key: string) => {
            guard();
            return items.has(key) ? items.get(key)! : null;
        },
        key: (index: number) => [...items.keys()][index] ?? null,
        removeItem: (key: string) => {
            guard();
            items.delete(key);
        },
        setItem: (key: string, value: string) => {
            guard();
            items.set(key, String(value));
        },
    };
}
