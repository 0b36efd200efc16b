// Helpers for the service's jest tests: a temporary tenants directory and a quiet service over it.
import { mkdtemp, rm, writeFile, unlink } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import type { FastifyInstance } from "fastify";

import { buildService, type ServiceOptions } from "./server.ts";

export interface TenantsDir {
    dir: string;
    write(file: string, text: string): Promise<void>;
    remove(file: string): Promise<void>;
    cleanup(): Promise<void>;
}

export async function tenantsDir(files: Record<string, string> = {}): Promise<TenantsDir> {
    const dir = await mkdtemp(path.join(os.tmpdir(), "atrium-tenants-"));
    const handle: TenantsDir = {
        dir,
        write: (file, text) => writeFile(path.join(dir, file), text),
        remove: (file) => unlink(path.join(dir, file)),
        cleanup: () => rm(dir, { recursive: true, force: true }),
    };
    for (const [file, text] of Object.entries(files)) await handle.write(file, text);
    return handle;
}

export function quietService(options: ServiceOptions): Promise<FastifyInstance> {
    return buildService({ logLevel: "silent", reloadDebounceMs: 20, ...options });
}

/** Polls `check` until it returns true (or throws its last failure after `timeoutMs`). */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        if (await check()) return;
        if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 25));
    }
}

export const ACME_YAML = `hosts: [chat.acme.test, "acme.test:8443"]
web_origins: [https://chat.acme.test]
config:
  brand: Acme Chat
  default_server_config:
    m.homeserver:
      base_url: https://matrix.acme.test
      server_name: acme.test
  room_directory:
    servers: [acme.test]
  atrium:
    brand:
      colors: { primary: "#112233" }
`;

export const DEFAULTS_YAML = `config:
  disable_guests: true
  room_directory:
    servers: [default.test, other.test]
  setting_defaults:
    UIFeature.registration: false
  atrium:
    brand:
      logo_url: img/atrium-logo.svg
      colors: { primary: "#0b6e69", on_primary: "#ffffff" }
`;

/**
 * A time budget for a "quickly" check. Mutation testing runs instrumented code (every statement
 * goes through a switch) far slower: scripts/mutation.mjs sets ATRIUM_TIMING_FACTOR for its runs.
 */
export function timingBudgetMs(ms: number): number {
    const factor = Number(process.env.ATRIUM_TIMING_FACTOR ?? "1");
    return Number.isFinite(factor) && factor >= 1 ? ms * factor : ms;
}
