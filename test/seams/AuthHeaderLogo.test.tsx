import React from "react";
import { render, screen } from "@testing-library/react";
// Imported by the SDK's own path: the resolver gives what ships, Atrium's replacement.
import AuthHeader from "matrix-react-sdk/src/components/views/auth/AuthHeader";
import AuthHeaderLogo from "matrix-react-sdk/src/components/views/auth/AuthHeaderLogo";

import { loadEnglish, putConfig } from "../helpers/sdkEnvironment";

describe("AuthHeaderLogo seam", () => {
    beforeAll(loadEnglish);

    it("shows the configured logo with the brand name as its text alternative", () => {
        putConfig({ brand: "Acme", atrium: { brand: { logo_url: "https://cdn.example.org/acme.svg" } } });
        render(<AuthHeaderLogo />);
        expect(screen.getByRole("img", { name: "Acme" })).toHaveAttribute("src", "https://cdn.example.org/acme.svg");
    });

    it("shows Atrium's logo and name when the config has no brand", () => {
        putConfig({});
        render(<AuthHeaderLogo />);
        expect(screen.getByRole("img", { name: "Atrium" })).toHaveAttribute("src", "img/atrium-logo.svg");
    });

    it("is what the SDK's sign-in header renders, instead of the 'Matrix' placeholder", () => {
        putConfig({ brand: "Acme", disable_login_language_selector: true });
        const { container } = render(<AuthHeader />);
        expect(screen.getByRole("img", { name: "Acme" })).toBeInTheDocument();
        expect(container.querySelector(".mx_AuthHeaderLogo")).toHaveClass("atrium_AuthHeaderLogo");
        expect(container).not.toHaveTextContent("Matrix");
    });
});
