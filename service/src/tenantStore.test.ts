/** @jest-environment node */
// The tenants directory in memory, without the HTTP service around it: what it serves, what it
// refuses and why, what it tells /v1/status and the log. The service's own tests (reload, server,
// attacks) check the same store through HTTP; these pin its rules one by one.
import { mkdir, rm, symlink } from "node:fs/promises";
import path from "node:path";

import type { FSWatcher } from "node:fs";

import { parseHostHeader, TenantStore, type StoreLog } from "./tenantStore.ts";
import { eventually, tenantsDir, type TenantsDir } from "./testSupport.ts";

// Files the service may not read (running as root here, permissions cannot show it): reading them
// fails as an unreadable file would.
const mockUnreadable = new Set<string>();
jest.mock("node:fs/promises", () => {
    const actual = jest.requireActual("node:fs/promises");
    return {
        ...actual,
        readFile: (file: string, ...rest: unknown[]) =>
            mockUnreadable.has(String(file).split("/").pop()!)
                ? Promise.reject(new Error(`EACCES: permission denied, open '${file}'`))
                : actual.readFile(file, ...rest),
    };
});

interface LogLine {
    level: "info" | "warn" | "error";
    obj: Record<string, unknown>;
    msg: string;
}

function recordingLog(): StoreLog & { lines: LogLine[]; messages(level: LogLine["level"]): string[] } {
    const lines: LogLine[] = [];
    const push = (level: LogLine["level"]) => (obj: object, msg: string) =>
        lines.push({ level, obj: obj as Record<string, unknown>, msg });
    return {
        lines,
        info: push("info"),
        warn: push("warn"),
        error: push("error"),
        messages: (level) => lines.filter((line) => line.level === level).map((line) => line.msg),
    };
}

const tenantYaml = (brand: string, hosts: string[] = []): string =>
    `hosts: [${hosts.join(", ")}]\nweb_origins: [https://${brand.toLowerCase().replace(/\W+/g, "-")}.test]\nconfig:\n  brand: ${brand}\n`;

interface StatusTenant {
    name: string;
    file: string;
    state: string;
    hosts: string[];
    web_origins: string[];
    etag: string | null;
    served_since: string | null;
    problems: { file: string; path: string; message: string }[];
}

const statusTenants = (store: TenantStore): StatusTenant[] => store.status().tenants as StatusTenant[];
const brandOf = (store: TenantStore, name: string): unknown =>
    JSON.parse(store.byName(name)?.served?.body ?? "{}").brand;

let tenants: TenantsDir;
let store: TenantStore | undefined;

afterEach(async () => {
    mockUnreadable.clear();
    store?.close();
    store = undefined;
    // Not every test makes a folder, and the first to run may not (cleaning one up again is harmless).
    await tenants?.cleanup();
});

async function startStore(files: Record<string, string>, log: StoreLog = recordingLog()): Promise<TenantStore> {
    tenants = await tenantsDir(files);
    store = new TenantStore(tenants.dir, { log, watch: false });
    await store.start();
    return store;
}

describe("starting", () => {
    it("refuses a directory that is missing or is a file", async () => {
        tenants = await tenantsDir({ "acme.yaml": tenantYaml("Acme") });
        const missing = path.join(tenants.dir, "nowhere");
        await expect(new TenantStore(missing, { log: recordingLog(), watch: false }).start()).rejects.toThrow(
            `Tenants directory ${missing} does not exist or is not a directory`,
        );
        const file = path.join(tenants.dir, "acme.yaml");
        await expect(new TenantStore(file, { log: recordingLog(), watch: false }).start()).rejects.toThrow(
            "does not exist or is not a directory",
        );
    });

    it("reports nothing loaded before its first read", async () => {
        tenants = await tenantsDir({});
        expect(new TenantStore(tenants.dir, { log: recordingLog(), watch: false }).status()).toEqual({
            status: "ok",
            generation: 0,
            loaded_at: null,
            defaults: { file: null, state: "absent", problems: [] },
            tenants: [],
            host_conflicts: [],
            problems: [],
        });
    });

    it("logs a watcher that fails", async () => {
        const log = recordingLog();
        tenants = await tenantsDir({});
        const s = new TenantStore(tenants.dir, { log, debounceMs: 10 });
        store = s;
        await s.start();
        const failure = new Error("too many watchers");
        (s as unknown as { watcher: FSWatcher }).watcher.emit("error", failure);
        expect(log.lines).toEqual([
            {
                level: "error",
                obj: { event: "watch_failed", dir: tenants.dir, err: failure },
                msg: "Cannot watch the tenants directory; changes need a reload (SIGHUP)",
            },
        ]);
    });

    it("reports an empty directory as ok, generation 1, loaded just now", async () => {
        const before = Date.now();
        const s = await startStore({});
        const status = s.status();
        expect(status).toEqual({
            status: "ok",
            generation: 1,
            loaded_at: expect.any(String),
            defaults: { file: null, state: "absent", problems: [] },
            tenants: [],
            host_conflicts: [],
            problems: [],
        });
        expect(Date.parse(status.loaded_at as string)).toBeGreaterThanOrEqual(before - 1000);
        expect(Date.parse(status.loaded_at as string)).toBeLessThanOrEqual(Date.now() + 1000);
    });
});

