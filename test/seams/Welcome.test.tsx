import React from "react";
import { act, render, screen } from "@testing-library/react";
// Imported by the SDK's own path, as MatrixChat imports it: the resolver gives Atrium's replacement.
import Welcome from "matrix-react-sdk/src/components/views/auth/Welcome";
import OriginalWelcome from "$sdk-original/components/views/auth/Welcome";

import { fakeResponse } from "../helpers/fakeResponse";
import { loadEnglish, putConfig, serveFetch } from "../helpers/sdkEnvironment";

const WELCOME_URL = "https://example.org/welcome.html";

/** Lets pending fetches answer and their pages render: long enough for the SDK's own to show one (below). */
const settle = (): Promise<void> =>
    act(async () => {
        for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setTimeout(resolve, 0));
    });

const welcomePage = (url: string): Response | undefined =>
    url === WELCOME_URL ? fakeResponse(200, "<h2>Injected welcome</h2>", "text/html") : undefined;

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

    it("the SDK's own fetches and injects a configured welcome page within the time the test waits (the baseline)", async () => {
        putConfig({ brand: "Acme", embedded_pages: { welcome_url: WELCOME_URL } });
        const fetchMock = serveFetch(welcomePage);
        render(<OriginalWelcome />);
        await settle();
        expect(fetchMock.mock.calls.map(([url]) => String(url))).toContain(WELCOME_URL);
        expect(screen.getByRole("heading", { name: "Injected welcome" })).toBeInTheDocument();
        await screen.findByText("English");
    });

    it("does not fetch or inject an HTML welcome page, even when one is configured", async () => {
        putConfig({ brand: "Acme", embedded_pages: { welcome_url: WELCOME_URL } });
        const fetchMock = serveFetch(welcomePage);
        render(<Welcome />);
        await settle();
        await screen.findByText("English");
        expect(fetchMock.mock.calls.map(([url]) => String(url))).not.toContain(WELCOME_URL);
        expect(screen.queryByRole("heading", { name: "Injected welcome" })).toBeNull();
    });

    it("is inside the SDK's sign-in page frame, with the company's footer", async () => {
        putConfig({
            brand: "Acme",
            branding: { auth_footer_links: [{ text: "Privacy", url: "https://example.org/p" }] },
        });
        render(<Welcome />);
        expect(screen.getByRole("contentinfo")).toContainElement(screen.getByRole("link", { name: "Privacy" }));
        await screen.findByText("English");
    });
});
