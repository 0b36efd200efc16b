// The homeserver as the provisioning sees it: JSON calls with the admin's token, counted by method
// (a run that changes nothing makes GETs only), waiting out rate limits, and able to stop after a
// given number of changing requests (to prove that a run cut short resumes where it stopped).
import { setTimeout as sleep } from "node:timers/promises";

export class HomeserverError extends Error {
    constructor(
        readonly method: string,
        readonly path: string,
        readonly status: number,
        readonly body: string,
    ) {
        super(`${method} ${path} -> ${status}: ${body.slice(0, 500)}`);
        this.name = "HomeserverError";
    }

    get errcode(): string | undefined {
        try {
            return (JSON.parse(this.body) as { errcode?: string }).errcode;
        } catch {
            return undefined;
        }
    }
}

/** Thrown instead of the changing request past `stopAfterWrites`: the run stops as if killed there. */
export class RunInterrupted extends Error {
    constructor(writes: number) {
        super(`stopped on purpose after ${writes} changing requests`);
        this.name = "RunInterrupted";
    }
}

export interface HomeserverOptions {
    /** Stop (throw RunInterrupted) before the changing request after this many. */
    stopAfterWrites?: number;
    /** How often a 429 or a dropped connection is retried before giving up. */
    retries?: number;
}

const CHANGING = new Set(["PUT", "POST", "DELETE"]);
const r = encodeURIComponent;

export class Homeserver {
    readonly counts: Record<string, number> = {};
    /** Every changing request, in order: "PUT /_matrix/...". */
    readonly writes: string[] = [];
    private readonly retries: number;

    constructor(
        readonly baseUrl: string,
        private readonly accessToken: string,
        private readonly options: HomeserverOptions = {},
    ) {
        this.retries = options.retries ?? 5;
    }

    get changingRequests(): number {
        return this.writes.length;
    }

    async request<T>(method: string, path: string, body?: unknown): Promise<T> {
        if (CHANGING.has(method)) {
            const limit = this.options.stopAfterWrites;
            if (limit !== undefined && this.writes.length >= limit) throw new RunInterrupted(this.writes.length);
            this.writes.push(`${method} ${path}`);
        }
        this.counts[method] = (this.counts[method] ?? 0) + 1;
        for (let attempt = 0; ; attempt++) {
            let response: Response;
            try {
                response = await fetch(new URL(path, this.baseUrl), {
                    method,
                    headers: {
                        Authorization: `Bearer ${this.accessToken}`,
                        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
                    },
                    body: body === undefined ? undefined : JSON.stringify(body),
                });
            } catch (error) {
                // A GET or PUT may be repeated safely; a POST that may have reached the server is not.
                if (method === "POST" || attempt >= this.retries) throw error;
                await sleep(500 * (attempt + 1));
                continue;
            }
            const text = await response.text();
            if (response.status === 429 && attempt < this.retries) {
                const wait = Number((JSON.parse(text || "{}") as { retry_after_ms?: number }).retry_after_ms ?? 1000);
                await sleep(Math.min(Math.max(wait, 100), 30_000));
                continue;
            }
            if (!response.ok) throw new HomeserverError(method, path, response.status, text);
            return (text ? JSON.parse(text) : {}) as T;
        }
    }

    /** GET that answers null on 404 (a thing that does not exist yet). */
    async find<T>(path: string): Promise<T | null> {
        try {
            return await this.request<T>("GET", path);
        } catch (error) {
            if (error instanceof HomeserverError && error.status === 404) return null;
            throw error;
        }
    }

    whoami(): Promise<{ user_id: string }> {
        return this.request("GET", "/_matrix/client/v3/account/whoami");
    }

    adminUser(userId: string): Promise<{ name: string; displayname: string | null; admin: boolean } | null> {
        return this.find(`/_synapse/admin/v2/users/${r(userId)}`);
    }

    /** Creates or updates a user (Synapse admin API). */
    putUser(userId: string, body: { displayname: string; password?: string }): Promise<unknown> {
        return this.request("PUT", `/_synapse/admin/v2/users/${r(userId)}`, body);
    }

    resolveAlias(alias: string): Promise<{ room_id: string } | null> {
        return this.find(`/_matrix/client/v3/directory/room/${r(alias)}`);
    }

    roomState(
        roomId: string,
    ): Promise<
        Array<{ type: string; state_key: string; content: Record<string, unknown>; event_id: string; sender: string }>
    > {
        return this.request("GET", `/_matrix/client/v3/rooms/${r(roomId)}/state`);
    }

    async joinedMembers(roomId: string): Promise<string[]> {
        const res = await this.request<{ joined: Record<string, unknown> }>(
            "GET",
            `/_matrix/client/v3/rooms/${r(roomId)}/joined_members`,
        );
        return Object.keys(res.joined);
    }

    roomEvent(roomId: string, eventId: string): Promise<{ content: Record<string, unknown>; type: string } | null> {
        return this.find(`/_matrix/client/v3/rooms/${r(roomId)}/event/${r(eventId)}`);
    }

    async createRoom(body: Record<string, unknown>): Promise<string> {
        return (await this.request<{ room_id: string }>("POST", "/_matrix/client/v3/createRoom", body)).room_id;
    }

    async sendState(roomId: string, type: string, stateKey: string, content: unknown): Promise<string> {
        const path = `/_matrix/client/v3/rooms/${r(roomId)}/state/${r(type)}/${r(stateKey)}`;
        return (await this.request<{ event_id: string }>("PUT", path, content)).event_id;
    }

    /** Makes a user join a room the admin is in (Synapse admin API: invites first where needed). */
    forceJoin(roomId: string, userId: string): Promise<unknown> {
        return this.request("POST", `/_synapse/admin/v1/join/${r(roomId)}`, { user_id: userId });
    }

    async defaultRoomVersion(): Promise<string> {
        const res = await this.request<{ capabilities?: { "m.room_versions"?: { default?: string } } }>(
            "GET",
            "/_matrix/client/v3/capabilities",
        );
        return res.capabilities?.["m.room_versions"]?.default ?? "10";
    }
}
