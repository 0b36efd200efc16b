/** @jest-environment node */
// The service's start as main.ts runs it, in this process: the arguments, output, exit and signals
// are stand-ins, the service and its listening socket are real. (main.test.ts runs main.ts itself.)
import { EventEmitter } from "node:events";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";

import type { FastifyInstance } from "fastify";

import { USAGE } from "./options.ts";
import { startService, type ServiceProcess } from "./startup.ts";
import { ACME_YAML, eventually, tenantsDir, type TenantsDir } from "./testSupport.ts";

interface FakeProcess {
    proc: ServiceProcess;
    stdout: () => string;
    stderr: () => string;
    exits: number[];
    /** Resolves with the first exit code. */
    exited: Promise<number>;
    signals: EventEmitter;
}

function fakeProcess(argv: string[], env: NodeJS.ProcessEnv = {}): FakeProcess {
    let stdout = "";
    let stderr = "";
    const exits: number[] = [];
    let exited!: (code: number) => void;
    const signals = new EventEmitter();
    return {
        proc: {
            argv,
            env,
            stdout: { write: (text: string) => (stdout += text) },
            stderr: { write: (text: string) => (stderr += text) },
            exit: (code) => {
                exits.push(code);
                exited(code);
            },
            signals,
        },
        stdout: () => stdout,
        stderr: () => stderr,
        exits,
        exited: new Promise((resolve) => (exited = resolve)),
        signals,
    };
}

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    return port;
}

async function tenantNames(url: string): Promise<string[]> {
    const status = (await (await fetch(`${url}/v1/status`)).json()) as { tenants: { name: string }[] };
    return status.tenants.map((tenant) => tenant.name).sort();
}

let tenants: TenantsDir;
const started: FastifyInstance[] = [];
beforeEach(async () => {
    tenants = await tenantsDir({ "acme.yaml": ACME_YAML });
});
afterEach(async () => {
    for (const app of started.splice(0)) await app.close();
    await tenants.cleanup();
});

/** Starts the service on a fake process, expecting it to listen. */
async function listening(fake: FakeProcess): Promise<FastifyInstance> {
    const app = await startService(fake.proc);
    expect(app).not.toBeNull();
    started.push(app!);
    return app!;
}

describe("before it listens", () => {
    it("prints the usage for --help, and neither exits nor listens", async () => {
        const help = fakeProcess(["--help"]);
        expect(await startService(help.proc)).toBeNull();
        expect(help.stdout()).toBe(USAGE);
        expect(help.stderr()).toBe("");
        expect(help.exits).toEqual([]);
        expect(help.signals.eventNames()).toEqual([]);
    });

    it("exits 2 with the problem and the usage on a bad option", async () => {
        const bad = fakeProcess(["--tenants", tenants.dir, "--max-connections", "none"]);
        expect(await startService(bad.proc)).toBeNull();
        expect(bad.stderr()).toBe(`--max-connections must be a whole number above 0, not "none"\n\n${USAGE}`);
        expect(bad.stdout()).toBe("");
        expect(bad.exits).toEqual([2]);
        // Options come from the environment too.
        const badEnv = fakeProcess([], { ATRIUM_TENANTS_DIR: tenants.dir, ATRIUM_PORT: "http" });
        expect(await startService(badEnv.proc)).toBeNull();
        expect(badEnv.stderr()).toBe(`Port must be a number from 0 to 65535, not "http"\n\n${USAGE}`);
        expect(badEnv.exits).toEqual([2]);
    });

    it("exits 1 saying why when the service cannot start", async () => {
        const missing = path.join(tenants.dir, "missing");
        const run = fakeProcess(["--tenants", missing]);
        expect(await startService(run.proc)).toBeNull();
        expect(run.stderr()).toBe(
            `Atrium config service failed to start: Tenants directory ${missing} does not exist or is not a directory\n`,
        );
        expect(run.exits).toEqual([1]);
        expect(run.signals.eventNames()).toEqual([]);
    });

    it("exits 1, without the usage, when reading the options fails for another reason than a bad option", async () => {
        const unreadable = new Proxy<NodeJS.ProcessEnv>(
            {},
            {
                get: () => {
                    throw new Error("the environment cannot be read");
                },
            },
        );
        const run = fakeProcess([], unreadable);
        expect(await startService(run.proc)).toBeNull();
        expect(run.stderr()).toBe("Atrium config service failed to start: the environment cannot be read\n");
        expect(run.exits).toEqual([1]);
    });

    it("says what was thrown when it is no Error", async () => {
        const run = fakeProcess(["--help"]);
        run.proc.stdout.write = () => {
            throw "stdout is closed";
        };
        expect(await startService(run.proc)).toBeNull();
        expect(run.stderr()).toBe("Atrium config service failed to start: stdout is closed\n");
        expect(run.exits).toEqual([1]);
    });
});

