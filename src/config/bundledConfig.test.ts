import { fakeResponse, jsonResponse } from "../../test/helpers/fakeResponse";
import { ConfigLoadError, fetchBundledConfig } from "./bundledConfig";

describe("fetchBundledConfig", () => {
    let fetchMock: jest.Mock<Promise<Response>, [RequestInfo | URL, RequestInit?]>;
    const realFetch = globalThis.fetch;

    beforeEach(() => {
        fetchMock = jest.fn();
        globalThis.fetch = fetchMock as unknown as typeof fetch;
    });
    afterEach(() => {
        globalThis.fetch = realFetch;
    });

    it("returns the config object, fetched past the browser cache", async () => {
        fetchMock.mockResolvedValue(jsonResponse(200, { brand: "Acme" }));
        await expect(fetchBundledConfig()).resolves.toEqual({ brand: "Acme" });
        expect(fetchMock).toHaveBeenCalledWith("config.json", { cache: "no-cache" });
    });

    it("fetches the URL it is given", async () => {
        fetchMock.mockResolvedValue(jsonResponse(200, {}));
        await fetchBundledConfig("config.example.org.json");
        expect(fetchMock.mock.calls[0][0]).toBe("config.example.org.json");
    });

    it("treats a missing config.json (404) as an empty config", async () => {
        fetchMock.mockResolvedValue(fakeResponse(404, "<html>Not found</html>", "text/html"));
        await expect(fetchBundledConfig()).resolves.toEqual({});
    });

    it("rejects another HTTP error with its status", async () => {
        fetchMock.mockResolvedValue(fakeResponse(500, "oops", "text/plain"));
        const error = await fetchBundledConfig().catch((e) => e);
        expect(error).toBeInstanceOf(ConfigLoadError);
        expect(error.message).toContain("500");
    });

    it("rejects a body that is not JSON", async () => {
        fetchMock.mockResolvedValue(fakeResponse(200, "<html>index page</html>", "text/html"));
        const error = await fetchBundledConfig().catch((e) => e);
        expect(error).toBeInstanceOf(ConfigLoadError);
        expect(error.message).toMatch(/not valid JSON/);
        expect(error.cause).toBeInstanceOf(SyntaxError);
    });

    it.each([
        ["an array", []],
        ["null", null],
        ["a string", "config"],
        ["a number", 42],
    ])("rejects JSON that is %s rather than an object", async (_name, value) => {
        fetchMock.mockResolvedValue(jsonResponse(200, value));
        const error = await fetchBundledConfig().catch((e) => e);
        expect(error).toBeInstanceOf(ConfigLoadError);
        expect(error.message).toMatch(/must hold a JSON object/);
    });

    it("rejects when the server cannot be reached, keeping the cause", async () => {
        const networkError = new TypeError("Failed to fetch");
        fetchMock.mockRejectedValue(networkError);
        const error = await fetchBundledConfig().catch((e) => e);
        expect(error).toBeInstanceOf(ConfigLoadError);
        expect(error.name).toBe("ConfigLoadError");
        expect(error.message).toMatch(/Could not reach config\.json/);
        expect(error.cause).toBe(networkError);
    });
});
