/** @jest-environment node */
// The command line as operators run it: `node --import tsx service/src/main.ts`, a real process.
import { spawn } from "node:child_process";
import path from "node:path";

import { ACME_YAML, tenantsDir, type TenantsDir } from "./testSupport.ts";

const MAIN = path.resolve(__dirname, "main.ts");
const ROOT = path.resolve(__dirname, "../..");

interface Run {
    code: Promise<number | null>;
    stdout: () => string;
    stderr: () => string;
    kill: (signal: NodeJS.Signals) => void;
}

function run(args: string[], env: Record<string, string> = {}): Run {
    const child = spawn(process.execPath, ["--import", "tsx", MAIN, ...args], {
        cwd: ROOT,
        env: { ...process.env, ...env, ATRIUM_OPERATOR_TOKEN: env.ATRIUM_OPERATOR_TOKEN ?? "" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    return {
        code: new Promise((resolve) => child.on("exit", (code) => resolve(code))),
        stdout: () => stdout,
        stderr: () => stderr,
        kill: (signal) => child.kill(signal),
    };
}

async function until(check: () => boolean, ms = 15_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!check()) {
        if (Date.now() > deadline) throw new Error("timed out");
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
}

let tenants: TenantsDir;
beforeAll(async () => {
    tenants = await tenantsDir({ "acme.yaml": ACME_YAML });
});
afterAll(() => tenants.cleanup());

describe("main.ts", () => {
    it("prints the usage for --help and exits 0", async () => {
        const help = run(["--help"]);
        expect(await help.code).toBe(0);
        expect(help.stdout()).toContain("--operator-token");
        expect(help.stdout()).toContain("--max-connections");
    });

    it("exits 2 with the usage on a bad option", async () => {
        const bad = run(["--tenants", tenants.dir, "--max-connections", "none"]);
        expect(await bad.code).toBe(2);
        expect(bad.stderr()).toContain('--max-connections must be a whole number above 0, not "none"');
        expect(bad.stderr()).toContain("Usage:");
    });

    it("exits 1 saying why when it cannot start", async () => {
        const missing = run(["--tenants", path.join(tenants.dir, "missing")]);
        expect(await missing.code).toBe(1);
        expect(missing.stderr()).toMatch(/^Atrium config service failed to start: Tenants directory .* does not exist/);
    });

    it("listens with its limits and operator token, reloads on SIGHUP and stops on SIGTERM", async () => {
        const token = "t".repeat(20);
        const service = run(
            ["--tenants", tenants.dir, "--port", "0", "--log-level", "info", "--max-connections", "64"],
            {
                ATRIUM_OPERATOR_TOKEN: token,
            },
        );
        await until(() => /listening on (http:\/\/127\.0\.0\.1:\d+)/.test(service.stdout()));
        const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(service.stdout())![1];
        expect(service.stdout()).toContain(`tenants: ${tenants.dir}`);
        expect(service.stdout()).toContain(`${url}/v1/config`);
        expect((await fetch(`${url}/v1/status`)).status).toBe(401);
        const status = await fetch(`${url}/v1/status`, { headers: { authorization: `Bearer ${token}` } });
        expect(((await status.json()) as { tenants: { name: string }[] }).tenants[0].name).toBe("acme");

        service.kill("SIGHUP");
        await until(() => service.stdout().includes('"event":"reload_requested"'));
        service.kill("SIGTERM");
        expect(await service.code).toBe(0);
        expect(service.stdout()).toContain('"event":"stopping"');
    }, 30_000);
});
