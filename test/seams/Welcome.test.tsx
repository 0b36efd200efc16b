import React from "react";
import { render, screen } from "@testing-library/react";
// Imported by the SDK's own path, as MatrixChat imports it: the resolver gives Atrium's replacement.
import Welcome from "matrix-react-sdk/src/components/views/auth/Welcome";

import { loadEnglish, putConfig } from "../helpers/sdkEnvironment";

describe("Welcome seam", () => {
    beforeAll(loadEnglish);

    it("shows the brand's name, logo and tagline with one way in: Sign in, to #/login", async () => {
        putConfig({ brand: "Acme", atrium: { brand: { logo_url: "acme.svg" } } });
        const { container } = render(<Welcome />);
        expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Acme");
        expect(screen.getByText("Your company's rooms, spaces and people in one place.")).toBeInTheDocument();
        expect(screen.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "#/login");
        expect(container.querySelector("img.atrium_Welcome_logo")).toHaveAttribute("src", "acme.svg");
        // The SDK's tests and e2e find the welcome page by this id.
        expect(screen.getByTestId("mx_welcome_screen")).toBeInTheDocument();
        // Let the language selector finish loading its list.
        await screen.findByText("English");
    });

    it("does not fetch or inject an HTML welcome page, even when one is configured", async () => {
        putConfig({ brand: "Acme", embedded_pages: { welcome_url: "https://example.org/welcome.html" } });
        const fetchSpy = jest.spyOn(globalThis, "fetch");
        render(<Welcome />);
        await screen.findByText("English");
        expect(fetchSpy.mock.calls.map(([url]) => String(url))).not.toContain("https://example.org/welcome.html");
        fetchSpy.mockRestore();
    });

    it("is inside the SDK's sign-in page frame, with the company's footer", async () => {
        putConfig({ brand: "Acme", branding: { auth_footer_links: [{ text: "Privacy", url: "https://example.org/p" }] } });
        render(<Welcome />);
        expect(screen.getByRole("contentinfo")).toContainElement(screen.getByRole("link", { name: "Privacy" }));
        await screen.findByText("English");
    });
});
