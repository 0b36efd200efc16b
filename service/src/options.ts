// Command-line options and their environment equivalents; a flag wins over the environment.
import { parseArgs } from "node:util";

import type { Limits } from "./limits.ts";
import type { ServiceOptions } from "./server.ts";

export interface CliOptions extends ServiceOptions {
    port: number;
    host: string;
}

export const USAGE = `Atrium config service

Usage: npx tsx service/src/main.ts --tenants DIR [options]

  --tenants DIR        tenant files directory (ATRIUM_TENANTS_DIR)            required
  --port N             port to listen on (ATRIUM_PORT)                        8090
  --host ADDR          address to listen on (ATRIUM_HOST)                     127.0.0.1
  --webapp DIR         also serve the built web app (ATRIUM_WEBAPP_DIR)       off
  --data DIR           the service's own data: the company directory's last
                       good copy, kept across restarts (ATRIUM_DATA_DIR)      memory only
  --web-origins LIST   comma-separated origins allowed for every tenant
                       (ATRIUM_WEB_ORIGINS)                                   none
  --log-level LEVEL    fatal|error|warn|info|debug|trace|silent (ATRIUM_LOG_LEVEL)  info
  --trust-proxy        trust X-Forwarded-* headers (ATRIUM_TRUST_PROXY=1)     off
  --no-watch           do not watch the directory; reload on SIGHUP only (ATRIUM_WATCH=0)
  --operator-token T   bearer token for /v1/status, 16+ characters; prefer the environment
                       (ATRIUM_OPERATOR_TOKEN)                      none: loopback only
  --max-connections N  open connections at most (ATRIUM_MAX_CONNECTIONS)   2048
  --headers-timeout-ms N   request headers must arrive in time (ATRIUM_HEADERS_TIMEOUT_MS)  10000
  --request-timeout-ms N   the whole request must arrive in time (ATRIUM_REQUEST_TIMEOUT_MS) 15000
  --keep-alive-timeout-ms N  idle keep-alive connections close (ATRIUM_KEEP_ALIVE_TIMEOUT_MS) 5000
  --idle-timeout-ms N  silent sockets close (ATRIUM_IDLE_TIMEOUT_MS)       30000
  --help               this text
`;

export class UsageError extends Error {}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

function flag(value: string | undefined): boolean | undefined {
    if (value === undefined || value === "") return undefined;
    return !["0", "false", "no", "off"].includes(value.toLowerCase());
}

function list(value: string | undefined): string[] {
    return (value ?? "")
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean);
}

/** Returns null when help was asked for. Throws UsageError on a bad option. */
export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): CliOptions | null {
    let values;
    try {
        ({ values } = parseArgs({
            args: argv,
            strict: true,
            allowPositionals: false,
            options: {
                tenants: { type: "string" },
                port: { type: "string" },
                host: { type: "string" },
                webapp: { type: "string" },
                data: { type: "string" },
                "web-origins": { type: "string" },
                "log-level": { type: "string" },
                "trust-proxy": { type: "boolean" },
                "no-watch": { type: "boolean" },
                "operator-token": { type: "string" },
                "max-connections": { type: "string" },
                "headers-timeout-ms": { type: "string" },
                "request-timeout-ms": { type: "string" },
                "keep-alive-timeout-ms": { type: "string" },
                "idle-timeout-ms": { type: "string" },
                help: { type: "boolean" },
            },
        }));
    } catch (error) {
        throw new UsageError(error instanceof Error ? error.message : String(error));
    }
    if (values.help) return null;

    const tenantsDir = values.tenants ?? env.ATRIUM_TENANTS_DIR;
    if (!tenantsDir) throw new UsageError("Give the tenants directory: --tenants DIR (or ATRIUM_TENANTS_DIR)");
    const portText = values.port ?? env.ATRIUM_PORT ?? "8090";
    const port = Number(portText);
    if (!/^\d+$/.test(portText) || port > 65535)
        throw new UsageError(`Port must be a number from 0 to 65535, not "${portText}"`);
    const logLevel = values["log-level"] ?? env.ATRIUM_LOG_LEVEL ?? "info";
    if (!LOG_LEVELS.includes(logLevel)) throw new UsageError(`Log level must be one of ${LOG_LEVELS.join(", ")}`);

    const limits: Partial<Limits> = {};
    const limitFlags: [keyof Limits, string, string][] = [
        ["maxConnections", "max-connections", "ATRIUM_MAX_CONNECTIONS"],
        ["headersTimeoutMs", "headers-timeout-ms", "ATRIUM_HEADERS_TIMEOUT_MS"],
        ["requestTimeoutMs", "request-timeout-ms", "ATRIUM_REQUEST_TIMEOUT_MS"],
        ["keepAliveTimeoutMs", "keep-alive-timeout-ms", "ATRIUM_KEEP_ALIVE_TIMEOUT_MS"],
        ["idleTimeoutMs", "idle-timeout-ms", "ATRIUM_IDLE_TIMEOUT_MS"],
    ];
    for (const [key, flagName, envName] of limitFlags) {
        const text =
            ((values as Record<string, string | boolean | undefined>)[flagName] as string | undefined) ?? env[envName];
        if (text === undefined || text === "") continue;
        if (!/^[1-9]\d{0,8}$/.test(text))
            throw new UsageError(`--${flagName} must be a whole number above 0, not "${text}"`);
        limits[key] = Number(text);
    }
    const operatorToken = values["operator-token"] ?? (env.ATRIUM_OPERATOR_TOKEN || undefined);
    if (operatorToken !== undefined && operatorToken.length < 16)
        throw new UsageError("The operator token must be at least 16 characters long");

    return {
        tenantsDir,
        port,
        host: values.host ?? env.ATRIUM_HOST ?? "127.0.0.1",
        webappDir: values.webapp ?? (env.ATRIUM_WEBAPP_DIR || undefined),
        dataDir: values.data ?? (env.ATRIUM_DATA_DIR || undefined),
        webOrigins: list(values["web-origins"] ?? env.ATRIUM_WEB_ORIGINS),
        logLevel,
        trustProxy: values["trust-proxy"] ?? flag(env.ATRIUM_TRUST_PROXY) ?? false,
        watch: values["no-watch"] ? false : (flag(env.ATRIUM_WATCH) ?? true),
        operatorToken,
        limits,
    };
}
