// The tenants directory, kept in memory: every tenant's served config (precomputed body and ETag),
// the hosts they serve, and what was refused. Re-read when the directory changes (fs.watch with a
// short debounce) or on demand (`reload()`, SIGHUP in main.ts). A file that fails to parse or
// validate never replaces what its tenant served before.
import { watch, type FSWatcher } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";

import type { Problem } from "./contract.ts";
import { strongEtag } from "./etag.ts";
import type { ClientConfig } from "./layering.ts";
import {
    DEFAULTS_NAME,
    loadDefaultsFile,
    loadTenantFile,
    TENANT_FILE_EXTENSIONS,
    TENANT_NAME,
    type Tenant,
} from "./tenantFile.ts";

/** The subset of pino's logger the store writes to (Fastify's `app.log`). */
export interface StoreLog {
    info(obj: object, msg: string): void;
    warn(obj: object, msg: string): void;
    error(obj: object, msg: string): void;
}

export interface ServedConfig {
    tenant: Tenant;
    body: string;
    etag: string;
    since: string;
}

/** ok: the file is valid and served; stale: the file was refused, its last valid config is served; invalid: refused, nothing to serve yet. */
export type TenantState = "ok" | "stale" | "invalid";

export interface TenantEntry {
    name: string;
    file: string;
    state: TenantState;
    served: ServedConfig | null;
    /** Why the current file was refused (empty when state is ok). */
    problems: Problem[];
    /** The hosts a refused file names, so their requests learn that the tenant is broken. */
    intendedHosts: string[];
}

interface Seen {
    text: string;
    defaultsKey: string;
}

export interface HostKey {
    /** `name:port` as the request gave it (lower case, without a trailing dot on the name). */
    withPort: string;
    name: string;
}

/** A Host header's name and port: `Example.org.:443` → `example.org:443`, `example.org`; IPv6 kept in brackets. */
export function parseHostHeader(header: string | undefined): HostKey | null {
    if (!header) return null;
    const value = header.trim().toLowerCase();
    const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+?)\.?(?::(\d{1,5}))?$/.exec(value);
    if (!match) return null;
    const name = match[1];
    return { withPort: match[2] ? `${name}:${match[2]}` : name, name };
}

/** A host named by more than one tenant, who names it and who (if anyone) serves it. */
export interface HostConflict {
    host: string;
    claimed_by: string[];
    served_by: string | null;
}

export interface StoreOptions {
    log: StoreLog;
    /** Wait this long after the last change event before re-reading (editors write in bursts). */
    debounceMs?: number;
    /** Watch the directory (default true). Without it, only `reload()` re-reads. */
    watch?: boolean;
}

export class TenantStore {
    private readonly log: StoreLog;
    private readonly debounceMs: number;
    private readonly shouldWatch: boolean;
    private watcher: FSWatcher | null = null;
    private timer: NodeJS.Timeout | null = null;
    private closed = false;

    private entries = new Map<string, TenantEntry>();
    private hostOwners = new Map<string, string>();
    private pendingHosts = new Map<string, string>();
    private hostProblems = new Map<string, Problem[]>();
    private conflicts = new Map<string, HostConflict>();
    private directoryProblems: Problem[] = [];
    private seen = new Map<string, Seen>();

    private defaults: ClientConfig = {};
    private defaultsFile: string | null = null;
    private defaultsState: "ok" | "stale" | "invalid" | "absent" = "absent";
    private defaultsProblems: Problem[] = [];

    private generation = 0;
    private loadedAt: string | null = null;
    private tail: Promise<void> = Promise.resolve();
    private queued: Promise<void> | null = null;

    public constructor(
        public readonly dir: string,
        options: StoreOptions,
    ) {
        this.log = options.log;
        this.debounceMs = options.debounceMs ?? 150;
        this.shouldWatch = options.watch ?? true;
    }

    /** Reads the directory once, then watches it. Fails only when the directory cannot be read at all. */
    public async start(): Promise<void> {
        const info = await stat(this.dir).catch(() => null);
        if (!info?.isDirectory()) throw new Error(`Tenants directory ${this.dir} does not exist or is not a directory`);
        await this.reload();
        if (this.shouldWatch && !this.closed) {
            this.watcher = watch(this.dir, { persistent: false }, () => this.schedule());
            this.watcher.on("error", (error) => {
                this.log.error(
                    { event: "watch_failed", dir: this.dir, err: error },
                    "Cannot watch the tenants directory; changes need a reload (SIGHUP)",
                );
            });
        }
    }

