import React from "react";
import { render, screen, within } from "@testing-library/react";
// The SDK's sign-in page frame renders its AuthFooter, which the resolver replaces with Atrium's.
import AuthPage from "matrix-react-sdk/src/components/views/auth/AuthPage";

import { loadEnglish, putConfig } from "../helpers/sdkEnvironment";

describe("AuthFooter seam", () => {
    beforeAll(loadEnglish);

    it("renders the company's safe links from branding.auth_footer_links, in order, in new tabs", () => {
        putConfig({
            branding: {
                auth_footer_links: [
                    { text: "Privacy", url: "https://example.org/privacy" },
                    { text: "Evil", url: "javascript:alert(document.cookie)" },
                    { text: "Data", url: "data:text/html,<script>alert(1)</script>" },
                    { text: "", url: "https://example.org/empty" },
                    { text: "Help desk", url: "http://helpdesk.example.org/" },
                ],
            },
        });
        render(
            <AuthPage>
                <p>form</p>
            </AuthPage>,
        );
        const footer = screen.getByRole("contentinfo");
        const links = within(footer).getAllByRole("link");
        expect(links.map((a) => [a.textContent, a.getAttribute("href")])).toEqual([
            ["Privacy", "https://example.org/privacy"],
            ["Help desk", "http://helpdesk.example.org/"],
        ]);
        for (const link of links) {
            expect(link).toHaveAttribute("target", "_blank");
            expect(link.getAttribute("rel")?.split(" ")).toEqual(expect.arrayContaining(["noreferrer", "noopener"]));
        }
        expect(footer.querySelector('[href^="javascript"], [href^="data"]')).toBeNull();
    });

    it("renders no links, and no 'powered by Matrix', without configured links", () => {
        putConfig({});
        render(
            <AuthPage>
                <p>form</p>
            </AuthPage>,
        );
        const footer = screen.getByRole("contentinfo");
        expect(within(footer).queryAllByRole("link")).toHaveLength(0);
        expect(footer).not.toHaveTextContent(/matrix/i);
    });

    it("renders no links when the configured links are not a list", () => {
        putConfig({ branding: { auth_footer_links: "https://example.org" as unknown as [] } });
        render(
            <AuthPage>
                <p>form</p>
            </AuthPage>,
        );
        expect(within(screen.getByRole("contentinfo")).queryAllByRole("link")).toHaveLength(0);
    });
});
