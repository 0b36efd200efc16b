// The company's identity provider on the sign-in page: one large button with its logo and name,
// first on the page. It starts the same single sign-on as the SDK's own buttons.
import React from "react";
import AccessibleButton from "matrix-react-sdk/src/components/views/elements/AccessibleButton";

import { useAtriumTranslation } from "@atrium/i18n/atriumI18n";
import type { CompanyIdentityProvider } from "./signInConfig";
import "./signIn.pcss";

interface Props {
    provider: CompanyIdentityProvider;
    disabled: boolean;
    onClick(): void;
}

export function CompanySignInButton({ provider, disabled, onClick }: Props): JSX.Element {
    const t = useAtriumTranslation();
    return (
        <AccessibleButton
            kind="primary"
            className="mx_Login_fullWidthButton atrium_CompanySignIn"
            onClick={onClick}
            disabled={disabled}
        >
            {provider.logoUrl && <img className="atrium_CompanySignIn_logo" src={provider.logoUrl} alt="" />}
            {t("sign_in.with_provider", { name: provider.name })}
        </AccessibleButton>
    );
}

/** Between the company's button and the password form. */
export function SignInSeparator(): JSX.Element {
    const t = useAtriumTranslation();
    return (
        <div className="atrium_SignInSeparator" role="separator">
            <span>{t("sign_in.or")}</span>
        </div>
    );
}

/** When the configured provider is not what the homeserver offers, say so instead of a dead button. */
export function ProviderUnavailable({ provider }: { provider: CompanyIdentityProvider }): JSX.Element {
    const t = useAtriumTranslation();
    return (
        <div className="mx_Login_error" role="alert">
            {t("sign_in.provider_unavailable", { name: provider.name })}
        </div>
    );
}