describe("which files are tenants", () => {
    it("reads .yaml, .yml and .json, skips hidden files, other extensions and folders, follows links", async () => {
        const s = await startStore({
            "acme.yaml": tenantYaml("Acme"),
            "beta.yml": tenantYaml("Beta"),
            "gamma.json": JSON.stringify({ config: { brand: "Gamma" } }),
            ".acme.yaml.swp": "not yaml: [",
            ".hidden.yaml": tenantYaml("Hidden"),
            "notes.txt": "hello",
            "README.md": "# tenants",
        });
        await mkdir(path.join(tenants.dir, "folder.yaml"));
        await mkdir(path.join(tenants.dir, "..data"));
        await tenants.write(path.join("..data", "delta.yaml"), tenantYaml("Delta"));
        await symlink(path.join(tenants.dir, "..data", "delta.yaml"), path.join(tenants.dir, "delta.yaml"));
        await symlink(path.join(tenants.dir, "gone.yaml"), path.join(tenants.dir, "dangling.yaml"));
        await s.reload();
        expect(statusTenants(s).map((t) => [t.name, t.file, t.state])).toEqual([
            ["acme", "acme.yaml", "ok"],
            ["beta", "beta.yml", "ok"],
            ["delta", "delta.yaml", "ok"],
            ["gamma", "gamma.json", "ok"],
        ]);
        expect(brandOf(s, "delta")).toBe("Delta");
        expect(s.status().problems).toEqual([]);
    });

    it("ignores badly named files and names starting with _, saying why", async () => {
        const s = await startStore({
            "Acme.yaml": tenantYaml("Acme"),
            "_other.yaml": tenantYaml("Other"),
            "-dash.json": "{}",
            "ok.yaml": tenantYaml("Ok"),
        });
        expect(statusTenants(s).map((t) => t.name)).toEqual(["ok"]);
        const nameRule =
            "ignored: a tenant's file name must be lower-case letters, digits, - and _ (starting with a letter or digit) and .yaml, .yml or .json";
        expect(s.status()).toMatchObject({
            status: "degraded",
            problems: [
                { file: "-dash.json", path: "", message: nameRule },
                { file: "Acme.yaml", path: "", message: nameRule },
                {
                    file: "_other.yaml",
                    path: "",
                    message: 'ignored: names starting with "_" are reserved (only _defaults is read)',
                },
            ],
        });
        await tenants.remove("Acme.yaml");
        await tenants.remove("_other.yaml");
        await tenants.remove("-dash.json");
        await s.reload();
        expect(s.status()).toMatchObject({ status: "ok", problems: [] });
    });

    it("refuses a tenant with two files, naming both, and serves it again when one goes", async () => {
        const log = recordingLog();
        const s = await startStore({ "acme.yaml": tenantYaml("Acme", ["acme.test"]) }, log);
        await tenants.write("acme.json", JSON.stringify({ config: { brand: "Json" } }));
        await s.reload();
        const [acme] = statusTenants(s);
        expect(acme).toMatchObject({
            file: "acme.json, acme.yaml",
            state: "stale",
            problems: [{ file: "acme.json, acme.yaml", path: "", message: "tenant acme has 2 files; keep only one" }],
        });
        expect(brandOf(s, "acme")).toBe("Acme");
        expect(log.messages("error")).toContain(
            "Tenant file acme.json, acme.yaml refused (keeping its last valid config): acme.json, acme.yaml: tenant acme has 2 files; keep only one",
        );
        // The same text as before, yet served again: the refusal forgot what was last read.
        await tenants.remove("acme.json");
        await s.reload();
        expect(statusTenants(s)[0]).toMatchObject({ file: "acme.yaml", state: "ok", problems: [] });
        expect(s.byHost("acme.test")?.name).toBe("acme");
    });

    it("says when the directory cannot be read, keeps serving, and counts the attempt", async () => {
        const log = recordingLog();
        const s = await startStore({ "acme.yaml": tenantYaml("Acme", ["acme.test"]) }, log);
        await rm(tenants.dir, { recursive: true });
        await s.reload();
        const status = s.status();
        expect(status.generation).toBe(2);
        expect(status.status).toBe("degraded");
        expect(status.problems).toEqual([
            {
                file: ".",
                path: "",
                message: expect.stringMatching(/^the tenants directory could not be read: Error: ENOENT/),
            },
        ]);
        expect(log.lines).toContainEqual({
            level: "error",
            obj: expect.objectContaining({ event: "reload_failed", dir: tenants.dir }),
            msg: "Reading the tenants directory failed; serving what was loaded before",
        });
        expect(s.byHost("acme.test")?.name).toBe("acme");

        await mkdir(tenants.dir);
        await tenants.write("acme.yaml", tenantYaml("Acme", ["acme.test"]));
        await s.reload();
        expect(s.status()).toMatchObject({ status: "ok", generation: 3, problems: [] });
    });
});