    public close(): void {
        this.closed = true;
        if (this.timer) clearTimeout(this.timer);
        this.timer = null;
        this.watcher?.close();
        this.watcher = null;
    }

    /** Re-reads the directory; calls while one runs share the next run. Never rejects. */
    public reload(): Promise<void> {
        if (this.queued) return this.queued;
        const run = this.tail.then(() => {
            this.queued = null;
            return this.rescan();
        });
        this.queued = run;
        this.tail = run;
        return run;
    }

    public byName(name: string): TenantEntry | undefined {
        return this.entries.get(name);
    }

    /** The tenant serving a Host header: `name:port` entries first, then `name` entries. */
    public byHost(header: string | undefined): TenantEntry | undefined {
        const found = this.resolveHost(header);
        return found.owner === undefined ? undefined : this.entries.get(found.owner);
    }

    /** The conflict that leaves a Host header's host unserved, when several tenants claim it. */
    public hostConflict(header: string | undefined): HostConflict | undefined {
        return this.resolveHost(header).conflict;
    }

    private resolveHost(header: string | undefined): { owner?: string; conflict?: HostConflict } {
        const key = parseHostHeader(header);
        if (!key) return {};
        for (const host of [key.withPort, key.name]) {
            const owner = this.hostOwners.get(host);
            if (owner !== undefined) return { owner };
            // Claimed by several and served by none: never fall through to a broader entry.
            const conflict = this.conflicts.get(host);
            if (conflict) return { conflict };
        }
        return { owner: this.pendingHosts.get(key.withPort) ?? this.pendingHosts.get(key.name) };
    }

    public status(): Record<string, unknown> {
        const tenants = [...this.entries.values()]
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((entry) => ({
                name: entry.name,
                file: entry.file,
                state: entry.state,
                hosts: entry.served?.tenant.hosts ?? entry.intendedHosts,
                web_origins: entry.served?.tenant.webOrigins ?? [],
                etag: entry.served?.etag ?? null,
                served_since: entry.served?.since ?? null,
                problems: [...entry.problems, ...(this.hostProblems.get(entry.name) ?? [])],
            }));
        const problems = [
            ...this.directoryProblems,
            ...this.defaultsProblems,
            ...tenants.flatMap((tenant) => tenant.problems),
        ];
        return {
            status: problems.length ? "degraded" : "ok",
            generation: this.generation,
            loaded_at: this.loadedAt,
            defaults: { file: this.defaultsFile, state: this.defaultsState, problems: this.defaultsProblems },
            tenants,
            host_conflicts: [...this.conflicts.values()],
            problems,
        };
    }

