// The sign-in page's company settings (`atrium.sign_in`): the company's identity provider shown
// first, and whether the password form shows. Read tolerantly: the contract checks the config, but
// a bad value still falls back to the SDK's own page rather than breaking sign-in.
import type { IConfigOptions } from "matrix-react-sdk/src/IConfigOptions";

export interface CompanyIdentityProvider {
    /** The homeserver's id for it (Synapse: `oidc-<idp_id>`); none means the homeserver's only one. */
    id?: string;
    /** Its name on the button: "Sign in with <name>". */
    name: string;
    logoUrl?: string;
}

export interface SignInSettings {
    identityProvider: CompanyIdentityProvider | null;
    /** Whether the password form shows when the homeserver offers it. */
    passwordLogin: boolean;
}

type WithSignIn = Partial<IConfigOptions> & { atrium?: { sign_in?: unknown } };

const text = (value: unknown): string | undefined =>
    typeof value === "string" && value.trim() ? value.trim() : undefined;

function identityProviderFrom(value: unknown): CompanyIdentityProvider | null {
    if (typeof value !== "object" || value === null) return null;
    const raw = value as Record<string, unknown>;
    const name = text(raw.name);
    if (!name) return null;
    return { id: text(raw.id), name, logoUrl: text(raw.logo_url) };
}

export function signInSettings(config: WithSignIn): SignInSettings {
    const raw = config.atrium?.sign_in;
    const signIn = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
    return {
        identityProvider: identityProviderFrom(signIn.identity_provider),
        passwordLogin: signIn.password_login !== false,
    };
}

/**
 * The provider the company's button signs in with, among those the homeserver offers: `{ id }` (no id:
 * the homeserver's own choice, when it lists none or the config names none among several), or null
 * when the configured one is not offered.
 */
export function companyProviderIn(
    company: CompanyIdentityProvider,
    offeredIds: readonly string[],
): { id: string | undefined } | null {
    if (offeredIds.length === 0) return { id: undefined };
    if (company.id) return offeredIds.includes(company.id) ? { id: company.id } : null;
    return { id: offeredIds.length === 1 ? offeredIds[0] : undefined };
}