describe("a tenant's file", () => {
    it("is served with its hosts, origins, ETag and the time it was first served", async () => {
        const log = recordingLog();
        const s = await startStore({ "acme.yaml": tenantYaml("Acme", ["acme.test", "chat.acme.test"]) }, log);
        const [acme] = statusTenants(s);
        expect(acme).toEqual({
            name: "acme",
            file: "acme.yaml",
            state: "ok",
            hosts: ["acme.test", "chat.acme.test"],
            web_origins: ["https://acme.test"],
            etag: s.byName("acme")!.served!.etag,
            served_since: expect.any(String),
            problems: [],
        });
        expect(acme.etag).toMatch(/^"[\w-]{43}"$/);
        expect(log.lines).toContainEqual({
            level: "info",
            obj: {
                event: "tenant_loaded",
                tenant: "acme",
                file: "acme.yaml",
                hosts: ["acme.test", "chat.acme.test"],
                etag: acme.etag,
                after_defaults_change: false,
            },
            msg: "Tenant acme loaded from acme.yaml",
        });
    });

    it("keeps its ETag and served_since, and logs nothing, when its bytes served do not change", async () => {
        const log = recordingLog();
        const s = await startStore({ "acme.yaml": tenantYaml("Acme") }, log);
        const first = statusTenants(s)[0];
        await new Promise((resolve) => setTimeout(resolve, 5));
        // Another spelling of the same config: read and checked again, the same body served.
        await tenants.write("acme.yaml", `# edited\n${tenantYaml("Acme")}`);
        await s.reload();
        expect(statusTenants(s)[0]).toEqual(first);
        expect(log.messages("info")).toEqual(["Tenant acme loaded from acme.yaml"]);

        await tenants.write("acme.yaml", tenantYaml("Acme 2"));
        await s.reload();
        const changed = statusTenants(s)[0];
        expect(changed.etag).not.toBe(first.etag);
        expect(Date.parse(changed.served_since!)).toBeGreaterThan(Date.parse(first.served_since!));
        expect(log.messages("info")).toHaveLength(2);
    });

    it("keeps the last valid config when it breaks, and says why", async () => {
        const log = recordingLog();
        const s = await startStore({ "acme.yaml": tenantYaml("Acme", ["acme.test"]) }, log);
        const served = statusTenants(s)[0];
        await tenants.write("acme.yaml", "hosts: [acme.test]\nconfig:\n  brand: 3\n  nonsense_key: [\n");
        await s.reload();
        const [acme] = statusTenants(s);
        expect(acme).toMatchObject({
            state: "stale",
            hosts: ["acme.test"],
            etag: served.etag,
            served_since: served.served_since,
        });
        expect(acme.problems.length).toBeGreaterThan(0);
        expect(acme.problems[0].file).toBe("acme.yaml");
        expect(s.byHost("acme.test")?.state).toBe("stale");
        expect(brandOf(s, "acme")).toBe("Acme");
        const refusal = log.lines.find((line) => line.obj.event === "tenant_refused")!;
        expect(refusal).toMatchObject({
            level: "error",
            obj: { tenant: "acme", file: "acme.yaml", problems: acme.problems, state: "stale" },
        });
        expect(refusal.msg).toMatch(/^Tenant file acme\.yaml refused \(keeping its last valid config\): acme\.yaml: /);

        // Fixed with its old text: served, and logged as loaded again.
        await tenants.write("acme.yaml", tenantYaml("Acme", ["acme.test"]));
        await s.reload();
        expect(statusTenants(s)[0]).toMatchObject({ state: "ok", problems: [], etag: served.etag });
        expect(log.messages("info").filter((m) => m === "Tenant acme loaded from acme.yaml")).toHaveLength(2);
    });

    it("gives a new broken tenant no config, and answers for the hosts it names", async () => {
        const log = recordingLog();
        const s = await startStore({ "acme.yaml": "hosts: [Acme.test, 'b.test:8443']\nconfig:\n  brand: 3\n" }, log);
        const [acme] = statusTenants(s);
        expect(acme).toMatchObject({
            state: "invalid",
            hosts: ["acme.test", "b.test:8443"],
            web_origins: [],
            etag: null,
            served_since: null,
        });
        expect(s.byHost("acme.test")).toMatchObject({ name: "acme", state: "invalid", served: null });
        expect(s.byHost("b.test:8443")?.name).toBe("acme");
        expect(s.byHost("b.test")).toBeUndefined();
        expect(log.lines.find((line) => line.obj.event === "tenant_refused")).toMatchObject({
            obj: { state: "invalid" },
            msg: expect.stringMatching(
                /^Tenant file acme\.yaml refused \(the tenant has no valid config yet\): acme\.yaml at \/hosts\/0: /,
            ),
        });
    });

    it("names the first problem's path and how many more in the log", async () => {
        const log = recordingLog();
        await startStore({ "acme.yaml": "config:\n  brand: 3\n  default_theme: 4\n" }, log);
        const refusal = log.lines.find((line) => line.obj.event === "tenant_refused")!;
        const problems = refusal.obj.problems as { file: string; path: string; message: string }[];
        expect(problems.length).toBeGreaterThan(1);
        expect(refusal.msg).toBe(
            `Tenant file acme.yaml refused (the tenant has no valid config yet): acme.yaml at ${problems[0].path}: ${problems[0].message} (+${problems.length - 1} more)`,
        );
    });

    it("is dropped, and logged, when its file goes", async () => {
        const log = recordingLog();
        const s = await startStore(
            { "acme.yaml": tenantYaml("Acme", ["acme.test"]), "beta.yaml": tenantYaml("Beta") },
            log,
        );
        await tenants.remove("acme.yaml");
        await s.reload();
        expect(s.byName("acme")).toBeUndefined();
        expect(s.byHost("acme.test")).toBeUndefined();
        expect(statusTenants(s).map((t) => t.name)).toEqual(["beta"]);
        expect(log.lines).toContainEqual({
            level: "info",
            obj: { event: "tenant_removed", tenant: "acme", file: "acme.yaml" },
            msg: "Tenant acme removed (its file is gone)",
        });
        // Back with the same text: read again, not taken for unchanged.
        await tenants.write("acme.yaml", tenantYaml("Acme", ["acme.test"]));
        await s.reload();
        expect(s.byHost("acme.test")?.name).toBe("acme");
    });

    it("says when its file cannot be read, keeping what it served and the hosts it named", async () => {
        const log = recordingLog();
        const s = await startStore(
            { "acme.yaml": tenantYaml("Acme", ["acme.test"]), "beta.yaml": tenantYaml("Beta") },
            log,
        );
        mockUnreadable.add("acme.yaml");
        mockUnreadable.add("beta.yaml");
        await tenants.write("new.yaml", tenantYaml("New", ["new.test"]));
        mockUnreadable.add("new.yaml");
        await s.reload();
        const byName = Object.fromEntries(statusTenants(s).map((t) => [t.name, t]));
        expect(byName.acme).toMatchObject({
            state: "stale",
            hosts: ["acme.test"],
            problems: [
                {
                    file: "acme.yaml",
                    path: "",
                    message: `could not be read: EACCES: permission denied, open '${path.join(tenants.dir, "acme.yaml")}'`,
                },
            ],
        });
        expect(byName.new).toMatchObject({ state: "invalid", hosts: [], etag: null });
        expect(s.byHost("acme.test")?.name).toBe("acme");

        // Readable again with the same text: read, checked and served as before.
        mockUnreadable.clear();
        await s.reload();
        expect(statusTenants(s).map((t) => [t.name, t.state])).toEqual([
            ["acme", "ok"],
            ["beta", "ok"],
            ["new", "ok"],
        ]);
    });

    it("refused and left as it is, is not checked and logged again on every reload", async () => {
        const log = recordingLog();
        const s = await startStore({ "acme.yaml": "config:\n  brand: 3\n" }, log);
        await s.reload();
        await s.reload();
        expect(log.lines.filter((line) => line.obj.event === "tenant_refused")).toHaveLength(1);
        // Fixed: served, although it had never been served before.
        await tenants.write("acme.yaml", "config:\n  brand: Acme\n");
        await s.reload();
        expect(statusTenants(s)[0]).toMatchObject({ state: "ok", problems: [] });
    });

    it("of a new tenant with two files names no hosts", async () => {
        const s = await startStore({
            "acme.yaml": tenantYaml("Acme", ["acme.test"]),
            "acme.json": JSON.stringify({ hosts: ["acme.test"], config: {} }),
        });
        expect(statusTenants(s)[0]).toMatchObject({ state: "invalid", hosts: [] });
        expect(s.byHost("acme.test")).toBeUndefined();
    });

    it("moves to another extension as a change of file", async () => {
        const s = await startStore({ "acme.yaml": tenantYaml("Acme") });
        await tenants.remove("acme.yaml");
        await tenants.write("acme.yml", tenantYaml("Acme"));
        await s.reload();
        expect(statusTenants(s)[0]).toMatchObject({ file: "acme.yml", state: "ok" });
    });
});

