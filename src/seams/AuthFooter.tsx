// Replaces the SDK's AuthFooter ("powered by Matrix"): the company's own links from
// `branding.auth_footer_links`, opened in a new tab without leaking the app's address.
import React from "react";
import SdkConfig from "matrix-react-sdk/src/SdkConfig";

import { safeFooterLinks } from "@atrium/brand/footerLinks";

export default function AuthFooter(): JSX.Element {
    const links = safeFooterLinks(SdkConfig.get().branding?.auth_footer_links);
    return (
        <footer className="mx_AuthFooter" role="contentinfo">
            {links.map((link) => (
                <a key={link.url + link.text} href={link.url} target="_blank" rel="noreferrer noopener">
                    {link.text}
                </a>
            ))}
        </footer>
    );
}
