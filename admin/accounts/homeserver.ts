// The homeserver side of the sync, through Synapse's admin API with an admin's access token.

/** A user of the homeserver as the sync sees them. */
export interface HomeserverUser {
    userId: string;
    localpart: string;
    admin: boolean;
    locked: boolean;
    deactivated: boolean;
    guest: boolean;
    /** Synapse's user_type: null for people, "bot" or "support" for the others. */
    userType: string | null;
}

interface ListedUser {
    name: string;
    admin?: boolean;
    locked?: boolean;
    deactivated?: boolean;
    is_guest?: boolean;
    user_type?: string | null;
}

export class HomeserverError extends Error {}

export class Homeserver {
    constructor(
        readonly baseUrl: string,
        private readonly accessToken: string,
        private readonly fetchImpl: typeof fetch = fetch,
    ) {}

    private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
        let response: Response;
        try {
            response = await this.fetchImpl(new URL(path, this.baseUrl), {
                method,
                headers: {
                    Authorization: `Bearer ${this.accessToken}`,
                    ...(body === undefined ? {} : { "Content-Type": "application/json" }),
                },
                body: body === undefined ? undefined : JSON.stringify(body),
                signal: AbortSignal.timeout(30_000),
            });
        } catch (error) {
            throw new HomeserverError(
                `${method} ${path}: the homeserver could not be reached (${(error as Error).message})`,
            );
        }
        const text = await response.text();
        if (!response.ok) {
            let detail = text.slice(0, 200);
            try {
                const parsed = JSON.parse(text) as { errcode?: string; error?: string };
                detail = [parsed.errcode, parsed.error].filter(Boolean).join(": ") || detail;
            } catch {
                // not JSON: keep the text
            }
            throw new HomeserverError(`${method} ${path}: ${response.status} ${detail}`);
        }
        return (text ? JSON.parse(text) : {}) as T;
    }

    /** Whose token this is. */
    async whoami(): Promise<string> {
        const { user_id } = await this.request<{ user_id: string }>("GET", "/_matrix/client/v3/account/whoami");
        return user_id;
    }

    /** Every user that is not deactivated, locked ones included, page by page. */
    async listUsers(pageSize = 500): Promise<HomeserverUser[]> {
        const users: HomeserverUser[] = [];
        let from: string | undefined = "0";
        while (from !== undefined) {
            const query = new URLSearchParams({ from, limit: String(pageSize), locked: "true", guests: "false" });
            const page: { users: ListedUser[]; next_token?: string | number } = await this.request(
                "GET",
                `/_synapse/admin/v2/users?${query}`,
            );
            for (const user of page.users) users.push(toHomeserverUser(user));
            from = page.next_token === undefined || page.next_token === null ? undefined : String(page.next_token);
        }
        return users;
    }

    async lock(userId: string): Promise<void> {
        await this.request("PUT", `/_synapse/admin/v2/users/${encodeURIComponent(userId)}`, { locked: true });
    }

    /** Deactivates without erasing: the user's messages stay for everyone else. */
    async deactivate(userId: string): Promise<void> {
        await this.request("POST", `/_synapse/admin/v1/deactivate/${encodeURIComponent(userId)}`, { erase: false });
    }
}

/** `@alice:example.com` → `alice`. */
export function localpartOf(userId: string): string {
    const colon = userId.indexOf(":");
    return (userId.startsWith("@") ? userId.slice(1, colon === -1 ? undefined : colon) : userId).toLowerCase();
}

function toHomeserverUser(user: ListedUser): HomeserverUser {
    return {
        userId: user.name,
        localpart: localpartOf(user.name),
        admin: Boolean(user.admin),
        locked: Boolean(user.locked),
        deactivated: Boolean(user.deactivated),
        guest: Boolean(user.is_guest),
        userType: user.user_type ?? null,
    };
}
