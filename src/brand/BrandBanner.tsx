import React from "react";

import { Brand } from "./brand";
import { useAtriumTranslation } from "../i18n/atriumI18n";

/** The company's logo and name, welcoming people on the home page. */
export function BrandBanner({ brand }: { brand: Brand }): JSX.Element {
    const t = useAtriumTranslation();
    return (
        <header className="atrium_HomeBanner">
            <img src={brand.logoUrl} alt="" />
            <div>
                <h1>{t("home.welcome", { brand: brand.name })}</h1>
                <p>{t("home.tagline")}</p>
            </div>
        </header>
    );
}
