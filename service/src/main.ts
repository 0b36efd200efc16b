// Starts the Atrium config service: `npx tsx service/src/main.ts --tenants DIR [--port 8090]
// [--host 127.0.0.1] [--webapp DIR]` (see --help). SIGHUP re-reads the tenants directory;
// SIGINT/SIGTERM stop it cleanly. Only the wiring to this process is here; startup.ts does the work.
import { startService } from "./startup.ts";

void startService({
    argv: process.argv.slice(2),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    exit: (code) => process.exit(code),
    signals: process,
});