describe("the defaults file", () => {
    it("is layered under every tenant, and a change re-layers them all", async () => {
        const log = recordingLog();
        const s = await startStore(
            {
                "_defaults.yaml": "config:\n  brand: Default\n  default_theme: dark\n",
                "acme.yaml": "config:\n  brand: Acme\n",
                "beta.yaml": "config:\n  default_country_code: FR\n",
            },
            log,
        );
        expect(brandOf(s, "beta")).toBe("Default");
        expect(s.status().defaults).toEqual({ file: "_defaults.yaml", state: "ok", problems: [] });
        expect(log.lines).toContainEqual({
            level: "info",
            obj: { event: "defaults_loaded", file: "_defaults.yaml" },
            msg: "Defaults loaded from _defaults.yaml",
        });
        const etagBefore = s.byName("acme")!.served!.etag;

        await tenants.write("_defaults.yaml", "config:\n  brand: Default 2\n  default_theme: light\n");
        await s.reload();
        expect(brandOf(s, "beta")).toBe("Default 2");
        expect(JSON.parse(s.byName("acme")!.served!.body)).toMatchObject({ brand: "Acme", default_theme: "light" });
        expect(s.byName("acme")!.served!.etag).not.toBe(etagBefore);
        // Tenants load side by side: their lines come in the order their files were read.
        const reloaded = log.lines.filter((line) => line.obj.event === "tenant_loaded").slice(2);
        expect(reloaded.map((line) => [line.obj.tenant, line.obj.after_defaults_change]).sort()).toEqual([
            ["acme", true],
            ["beta", true],
        ]);
    });

    it("keeps the tenants as they are when its text is the same or only its spelling changes", async () => {
        const log = recordingLog();
        const s = await startStore(
            { "_defaults.yaml": "config:\n  brand: Default\n", "acme.yaml": "config: {}\n" },
            log,
        );
        await tenants.write("_defaults.yaml", "# same values\nconfig:\n  brand: Default\n");
        await s.reload();
        await s.reload();
        expect(log.messages("info")).toEqual([
            "Defaults loaded from _defaults.yaml",
            "Tenant acme loaded from _defaults.yaml".replace("_defaults.yaml", "acme.yaml"),
            "Defaults loaded from _defaults.yaml",
        ]);
    });

    it("keeps the last valid defaults when it breaks, then none are left when it goes", async () => {
        const log = recordingLog();
        const s = await startStore(
            { "_defaults.yaml": "config:\n  brand: Default\n", "acme.yaml": "config: {}\n" },
            log,
        );
        await tenants.write("_defaults.yaml", "config:\n  brand: 3\n");
        await s.reload();
        const defaults = s.status().defaults as { file: string; state: string; problems: { path: string }[] };
        expect(defaults).toMatchObject({ file: "_defaults.yaml", state: "stale" });
        expect(defaults.problems[0]).toMatchObject({ path: "/config/brand" });
        expect(s.status()).toMatchObject({ status: "degraded", problems: defaults.problems });
        expect(brandOf(s, "acme")).toBe("Default");
        const refusal = log.lines.find((line) => line.obj.event === "defaults_refused")!;
        expect(refusal).toMatchObject({
            level: "error",
            obj: { file: "_defaults.yaml", problems: defaults.problems },
        });
        expect(refusal.msg).toMatch(
            /^Defaults file _defaults\.yaml refused \(keeping the last valid defaults\): _defaults\.yaml at \/config\/brand: /,
        );
        // Still broken on the next read: still stale.
        await tenants.write("_defaults.yaml", "config:\n  brand: 4\n");
        await s.reload();
        expect(s.status().defaults).toMatchObject({ state: "stale" });

        await tenants.remove("_defaults.yaml");
        await s.reload();
        expect(s.status().defaults).toEqual({ file: null, state: "absent", problems: [] });
        expect(brandOf(s, "acme")).toBeUndefined();
        expect(log.lines).toContainEqual({
            level: "info",
            obj: { event: "defaults_removed" },
            msg: "No defaults file any more: built-in empty defaults",
        });
    });

    it("marks the tenants re-read in the same reload as re-layered only when the defaults changed", async () => {
        const log = recordingLog();
        const s = await startStore(
            { "_defaults.yaml": "config:\n  brand: Default\n", "acme.yaml": "config:\n  default_theme: dark\n" },
            log,
        );
        let edits = 0;
        const reloadWithTenantEdit = async (): Promise<unknown> => {
            edits++;
            await tenants.write("acme.yaml", `config:\n  default_theme: dark\n  default_country_code: C${edits}\n`);
            await s.reload();
            return log.lines.filter((line) => line.obj.event === "tenant_loaded").pop()?.obj.after_defaults_change;
        };
        // The defaults' text is the same, then only its spelling changes, then it breaks, then a
        // second one appears, then it cannot be read: the defaults in force stay the same.
        expect(await reloadWithTenantEdit()).toBe(false);
        await tenants.write("_defaults.yaml", "# spelled differently\nconfig: { brand: Default }\n");
        expect(await reloadWithTenantEdit()).toBe(false);
        await tenants.write("_defaults.yaml", "config:\n  brand: 3\n");
        expect(await reloadWithTenantEdit()).toBe(false);
        await tenants.write("_defaults.json", "{}");
        expect(await reloadWithTenantEdit()).toBe(false);
        await tenants.remove("_defaults.json");
        mockUnreadable.add("_defaults.yaml");
        expect(await reloadWithTenantEdit()).toBe(false);
        expect(s.status().defaults).toEqual({
            file: "_defaults.yaml",
            state: "stale",
            problems: [
                {
                    file: "_defaults.yaml",
                    path: "",
                    message: `could not be read: EACCES: permission denied, open '${path.join(tenants.dir, "_defaults.yaml")}'`,
                },
            ],
        });
        expect(brandOf(s, "acme")).toBe("Default");
        // Gone: the built-in empty defaults are a change.
        await tenants.remove("_defaults.yaml");
        expect(await reloadWithTenantEdit()).toBe(true);
        expect(brandOf(s, "acme")).toBeUndefined();
        // None before and none now: no change.
        expect(await reloadWithTenantEdit()).toBe(false);
    });

    it("is invalid, with built-in empty defaults, when it was never valid", async () => {
        const log = recordingLog();
        const s = await startStore({ "_defaults.yaml": "config:\n  brand: 3\n", "acme.yaml": "config: {}\n" }, log);
        expect(s.status().defaults).toMatchObject({ file: "_defaults.yaml", state: "invalid" });
        expect(s.byName("acme")?.state).toBe("ok");
        expect(log.lines.find((line) => line.obj.event === "defaults_refused")?.msg).toMatch(
            /^Defaults file _defaults\.yaml refused \(using built-in empty defaults\): /,
        );
        // Fixed: the tenants are layered over it.
        await tenants.write("_defaults.yaml", "config:\n  brand: Default\n");
        await s.reload();
        expect(s.status().defaults).toEqual({ file: "_defaults.yaml", state: "ok", problems: [] });
        expect(brandOf(s, "acme")).toBe("Default");
    });

    it("says nothing when there never was one, and loads a new one", async () => {
        const log = recordingLog();
        const s = await startStore({ "acme.yaml": "config: {}\n" }, log);
        await s.reload();
        expect(log.lines.map((line) => line.obj.event)).toEqual(["tenant_loaded"]);
        await tenants.write("_defaults.json", JSON.stringify({ config: { brand: "J" } }));
        await s.reload();
        expect(brandOf(s, "acme")).toBe("J");
        expect(s.status().defaults).toMatchObject({ file: "_defaults.json", state: "ok" });
    });

    it("read again after a refusal for two files, even with the same text", async () => {
        const s = await startStore({ "_defaults.yaml": "config:\n  brand: D\n", "acme.yaml": "config: {}\n" });
        await tenants.write("_defaults.yml", "config:\n  brand: Y\n");
        await s.reload();
        expect(s.status().defaults).toMatchObject({ file: "_defaults.yaml", state: "stale" });
        await tenants.remove("_defaults.yml");
        await s.reload();
        expect(s.status().defaults).toEqual({ file: "_defaults.yaml", state: "ok", problems: [] });
        expect(brandOf(s, "acme")).toBe("D");
    });
});

