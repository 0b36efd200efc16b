// The directory's last good copy on disk, so a service restarted while its source is down still has
// people to serve (with their age). One file per tenant in the service's data folder, written
// atomically (a temporary file beside it, then a rename), readable by the service's user only: it
// holds the company's people. A file made for other settings (another LDAP server or mapping) or one
// that cannot be read whole is ignored.
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

import type { DirectoryPerson } from "../../../contract/directoryPerson.ts";
import type { DirectorySettings } from "./settings.ts";

const FORMAT = 1;

export interface Snapshot {
    /** When the people were read from the source (ms since the epoch). */
    refreshedAt: number;
    people: DirectoryPerson[];
}

/** The file of a tenant's copy inside the data folder; tenant names are file names already, encoded anyway. */
export function snapshotPath(dataDir: string, tenant: string): string {
    return path.join(dataDir, "directory", `${encodeURIComponent(tenant)}.json`);
}

/** What the copy was read with, without secrets: a copy from another source never serves. */
export function settingsFingerprint(settings: DirectorySettings): string {
    const source =
        settings.source.type === "ldap" ? { ...settings.source, bindPassword: null, timeoutMs: 0 } : settings.source;
    const { refreshSeconds: _refresh, homeserverUrl: _homeserver, allowedServers: _allowed, ...mapping } = settings;
    return createHash("sha256")
        .update(JSON.stringify({ ...mapping, source }))
        .digest("hex");
}

export async function writeSnapshot(file: string, fingerprint: string, snapshot: Snapshot): Promise<void> {
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const temporary = `${file}.${randomBytes(6).toString("hex")}.tmp`;
    const body = JSON.stringify({
        format: FORMAT,
        fingerprint,
        refreshed_at: new Date(snapshot.refreshedAt).toISOString(),
        people: snapshot.people,
    });
    try {
        await writeFile(temporary, body, { mode: 0o600, flush: true });
        await rename(temporary, file);
    } catch (error) {
        await rm(temporary, { force: true });
        throw error;
    }
}

const isText = (value: unknown): value is string => typeof value === "string";
const isTextOrNull = (value: unknown): boolean => value === null || isText(value);

function isPerson(value: unknown): value is DirectoryPerson {
    if (typeof value !== "object" || value === null) return false;
    const p = value as Record<string, unknown>;
    return (
        isText(p.id) &&
        isText(p.name) &&
        Array.isArray(p.department) &&
        p.department.every(isText) &&
        ["matrix_id", "title", "location", "email", "phone", "manager_id", "time_zone", "photo_url"].every((key) =>
            isTextOrNull(p[key]),
        )
    );
}

/**
 * The copy in `file` when it is whole and was made with these settings; null when there is none.
 * Throws, with a one-line reason, when a file is there but unusable.
 */
export async function readSnapshot(file: string, fingerprint: string): Promise<Snapshot | null> {
    let text: string;
    try {
        text = await readFile(file, "utf8");
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
    }
    const data = JSON.parse(text) as Record<string, unknown>;
    if (data?.format !== FORMAT) throw new Error(`unknown format ${JSON.stringify(data?.format)}`);
    if (data.fingerprint !== fingerprint) throw new Error("made with other directory settings");
    const refreshedAt = isText(data.refreshed_at) ? Date.parse(data.refreshed_at) : NaN;
    if (!Number.isFinite(refreshedAt)) throw new Error("no valid refreshed_at");
    if (!Array.isArray(data.people) || !data.people.every(isPerson)) throw new Error("malformed people");
    return { refreshedAt, people: data.people };
}
