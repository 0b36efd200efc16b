// Replaces the SDK's placeholder AuthHeaderLogo (the text "Matrix"; Element Web swaps in its own
// too): the company's logo from config beside every sign-in form.
import React from "react";

import { useBrand } from "@atrium/config/useBrand";

export default function AuthHeaderLogo(): JSX.Element {
    const brand = useBrand();
    return (
        <aside className="mx_AuthHeaderLogo atrium_AuthHeaderLogo">
            <img src={brand.logoUrl} alt={brand.name} />
        </aside>
    );
}
