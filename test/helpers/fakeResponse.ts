// A minimal stand-in for fetch's Response (jsdom has none): a status and a body, parsed like the real one.
export function fakeResponse(status: number, body = "", contentType = "application/json"): Response {
    const headers = new Map([["content-type", contentType]]);
    const response = {
        status,
        ok: status >= 200 && status < 300,
        statusText: String(status),
        headers: { get: (name: string): string | null => headers.get(name.toLowerCase()) ?? null },
        url: "",
        text: async (): Promise<string> => body,
        json: async (): Promise<unknown> => JSON.parse(body),
    };
    return response as unknown as Response;
}

export function jsonResponse(status: number, value: unknown): Response {
    return fakeResponse(status, JSON.stringify(value));
}

/** What the build would serve for an asset that jest stubs to a placeholder URL (test/stubs). */
export function bundledAssetResponse(url: string): Response | undefined {
    return url.startsWith("test-file-stub")
        ? fakeResponse(200, "<svg xmlns='http://www.w3.org/2000/svg'/>", "image/svg+xml")
        : undefined;
}
