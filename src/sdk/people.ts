// What the company directory (modules/company-directory) needs of the SDK about people: an OpenID
// token for the directory service, the homeserver's user directory (its fallback), a DM with
// someone, their presence and avatar, and their profile page. The SDK's room-creation and media code
// is loaded on first use, so importing "@atrium/sdk" does not pull it in before the app renders.
import { MatrixClientPeg } from "matrix-react-sdk/src/MatrixClientPeg";

export interface OpenIdToken {
    token: string;
    /** When it stops working (ms since the epoch), a little before the homeserver's own expiry. */
    expiresAt: number;
}

export interface UserDirectoryEntry {
    userId: string;
    displayName: string | null;
    avatarMxc: string | null;
}

export interface UserDirectoryAnswer {
    users: UserDirectoryEntry[];
    /** The homeserver had more than it returned (it returns at most `limit`, 50 at most). */
    limited: boolean;
}

export type Presence = "online" | "unavailable" | "offline";

/** The homeserver's user directory caps a search at 50 results. */
export const USER_DIRECTORY_MAX = 50;
const EXPIRY_MARGIN_MS = 60_000;

/** A Matrix OpenID token for the signed-in user: proves who they are without the access token. */
export async function requestOpenIdToken(): Promise<OpenIdToken> {
    const answer = await MatrixClientPeg.safeGet().getOpenIdToken();
    const lifetimeMs = Math.max(0, (Number(answer.expires_in) || 0) * 1000 - EXPIRY_MARGIN_MS);
    return { token: answer.access_token, expiresAt: Date.now() + lifetimeMs };
}

/** Searches the homeserver's user directory (at most 50 results, rate-limited by the homeserver). */
export async function searchUserDirectory(term: string, limit = USER_DIRECTORY_MAX): Promise<UserDirectoryAnswer> {
    const answer = await MatrixClientPeg.safeGet().searchUserDirectory({
        term,
        limit: Math.min(limit, USER_DIRECTORY_MAX),
    });
    return {
        users: answer.results.map((user) => ({
            userId: user.user_id,
            displayName: user.display_name ?? null,
            avatarMxc: user.avatar_url ?? null,
        })),
        limited: answer.limited,
    };
}

/** Opens the existing DM with the user, or starts one; resolves to its room ID (null if cancelled). */
export async function openDirectMessage(userId: string): Promise<string | null> {
    const [{ startDm }, { DirectoryMember }] = await Promise.all([
        import("matrix-react-sdk/src/utils/dm/startDm"),
        import("matrix-react-sdk/src/utils/direct-messages"),
    ]);
    return startDm(MatrixClientPeg.safeGet(), [new DirectoryMember({ user_id: userId })]);
}

/** What the client knows of the user's presence, asking the homeserver when it knows nothing. */
export async function userPresence(userId: string): Promise<Presence | null> {
    const client = MatrixClientPeg.safeGet();
    const known = client.getUser(userId)?.presence;
    const presence = known || (await client.getPresence(userId).catch(() => null))?.presence;
    return presence === "online" || presence === "unavailable" || presence === "offline" ? presence : null;
}

/** An HTTP URL for the user's avatar (a square thumbnail), or null when they have none. */
export async function userAvatarUrl(userId: string, size: number, knownMxc?: string | null): Promise<string | null> {
    const client = MatrixClientPeg.safeGet();
    const mxc = knownMxc ?? (await client.getProfileInfo(userId, "avatar_url").catch(() => null))?.avatar_url;
    if (!mxc) return null;
    const { mediaFromMxc } = await import("matrix-react-sdk/src/customisations/Media");
    return mediaFromMxc(mxc, client).getSquareThumbnailHttp(size);
}

/** Shows the user's profile page (the SDK's user view, as a matrix.to link to them would). */
export function showUserProfile(userId: string): void {
    window.location.hash = `#/user/${encodeURIComponent(userId)}`;
}

/** The signed-in user's ID, or null before sign-in. */
export function ownUserId(): string | null {
    return MatrixClientPeg.get()?.getUserId() ?? null;
}
