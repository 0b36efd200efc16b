/** @jest-environment node */
import { hostOriginProblem, hostOriginProblems } from "./embeddingHosts.ts";
import { loadTenantFile } from "./tenantFile.ts";

describe("host origins of an embedded Atrium", () => {
    it("accepts exact origins, with a port, and IP literals", () => {
        for (const origin of [
            "https://wiki.acme.test",
            "http://localhost:18070",
            "http://127.0.0.1:8080",
            "http://[::1]:8080",
        ]) {
            expect(hostOriginProblem(origin)).toBeUndefined();
        }
    });

    it("refuses a wildcard with a message that says why", () => {
        expect(hostOriginProblem("https://*.acme.test")).toMatch(/wildcard.*exact origins only/);
        expect(hostOriginProblem("*")).toMatch(/wildcard/);
    });

    it("refuses what is not exactly an origin: a path, a trailing slash, upper case, another scheme", () => {
        for (const entry of [
            "https://wiki.acme.test:443",
            "https://wiki.acme.test/",
            "https://wiki.acme.test/page",
            "https://Wiki.acme.test",
            "ftp://wiki.acme.test",
            "wiki.acme.test",
            7,
        ]) {
            expect(hostOriginProblem(entry)).toBeDefined();
        }
    });

    it("tells an operator how to write what is no string or no URL at all", () => {
        expect(hostOriginProblem(7)).toBe("must be a string: an exact origin such as https://wiki.example.com");
        expect(hostOriginProblem("wiki.acme.test")).toBe("is not an origin: write it as http(s)://host[:port]");
        expect(hostOriginProblems({ atrium: { embedding: { host_origins: [null, "::"] } } })).toEqual([
            { path: "/atrium/embedding/host_origins/0", message: expect.stringMatching(/^must be a string/) },
            { path: "/atrium/embedding/host_origins/1", message: expect.stringMatching(/^is not an origin/) },
        ]);
    });

    it("names each bad entry by its JSON Pointer", () => {
        const config = {
            atrium: { embedding: { host_origins: ["https://ok.test", "https://*.bad.test", "https://x.test/"] } },
        };
        expect(hostOriginProblems(config).map((p) => p.path)).toEqual([
            "/atrium/embedding/host_origins/1",
            "/atrium/embedding/host_origins/2",
        ]);
        expect(hostOriginProblems({})).toEqual([]);
    });

    it("a tenant file listing a wildcard host origin is refused, and the problems say it is a wildcard", () => {
        const text = ["config:", "  atrium:", "    embedding:", '      host_origins: ["https://*.wiki.test"]', ""].join(
            "\n",
        );
        const loaded = loadTenantFile("t", "t.yaml", text, { brand: "A" });
        expect(loaded.ok).toBe(false);
        if (loaded.ok) return;
        expect(loaded.problems).toContainEqual(
            expect.objectContaining({
                path: "/config/atrium/embedding/host_origins/0",
                message: expect.stringMatching(/wildcard/),
            }),
        );
    });

    it("a tenant file listing exact host origins loads", () => {
        const text = [
            "config:",
            "  atrium:",
            "    embedding:",
            '      host_origins: ["https://wiki.acme.test", "http://localhost:18070"]',
            "",
        ].join("\n");
        expect(loadTenantFile("t", "t.yaml", text, { brand: "A" }).ok).toBe(true);
    });
});
