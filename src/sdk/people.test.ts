import { MatrixClientPeg } from "matrix-react-sdk/src/MatrixClientPeg";

import { requestOpenIdToken, searchUserDirectory, showUserProfile, userPresence } from "./people";

// The client at its edge: only the calls people.ts makes.
const client = {
    getOpenIdToken: jest.fn(),
    searchUserDirectory: jest.fn(),
    getUser: jest.fn(),
    getPresence: jest.fn(),
};

describe("@atrium/sdk people", () => {
    beforeEach(() => jest.spyOn(MatrixClientPeg, "safeGet").mockReturnValue(client as never));
    afterEach(() => jest.restoreAllMocks());

    it("asks for an OpenID token and says when to stop using it, a minute before the homeserver's expiry", async () => {
        client.getOpenIdToken.mockResolvedValue({ access_token: "oid", expires_in: 3600, token_type: "Bearer" });
        jest.spyOn(Date, "now").mockReturnValue(1_000_000);
        await expect(requestOpenIdToken()).resolves.toEqual({ token: "oid", expiresAt: 1_000_000 + 3_540_000 });
    });

    it("searches the user directory with at most 50 results", async () => {
        client.searchUserDirectory.mockResolvedValue({
            limited: true,
            results: [{ user_id: "@a:x", display_name: "A", avatar_url: "mxc://x/a" }, { user_id: "@b:x" }],
        });
        await expect(searchUserDirectory("a", 500)).resolves.toEqual({
            users: [
                { userId: "@a:x", displayName: "A", avatarMxc: "mxc://x/a" },
                { userId: "@b:x", displayName: null, avatarMxc: null },
            ],
            limited: true,
        });
        expect(client.searchUserDirectory).toHaveBeenCalledWith({ term: "a", limit: 50 });
    });

    it("reads presence the client knows, else asks the homeserver, and ignores unknown values", async () => {
        client.getUser.mockReturnValueOnce({ presence: "online" });
        await expect(userPresence("@a:x")).resolves.toBe("online");
        client.getUser.mockReturnValueOnce(null);
        client.getPresence.mockResolvedValueOnce({ presence: "unavailable" });
        await expect(userPresence("@a:x")).resolves.toBe("unavailable");
        client.getUser.mockReturnValueOnce(null);
        client.getPresence.mockRejectedValueOnce(new Error("M_FORBIDDEN"));
        await expect(userPresence("@a:x")).resolves.toBeNull();
    });

    it("shows a profile through the app's user page", () => {
        showUserProfile("@a:x");
        expect(window.location.hash).toBe(`#/user/${encodeURIComponent("@a:x")}`);
    });
});
