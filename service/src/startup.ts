// What `npx tsx service/src/main.ts` does, with the process's parts passed in so that tests can run
// it in the process: the options (or the usage, exit code 2), listening and the two lines printed,
// SIGHUP to re-read the tenants directory, SIGINT/SIGTERM to stop, exit code 1 when it cannot start.
import type { FastifyInstance } from "fastify";

import { parseOptions, USAGE, UsageError } from "./options.ts";
import { buildService } from "./server.ts";

export interface ServiceProcess {
    /** The arguments after the script's name. */
    argv: string[];
    env: NodeJS.ProcessEnv;
    stdout: { write(text: string): unknown };
    stderr: { write(text: string): unknown };
    /** Ends the process. Code after it still runs where it does not (in tests), so callers return. */
    exit(code: number): void;
    /** Where signal handlers go: `process` itself, or an EventEmitter in tests. */
    signals: {
        on(signal: "SIGHUP", listener: () => void): unknown;
        once(signal: "SIGINT" | "SIGTERM", listener: () => void): unknown;
    };
}

/**
 * Starts the service. Resolves with it listening, or with null once it has printed the usage
 * (`--help`) or has called `exit` (2 for a bad option, 1 when the service could not start).
 */
export async function startService(proc: ServiceProcess): Promise<FastifyInstance | null> {
    try {
        return await listen(proc);
    } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        proc.stderr.write(`Atrium config service failed to start: ${reason}\n`);
        proc.exit(1);
        return null;
    }
}

async function listen(proc: ServiceProcess): Promise<FastifyInstance | null> {
    let options;
    try {
        options = parseOptions(proc.argv, proc.env);
    } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        proc.stderr.write(`${error.message}\n\n${USAGE}`);
        proc.exit(2);
        return null;
    }
    if (!options) {
        proc.stdout.write(USAGE);
        return null;
    }

    const app = await buildService(options);
    const address = await app.listen({ port: options.port, host: options.host });
    const parts = [`tenants: ${app.tenants.dir}`];
    if (options.webappDir) parts.push(`web app: ${options.webappDir}`);
    // One write: a reader of the output (a test, a start script) that sees the first line has the second.
    proc.stdout.write(
        `Atrium config service listening on ${address} (${parts.join(", ")})\n` +
            `  ${address}/v1/config  ${address}/v1/status  ${address}/v1/schema\n`,
    );

    proc.signals.on("SIGHUP", () => {
        app.log.info({ event: "reload_requested" }, "SIGHUP: re-reading the tenants directory");
        void app.tenants.reload();
    });
    const stop = (signal: string): void => {
        app.log.info({ event: "stopping", signal }, `${signal}: stopping`);
        app.close().then(
            () => proc.exit(0),
            () => proc.exit(1),
        );
    };
    proc.signals.once("SIGINT", () => stop("SIGINT"));
    proc.signals.once("SIGTERM", () => stop("SIGTERM"));
    return app;
}
