/** @jest-environment node */
// The service's command line and environment, edge by edge: boolean words, bounds, lists, precedence.
import { parseOptions, USAGE, UsageError } from "./options.ts";

const withTenants = (env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({ ATRIUM_TENANTS_DIR: "t", ...env });

describe("parseOptions, environment switches", () => {
    it.each(["0", "false", "no", "off", "FALSE", "Off"])("reads %p as off", (word) => {
        const options = parseOptions([], withTenants({ ATRIUM_TRUST_PROXY: word, ATRIUM_WATCH: word }));
        expect(options).toMatchObject({ trustProxy: false, watch: false });
    });

    it.each(["1", "true", "yes", "on", "anything"])("reads %p as on", (word) => {
        const options = parseOptions([], withTenants({ ATRIUM_TRUST_PROXY: word, ATRIUM_WATCH: word }));
        expect(options).toMatchObject({ trustProxy: true, watch: true });
    });

    it("takes an empty variable as unset: the default applies", () => {
        const options = parseOptions(
            [],
            withTenants({ ATRIUM_TRUST_PROXY: "", ATRIUM_WATCH: "", ATRIUM_WEBAPP_DIR: "" }),
        );
        expect(options).toMatchObject({ trustProxy: false, watch: true, webappDir: undefined });
    });

    it("lets the flags win over the environment", () => {
        const options = parseOptions(
            ["--trust-proxy", "--no-watch"],
            withTenants({ ATRIUM_TRUST_PROXY: "0", ATRIUM_WATCH: "1" }),
        );
        expect(options).toMatchObject({ trustProxy: true, watch: false });
        expect(parseOptions(["--log-level", "warn"], withTenants({ ATRIUM_LOG_LEVEL: "debug" }))?.logLevel).toBe(
            "warn",
        );
        expect(
            parseOptions(["--web-origins", "https://f.test"], withTenants({ ATRIUM_WEB_ORIGINS: "https://e.test" }))
                ?.webOrigins,
        ).toEqual(["https://f.test"]);
    });

    it("reads the host, log level and origins from the environment", () => {
        const options = parseOptions(
            [],
            withTenants({
                ATRIUM_HOST: "0.0.0.0",
                ATRIUM_LOG_LEVEL: "silent",
                ATRIUM_WEB_ORIGINS: " , https://a.test ,,",
            }),
        );
        expect(options).toMatchObject({ host: "0.0.0.0", logLevel: "silent", webOrigins: ["https://a.test"] });
    });
});

describe("parseOptions, ports", () => {
    it.each([
        ["0", 0],
        ["8090", 8090],
        ["65535", 65535],
    ])("accepts %p", (text, port) => {
        expect(parseOptions(["--port", text], withTenants())?.port).toBe(port);
    });

    it.each(["65536", "-1", "80.5", "1e3", " 80", ""])("refuses %p, naming it", (text) => {
        expect(() => parseOptions([`--port=${text}`], withTenants())).toThrow(
            `Port must be a number from 0 to 65535, not "${text}"`,
        );
    });
});

describe("parseOptions, mistakes", () => {
    it("says what is missing or wrong", () => {
        expect(() => parseOptions([], {})).toThrow("Give the tenants directory: --tenants DIR (or ATRIUM_TENANTS_DIR)");
        expect(() => parseOptions(["--log-level", "loud"], withTenants())).toThrow(
            "Log level must be one of fatal, error, warn, info, debug, trace, silent",
        );
        expect(() => parseOptions(["extra"], withTenants())).toThrow(UsageError);
        expect(() => parseOptions(["--port"], withTenants())).toThrow(UsageError);
        // An unknown option is refused even when nothing else is missing.
        expect(() => parseOptions(["--tenants", "t", "--verbose"], {})).toThrow("Unknown option '--verbose'");
    });

    it.each(["fatal", "error", "warn", "info", "debug", "trace", "silent"])("accepts the log level %p", (level) => {
        expect(parseOptions(["--log-level", level], withTenants())?.logLevel).toBe(level);
    });

    it("documents every option it accepts", () => {
        for (const option of [
            "--tenants",
            "--port",
            "--host",
            "--webapp",
            "--web-origins",
            "--log-level",
            "--trust-proxy",
            "--no-watch",
            "--help",
        ]) {
            expect(USAGE).toContain(option);
        }
    });
});