describe("hosts", () => {
    it("are read from a Host header without its surrounding blanks", () => {
        expect(parseHostHeader("  Acme.test.:8443 ")).toEqual({ withPort: "acme.test:8443", name: "acme.test" });
    });

    it("are looked up with their port first, then by name", async () => {
        const s = await startStore({
            "acme.yaml": tenantYaml("Acme", ["acme.test"]),
            "alt.yaml": tenantYaml("Alt", ["acme.test:8443"]),
        });
        expect(s.byHost("acme.test:8443")?.name).toBe("alt");
        expect(s.byHost("ACME.test.:443")?.name).toBe("acme");
        expect(s.byHost("acme.test")?.name).toBe("acme");
        expect(s.byHost("other.test")).toBeUndefined();
        expect(s.byHost(undefined)).toBeUndefined();
        expect(s.byHost("a:b:c")).toBeUndefined();
        expect(s.hostConflict("acme.test")).toBeUndefined();
    });

    it("claimed by two tenants at once are served by neither, with a problem on each", async () => {
        const log = recordingLog();
        const s = await startStore(
            {
                "aaa.yaml": tenantYaml("A", ["shared.test", "a.test"]),
                "bbb.yaml": tenantYaml("B", ["shared.test"]),
            },
            log,
        );
        expect(s.byHost("shared.test")).toBeUndefined();
        expect(s.byHost("a.test")?.name).toBe("aaa");
        const conflict = { host: "shared.test", claimed_by: ["aaa", "bbb"], served_by: null };
        expect(s.hostConflict("shared.test:443")).toEqual(conflict);
        expect(s.status().host_conflicts).toEqual([conflict]);
        const byName = Object.fromEntries(statusTenants(s).map((t) => [t.name, t.problems]));
        expect(byName).toEqual({
            aaa: [
                {
                    file: "aaa.yaml",
                    path: "/hosts",
                    message:
                        'host "shared.test" is also claimed by bbb; nobody serves it until it is removed from all files but one',
                },
            ],
            bbb: [
                {
                    file: "bbb.yaml",
                    path: "/hosts",
                    message:
                        'host "shared.test" is also claimed by aaa; nobody serves it until it is removed from all files but one',
                },
            ],
        });
        expect(s.status().status).toBe("degraded");
        expect(log.messages("warn")).toEqual(["Host shared.test is claimed by aaa, bbb; nobody serves it"]);
    });

    it("stay with the tenant that served them when another claims them", async () => {
        const log = recordingLog();
        const s = await startStore({ "bbb.yaml": tenantYaml("B", ["shared.test"]) }, log);
        await tenants.write("aaa.yaml", tenantYaml("A", ["shared.test"]));
        await s.reload();
        expect(s.byHost("shared.test")?.name).toBe("bbb");
        expect(s.hostConflict("shared.test")).toBeUndefined();
        expect(s.status().host_conflicts).toEqual([
            { host: "shared.test", claimed_by: ["aaa", "bbb"], served_by: "bbb" },
        ]);
        expect(statusTenants(s).map((t) => [t.name, t.problems])).toEqual([
            [
                "aaa",
                [
                    {
                        file: "aaa.yaml",
                        path: "/hosts",
                        message:
                            'host "shared.test" is served by tenant bbb; it stays there until it is removed from bbb\'s file',
                    },
                ],
            ],
            ["bbb", []],
        ]);
        expect(log.messages("warn")).toEqual(["Host shared.test is claimed by aaa, bbb; bbb keeps serving it"]);
        // Released by its server: the other claimant gets it.
        await tenants.write("bbb.yaml", tenantYaml("B"));
        await s.reload();
        expect(s.byHost("shared.test")?.name).toBe("aaa");
        expect(s.status().host_conflicts).toEqual([]);
    });

    it("claimed by three name the other two, and go to nobody when their server lets go as two claim them", async () => {
        const s = await startStore({ "ccc.yaml": tenantYaml("C", ["h.test"]) });
        await tenants.write("ccc.yaml", tenantYaml("C"));
        await tenants.write("aaa.yaml", tenantYaml("A", ["h.test"]));
        await tenants.write("bbb.yaml", tenantYaml("B", ["h.test"]));
        await s.reload();
        expect(s.byHost("h.test")).toBeUndefined();
        expect(s.hostConflict("h.test")).toEqual({ host: "h.test", claimed_by: ["aaa", "bbb"], served_by: null });

        await tenants.write("ccc.yaml", tenantYaml("C", ["h.test"]));
        await s.reload();
        expect(statusTenants(s).find((t) => t.name === "aaa")?.problems).toEqual([
            {
                file: "aaa.yaml",
                path: "/hosts",
                message:
                    'host "h.test" is also claimed by bbb, ccc; nobody serves it until it is removed from all files but one',
            },
        ]);
    });

    it("a conflict on name:port does not fall through to the name's own tenant", async () => {
        const s = await startStore({
            "aaa.yaml": tenantYaml("A", ["h.test:8443"]),
            "bbb.yaml": tenantYaml("B", ["h.test:8443"]),
            "ccc.yaml": tenantYaml("C", ["h.test"]),
        });
        expect(s.byHost("h.test:8443")).toBeUndefined();
        expect(s.hostConflict("h.test:8443")?.claimed_by).toEqual(["aaa", "bbb"]);
        expect(s.byHost("h.test")?.name).toBe("ccc");
    });

    it("named by a broken new tenant point to it, unless a served tenant or another broken one names them", async () => {
        const s = await startStore({
            "acme.yaml": tenantYaml("Acme", ["acme.test"]),
            "bad1.yaml": "hosts: [only1.test, both.test, acme.test]\nconfig: []\n",
            "bad2.yaml": "hosts: [both.test]\nconfig: []\n",
        });
        expect(s.byHost("only1.test")?.name).toBe("bad1");
        expect(s.byHost("both.test")).toBeUndefined();
        expect(s.byHost("acme.test")?.name).toBe("acme");
        expect(s.status().host_conflicts).toEqual([]);
    });

    it("of a stale tenant stay its own, even if its broken file no longer names them", async () => {
        const s = await startStore({ "acme.yaml": tenantYaml("Acme", ["acme.test"]) });
        await tenants.write("acme.yaml", "hosts: [new.test]\nconfig: []\n");
        await s.reload();
        expect(s.byHost("acme.test")?.state).toBe("stale");
        expect(s.byHost("new.test")).toBeUndefined();
        expect(statusTenants(s)[0].hosts).toEqual(["acme.test"]);
    });
});