describe("listening", () => {
    it("listens on the port and address asked for and prints where", async () => {
        const port = await freePort();
        const run = fakeProcess(["--tenants", tenants.dir, "--port", String(port), "--log-level", "silent"]);
        await listening(run);
        const url = `http://127.0.0.1:${port}`;
        expect(run.stdout()).toBe(
            `Atrium config service listening on ${url} (tenants: ${tenants.dir})\n` +
                `  ${url}/v1/config  ${url}/v1/status  ${url}/v1/schema\n`,
        );
        expect(run.stderr()).toBe("");
        expect(run.exits).toEqual([]);
        expect(await tenantNames(url)).toEqual(["acme"]);
    });

    it("names the web app's directory when it serves one", async () => {
        const webapp = await mkdtemp(path.join(os.tmpdir(), "atrium-webapp-"));
        try {
            await writeFile(path.join(webapp, "index.html"), "<!doctype html><title>Atrium</title>");
            const run = fakeProcess(["--port", "0", "--webapp", webapp], {
                ATRIUM_TENANTS_DIR: tenants.dir,
                ATRIUM_LOG_LEVEL: "silent",
            });
            await listening(run);
            const url = /listening on (http:\/\/127\.0\.0\.1:\d+) /.exec(run.stdout())![1];
            expect(run.stdout().split("\n")[0]).toBe(
                `Atrium config service listening on ${url} (tenants: ${tenants.dir}, web app: ${webapp})`,
            );
            expect((await fetch(`${url}/`)).status).toBe(200);
        } finally {
            await rm(webapp, { recursive: true, force: true });
        }
    });
});

describe("signals", () => {
    const start = async (): Promise<{ run: FakeProcess; app: FastifyInstance; url: string }> => {
        const run = fakeProcess(["--tenants", tenants.dir, "--port", "0", "--log-level", "silent", "--no-watch"]);
        const app = await listening(run);
        const url = /listening on (http:\/\/127\.0\.0\.1:\d+) /.exec(run.stdout())![1];
        return { run, app, url };
    };

    it("re-reads the tenants directory on each SIGHUP, saying so in the log", async () => {
        const { run, app, url } = await start();
        const info = jest.spyOn(app.log, "info");
        await tenants.write("globex.yaml", ACME_YAML.replace("chat.acme.test", "chat.globex.test"));
        await tenants.write("acme.yaml", ACME_YAML.replace("chat.acme.test", "chat.acme.example"));
        // Not watching: nothing changes until the signal.
        expect(await tenantNames(url)).toEqual(["acme"]);
        run.signals.emit("SIGHUP");
        expect(info).toHaveBeenCalledWith({ event: "reload_requested" }, "SIGHUP: re-reading the tenants directory");
        await eventually(async () => (await tenantNames(url)).length === 2);
        expect(await tenantNames(url)).toEqual(["acme", "globex"]);

        // And again: the handler stays.
        await tenants.remove("globex.yaml");
        run.signals.emit("SIGHUP");
        await eventually(async () => (await tenantNames(url)).length === 1);
        const reloads = info.mock.calls.filter(
            ([fields]) => (fields as { event?: string }).event === "reload_requested",
        );
        expect(reloads).toHaveLength(2);
        expect(run.exits).toEqual([]);
    });

    it.each(["SIGTERM", "SIGINT"])("stops on %s: closes the service, then exits 0", async (signal) => {
        const { run, app, url } = await start();
        const info = jest.spyOn(app.log, "info");
        run.signals.emit(signal);
        expect(info).toHaveBeenCalledWith({ event: "stopping", signal }, `${signal}: stopping`);
        expect(await run.exited).toBe(0);
        expect(run.exits).toEqual([0]);
        await expect(fetch(`${url}/v1/status`)).rejects.toThrow();
        // Each stop handler runs once; the other signal's is still there until the process ends.
        expect(run.signals.listenerCount(signal)).toBe(0);
        expect(run.signals.listenerCount(signal === "SIGINT" ? "SIGTERM" : "SIGINT")).toBe(1);
    });

    it("exits 1 when closing fails", async () => {
        const { run, app } = await start();
        // `close` is overloaded (a promise, or a callback): the stand-in is the promise form.
        const failing = (() => Promise.reject(new Error("stuck"))) as unknown as FastifyInstance["close"];
        jest.spyOn(app, "close").mockImplementationOnce(failing);
        run.signals.emit("SIGTERM");
        expect(await run.exited).toBe(1);
        expect(run.exits).toEqual([1]);
    });
});
