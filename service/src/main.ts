// Starts the Atrium config service: `npx tsx service/src/main.ts --tenants DIR [--port 8090]
// [--host 127.0.0.1] [--webapp DIR]` (see --help). SIGHUP re-reads the tenants directory;
// SIGINT/SIGTERM stop it cleanly.
import { buildService } from "./server.ts";
import { parseOptions, USAGE, UsageError } from "./options.ts";

async function main(): Promise<void> {
    let options;
    try {
        options = parseOptions(process.argv.slice(2), process.env);
    } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        process.stderr.write(`${error.message}\n\n${USAGE}`);
        process.exit(2);
    }
    if (!options) {
        process.stdout.write(USAGE);
        return;
    }

    const app = await buildService(options);
    const address = await app.listen({ port: options.port, host: options.host });
    const parts = [`tenants: ${app.tenants.dir}`];
    if (options.webappDir) parts.push(`web app: ${options.webappDir}`);
    process.stdout.write(`Atrium config service listening on ${address} (${parts.join(", ")})\n`);
    process.stdout.write(`  ${address}/v1/config  ${address}/v1/status  ${address}/v1/schema\n`);

    process.on("SIGHUP", () => {
        app.log.info({ event: "reload_requested" }, "SIGHUP: re-reading the tenants directory");
        void app.tenants.reload();
    });
    const stop = (signal: string): void => {
        app.log.info({ event: "stopping", signal }, `${signal}: stopping`);
        app.close().then(
            () => process.exit(0),
            () => process.exit(1),
        );
    };
    process.once("SIGINT", () => stop("SIGINT"));
    process.once("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
    process.stderr.write(
        `Atrium config service failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
});