describe("reloading", () => {
    it("shares one run among calls made before it starts, and queues one behind a running one", async () => {
        const s = await startStore({ "acme.yaml": tenantYaml("Acme") });
        const together = [s.reload(), s.reload()];
        expect(together[1]).toBe(together[0]);
        await Promise.all(together);
        expect(s.status().generation).toBe(2);

        const running = s.reload();
        await Promise.resolve(); // the run has begun reading the directory
        const next = s.reload();
        const alsoNext = s.reload();
        expect(next).not.toBe(running);
        expect(alsoNext).toBe(next);
        await tenants.write("acme.yaml", tenantYaml("Acme 2"));
        await next;
        expect(s.status().generation).toBe(4);
        expect(brandOf(s, "acme")).toBe("Acme 2");
    });

    it("follows the directory when watching, and stops when closed", async () => {
        tenants = await tenantsDir({ "acme.yaml": tenantYaml("Acme") });
        const s = new TenantStore(tenants.dir, { log: recordingLog(), debounceMs: 10 });
        store = s;
        await s.start();
        await tenants.write("acme.yaml", tenantYaml("Acme 2"));
        await eventually(async () => brandOf(s, "acme") === "Acme 2");
        s.close();
        const generation = s.status().generation;
        await tenants.write("acme.yaml", tenantYaml("Acme 3"));
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(brandOf(s, "acme")).toBe("Acme 2");
        expect(s.status().generation).toBe(generation);
    });

    it("drops a read still waiting for its debounce when closed", async () => {
        tenants = await tenantsDir({ "acme.yaml": tenantYaml("Acme") });
        const s = new TenantStore(tenants.dir, { log: recordingLog(), debounceMs: 300 });
        store = s;
        await s.start();
        await tenants.write("acme.yaml", tenantYaml("Acme 2"));
        await new Promise((resolve) => setTimeout(resolve, 100)); // the change is seen, its read waits
        s.close();
        await new Promise((resolve) => setTimeout(resolve, 400));
        expect(s.status().generation).toBe(1);
        expect(brandOf(s, "acme")).toBe("Acme");
    });

    it("waits for a burst of changes to end before reading", async () => {
        tenants = await tenantsDir({ "acme.yaml": tenantYaml("Acme") });
        const s = new TenantStore(tenants.dir, { log: recordingLog(), debounceMs: 300 });
        store = s;
        await s.start();
        for (let i = 0; i < 4; i++) {
            await tenants.write("acme.yaml", tenantYaml(`Acme ${i}`));
            await new Promise((resolve) => setTimeout(resolve, 50));
        }
        expect(s.status().generation).toBe(1);
        await eventually(async () => brandOf(s, "acme") === "Acme 3");
        expect(s.status().generation).toBe(2);
        await new Promise((resolve) => setTimeout(resolve, 500)); // no read left over from the burst
        expect(s.status().generation).toBe(2);
    });

    it("does not watch when told not to, nor after being closed before starting", async () => {
        tenants = await tenantsDir({ "acme.yaml": tenantYaml("Acme") });
        const unwatched = new TenantStore(tenants.dir, { log: recordingLog(), watch: false, debounceMs: 10 });
        const closedEarly = new TenantStore(tenants.dir, { log: recordingLog(), debounceMs: 10 });
        closedEarly.close();
        await unwatched.start();
        await closedEarly.start();
        await tenants.write("acme.yaml", tenantYaml("Acme 2"));
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(brandOf(unwatched, "acme")).toBe("Acme");
        expect(brandOf(closedEarly, "acme")).toBe("Acme");
        unwatched.close();
    });

    it("re-reads on its own within the default debounce", async () => {
        tenants = await tenantsDir({ "acme.yaml": tenantYaml("Acme") });
        const s = new TenantStore(tenants.dir, { log: recordingLog() });
        store = s;
        await s.start();
        await tenants.write("acme.yaml", tenantYaml("Acme 2"));
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(brandOf(s, "acme")).toBe("Acme");
        await eventually(async () => brandOf(s, "acme") === "Acme 2", 2000);
    });
});