    private schedule(): void {
        if (this.closed) return;
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => {
            this.timer = null;
            void this.reload();
        }, this.debounceMs);
    }

    private async rescan(): Promise<void> {
        try {
            await this.rescanUnsafe();
        } catch (error) {
            this.log.error(
                { event: "reload_failed", dir: this.dir, err: error },
                "Reading the tenants directory failed; serving what was loaded before",
            );
            this.directoryProblems = [
                { file: ".", path: "", message: `the tenants directory could not be read: ${String(error)}` },
            ];
        } finally {
            this.generation++;
            this.loadedAt = new Date().toISOString();
        }
    }

    /** The directory's tenant files, grouped by tenant name (a name with two files is ambiguous). */
    private async listFiles(): Promise<{ groups: Map<string, string[]>; problems: Problem[] }> {
        const groups = new Map<string, string[]>();
        const problems: Problem[] = [];
        for (const file of (await readdir(this.dir)).sort()) {
            if (file.startsWith(".")) continue; // editor swap files, Kubernetes' ..data links
            const ext = TENANT_FILE_EXTENSIONS.find((e) => file.endsWith(e));
            if (!ext) continue;
            // Follow symlinks (ConfigMaps mount files as links); skip folders.
            const info = await stat(path.join(this.dir, file)).catch(() => null);
            if (!info?.isFile()) continue;
            const name = file.slice(0, -ext.length);
            if (name !== DEFAULTS_NAME && !TENANT_NAME.test(name)) {
                problems.push({
                    file,
                    path: "",
                    message: name.startsWith("_")
                        ? `ignored: names starting with "_" are reserved (only ${DEFAULTS_NAME} is read)`
                        : "ignored: a tenant's file name must be lower-case letters, digits, - and _ (starting with a letter or digit) and .yaml, .yml or .json",
                });
                continue;
            }
            groups.set(name, [...(groups.get(name) ?? []), file]);
        }
        return { groups, problems };
    }

    private async read(file: string): Promise<{ text: string } | { error: string }> {
        try {
            return { text: await readFile(path.join(this.dir, file), "utf8") };
        } catch (error) {
            return { error: `could not be read: ${error instanceof Error ? error.message : String(error)}` };
        }
    }

    private async rescanUnsafe(): Promise<void> {
        const { groups, problems } = await this.listFiles();
        this.directoryProblems = problems;
        const defaultsChanged = await this.loadDefaults(groups.get(DEFAULTS_NAME) ?? []);
        groups.delete(DEFAULTS_NAME);
        const defaultsKey = JSON.stringify(this.defaults);

        for (const [name, entry] of this.entries) {
            if (!groups.has(name)) {
                this.entries.delete(name);
                this.seen.delete(name);
                this.log.info(
                    { event: "tenant_removed", tenant: name, file: entry.file },
                    `Tenant ${name} removed (its file is gone)`,
                );
            }
        }
        await Promise.all(
            [...groups].map(([name, files]) => this.loadTenant(name, files, defaultsKey, defaultsChanged)),
        );
        this.indexHosts();
    }

    /** Returns whether the defaults in force changed. */
    private async loadDefaults(files: string[]): Promise<boolean> {
        const before = JSON.stringify(this.defaults);
        if (files.length === 0) {
            if (this.defaultsFile)
                this.log.info({ event: "defaults_removed" }, "No defaults file any more: built-in empty defaults");
            this.defaults = {};
            this.defaultsFile = null;
            this.defaultsState = "absent";
            this.defaultsProblems = [];
            this.seen.delete(DEFAULTS_NAME);
            return before !== "{}";
        }
        const file = files[0];
        this.defaultsFile = file;
        if (files.length > 1) {
            this.seen.delete(DEFAULTS_NAME);
            this.refuseDefaults(file, [
                { file: files.join(", "), path: "", message: "only one defaults file may exist; remove the others" },
            ]);
            return false;
        }
        const read = await this.read(file);
        if ("error" in read) {
            this.seen.delete(DEFAULTS_NAME);
            this.refuseDefaults(file, [{ file, path: "", message: read.error }]);
            return false;
        }
        const last = this.seen.get(DEFAULTS_NAME);
        if (last && last.text === read.text) return false;
        this.seen.set(DEFAULTS_NAME, { text: read.text, defaultsKey: "" });
        const loaded = loadDefaultsFile(file, read.text);
        if (!loaded.ok) {
            this.refuseDefaults(file, loaded.problems);
            return false;
        }
        this.defaults = loaded.value;
        this.defaultsState = "ok";
        this.defaultsProblems = [];
        this.log.info({ event: "defaults_loaded", file }, `Defaults loaded from ${file}`);
        return JSON.stringify(this.defaults) !== before;
    }

    private refuseDefaults(file: string, problems: Problem[]): void {
        this.defaultsState = this.defaultsState === "ok" || this.defaultsState === "stale" ? "stale" : "invalid";
        this.defaultsProblems = problems;
        this.log.error(
            { event: "defaults_refused", file, problems },
            `Defaults file ${file} refused (${this.defaultsState === "stale" ? "keeping the last valid defaults" : "using built-in empty defaults"}): ${summary(problems)}`,
        );
    }

    private async loadTenant(
        name: string,
        files: string[],
        defaultsKey: string,
        defaultsChanged: boolean,
    ): Promise<void> {
        const previous = this.entries.get(name);
        const file = files.length === 1 ? files[0] : files.join(", ");
        if (files.length > 1) {
            this.refuseTenant(
                name,
                file,
                [{ file, path: "", message: `tenant ${name} has ${files.length} files; keep only one` }],
                [],
            );
            this.seen.delete(name);
            return;
        }
        const read = await this.read(file);
        if ("error" in read) {
            this.refuseTenant(name, file, [{ file, path: "", message: read.error }], previous?.intendedHosts ?? []);
            this.seen.delete(name);
            return;
        }
        const last = this.seen.get(name);
        if (previous && previous.file === file && last?.text === read.text && last.defaultsKey === defaultsKey) return;
        this.seen.set(name, { text: read.text, defaultsKey });
        const loaded = loadTenantFile(name, file, read.text, this.defaults);
        if (!loaded.ok) {
            this.refuseTenant(name, file, loaded.problems, loaded.intendedHosts);
            return;
        }
        const body = loaded.value.body;
        const etag = strongEtag(body);
        const unchanged = previous?.served?.etag === etag;
        this.entries.set(name, {
            name,
            file,
            state: "ok",
            served: {
                tenant: loaded.value,
                body,
                etag,
                since: unchanged && previous?.served ? previous.served.since : new Date().toISOString(),
            },
            problems: [],
            intendedHosts: loaded.value.hosts,
        });
        if (!unchanged || previous?.state !== "ok") {
            this.log.info(
                {
                    event: "tenant_loaded",
                    tenant: name,
                    file,
                    hosts: loaded.value.hosts,
                    etag,
                    after_defaults_change: defaultsChanged,
                },
                `Tenant ${name} loaded from ${file}`,
            );
        }
    }

    private refuseTenant(name: string, file: string, problems: Problem[], hosts: string[]): void {
        const previous = this.entries.get(name);
        const served = previous?.served ?? null;
        const state: TenantState = served ? "stale" : "invalid";
        this.entries.set(name, { name, file, state, served, problems, intendedHosts: hosts });
        this.log.error(
            { event: "tenant_refused", tenant: name, file, problems, state },
            `Tenant file ${file} refused (${served ? "keeping its last valid config" : "the tenant has no valid config yet"}): ${summary(problems)}`,
        );
    }

    /**
     * Which tenant serves each host. A host only one tenant claims is that tenant's. A host several
     * tenants claim stays with the one that served it before; when none did (at start, or when the
     * claims arrive in one reload) nobody serves it. So the outcome never depends on file names or the
     * order files are read, and a live host never moves to a new claimant: the operator decides, by
     * removing it from all files but one. Every conflict is logged and listed on /v1/status.
     */
    private indexHosts(): void {
        const owners = new Map<string, string>();
        const problems = new Map<string, Problem[]>();
        const conflicts = new Map<string, HostConflict>();
        const names = [...this.entries.keys()].sort();
        const claimants = new Map<string, string[]>();
        for (const name of names) {
            for (const host of this.entries.get(name)!.served?.tenant.hosts ?? []) {
                claimants.set(host, [...(claimants.get(host) ?? []), name]);
            }
        }
        for (const [host, claiming] of claimants) {
            if (claiming.length === 1) {
                owners.set(host, claiming[0]);
                continue;
            }
            const before = this.hostOwners.get(host);
            const owner = before !== undefined && claiming.includes(before) ? before : null;
            if (owner !== null) owners.set(host, owner);
            conflicts.set(host, { host, claimed_by: claiming, served_by: owner });
            for (const other of claiming) {
                if (other === owner) continue;
                const problem = {
                    file: this.entries.get(other)!.file,
                    path: "/hosts",
                    message:
                        owner === null
                            ? `host "${host}" is also claimed by ${claiming.filter((n) => n !== other).join(", ")}; nobody serves it until it is removed from all files but one`
                            : `host "${host}" is served by tenant ${owner}; it stays there until it is removed from ${owner}'s file`,
                };
                problems.set(other, [...(problems.get(other) ?? []), problem]);
            }
            const previous = this.conflicts.get(host);
            if (previous?.served_by !== owner || previous.claimed_by.join() !== claiming.join()) {
                this.log.warn(
                    { event: "host_conflict", host, claimed_by: claiming, served_by: owner },
                    `Host ${host} is claimed by ${claiming.join(", ")}; ${owner === null ? "nobody serves it" : `${owner} keeps serving it`}`,
                );
            }
        }
        // A broken new tenant's hosts answer "this tenant's config is invalid", when only it names them.
        const intended = new Map<string, string[]>();
        for (const name of names) {
            const entry = this.entries.get(name)!;
            if (entry.served) continue;
            for (const host of entry.intendedHosts) intended.set(host, [...(intended.get(host) ?? []), name]);
        }
        const pending = new Map<string, string>();
        for (const [host, naming] of intended) {
            if (naming.length === 1 && !claimants.has(host)) pending.set(host, naming[0]);
        }
        this.hostOwners = owners;
        this.pendingHosts = pending;
        this.hostProblems = problems;
        this.conflicts = conflicts;
    }
}

function summary(problems: Problem[]): string {
    const first = problems[0];
    if (!first) return "no details";
    const more = problems.length > 1 ? ` (+${problems.length - 1} more)` : "";
    return `${first.file}${first.path ? ` at ${first.path}` : ""}: ${first.message}${more}`;
}
