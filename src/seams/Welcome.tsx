// Replaces the SDK's Welcome page (see sdk-replacements.json). The stock one fetches an HTML page
// and injects it; ours is a component: the company's logo and name from config, one way in.
import React from "react";
import { _t } from "matrix-react-sdk/src/languageHandler";
import AuthPage from "matrix-react-sdk/src/components/views/auth/AuthPage";
import LanguageSelector from "matrix-react-sdk/src/components/views/auth/LanguageSelector";

import { useBrand } from "@atrium/config/useBrand";
import { useAtriumTranslation } from "@atrium/i18n/atriumI18n";

export default function Welcome(): JSX.Element {
    const t = useAtriumTranslation();
    const brand = useBrand();
    return (
        <AuthPage>
            <div className="mx_Welcome atrium_Welcome" data-testid="mx_welcome_screen">
                <img className="atrium_Welcome_logo" src={brand.logoUrl} alt="" />
                <h1>{brand.name}</h1>
                <p>{t("home.tagline")}</p>
                <a className="atrium_Welcome_signIn" href="#/login">
                    {_t("action|sign_in")}
                </a>
                <LanguageSelector />
            </div>
        </AuthPage>
    );
}
