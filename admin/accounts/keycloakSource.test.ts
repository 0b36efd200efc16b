/** @jest-environment node */
import { keycloakAdminToken, listKeycloakAccounts, localpartFromUsername } from "./keycloakSource.ts";

const ADMIN = { baseUrl: "https://id.example.org/", adminUser: "admin", adminPassword: "secret" };

interface Call {
    url: string;
    init?: RequestInit;
}

/** A Keycloak that grants `token` for the admin's password and serves `users` in pages. */
function fakeKeycloak(
    users: Record<string, unknown>[],
    options: { token?: string } = {},
): {
    fetch: typeof fetch;
    calls: Call[];
} {
    const calls: Call[] = [];
    const json = (status: number, body: unknown): Response =>
        new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
    const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
        const url = String(input);
        calls.push({ url, init });
        if (url === "https://id.example.org/realms/master/protocol/openid-connect/token") {
            const form = new URLSearchParams(String(init?.body));
            const granted = form.get("client_id") === "admin-cli" && form.get("password") === "secret";
            return granted
                ? json(200, { access_token: options.token ?? "t0ken" })
                : json(401, { error: "invalid_grant" });
        }
        const list = url.match(/^https:\/\/id\.example\.org\/admin\/realms\/acme\/users\?first=(\d+)&max=(\d+)$/);
        if (list) {
            if ((init?.headers as Record<string, string>).Authorization !== "Bearer t0ken") return json(401, {});
            const [first, max] = [Number(list[1]), Number(list[2])];
            return json(200, users.slice(first, first + max));
        }
        return json(404, { error: "not found" });
    };
    return { fetch: fetchImpl as typeof fetch, calls };
}

describe("localpartFromUsername", () => {
    it("lower-cases usernames that are Matrix localparts", () => {
        expect(localpartFromUsername("Ada.Lovelace")).toEqual({ localpart: "ada.lovelace" });
        expect(localpartFromUsername("j_doe-2/ops=x+y")).toEqual({ localpart: "j_doe-2/ops=x+y" });
    });

    it("says why a username cannot be a localpart", () => {
        expect(localpartFromUsername("josé garcía")).toEqual({
            reason: "not a Matrix localpart (characters not allowed: é space í)",
        });
        expect(localpartFromUsername("ada@example.org")).toEqual({
            reason: "not a Matrix localpart (characters not allowed: @)",
        });
        expect(localpartFromUsername("  ")).toEqual({ reason: "empty username" });
        expect(localpartFromUsername("a".repeat(201))).toEqual({ reason: "longer than 200 characters" });
    });
});

describe("listKeycloakAccounts", () => {
    it("lists every page of the realm's people with whether they may sign in", async () => {
        const users = Array.from({ length: 5 }, (_, i) => ({ username: `user${i}`, enabled: i !== 3 }));
        const keycloak = fakeKeycloak(users);
        const result = await listKeycloakAccounts({ ...ADMIN, realm: "acme", pageSize: 2, fetch: keycloak.fetch });
        expect(result.accounts).toEqual(users.map((u) => ({ localpart: u.username, enabled: u.enabled })));
        expect(result.rejected).toEqual([]);
        // Three pages of two; the short last page ends the listing.
        expect(keycloak.calls.filter((c) => c.url.includes("/users?"))).toHaveLength(3);
    });

    it("reports usernames that are no localpart, duplicates after lower-casing, and skips service accounts", async () => {
        const keycloak = fakeKeycloak([
            { username: "ada", enabled: true },
            { username: "josé", enabled: true },
            { username: "ADA", enabled: true },
            { username: "service-account-sync", enabled: true, serviceAccountClientLink: "sync" },
            { username: "boris" },
        ]);
        const result = await listKeycloakAccounts({ ...ADMIN, realm: "acme", fetch: keycloak.fetch });
        expect(result.accounts).toEqual([
            { localpart: "ada", enabled: true },
            // No explicit `enabled: true` counts as disabled.
            { localpart: "boris", enabled: false },
        ]);
        expect(result.rejected).toEqual([
            { username: "josé", reason: "not a Matrix localpart (characters not allowed: é)" },
            { username: "ADA", reason: 'same Matrix localpart as "ada"' },
        ]);
    });

    it("fails with Keycloak's answer when the admin sign-in is refused", async () => {
        const keycloak = fakeKeycloak([]);
        await expect(keycloakAdminToken({ ...ADMIN, adminPassword: "wrong" }, keycloak.fetch)).rejects.toThrow(
            /Keycloak refused the admin sign-in at .*: HTTP 401/,
        );
    });

    it("fails when the user list is refused, rather than syncing nobody", async () => {
        const keycloak = fakeKeycloak([{ username: "ada", enabled: true }], { token: "other" });
        await expect(listKeycloakAccounts({ ...ADMIN, realm: "acme", fetch: keycloak.fetch })).rejects.toThrow(
            /user list at https:\/\/id\.example\.org\/admin\/realms\/acme\/users answered HTTP 401/,
        );
    });
});
