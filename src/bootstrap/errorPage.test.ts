import { getByRole, getByText } from "@testing-library/react";

import { initAtriumI18n } from "../i18n/atriumI18n";
import { showStartupError } from "./errorPage";
import { StartupError } from "./StartupError";

describe("showStartupError", () => {
    let root: HTMLElement;

    beforeAll(async () => {
        await initAtriumI18n("en");
    });

    beforeEach(() => {
        root = document.createElement("div");
        root.innerHTML = "<p>loading…</p>";
        document.body.replaceChildren(root);
    });

    it("replaces the page with the title, the step's summary and the details as an alert", () => {
        showStartupError(new StartupError("config", "config.json answered HTTP 500"), "Acme", root);
        const page = getByRole(root, "alert");
        expect(root.children).toHaveLength(1);
        expect(getByRole(page, "heading", { level: 1 })).toHaveTextContent("Acme could not start");
        expect(page).toHaveTextContent("The settings for this app could not be loaded.");
        expect(getByText(page, "Details").tagName).toBe("SUMMARY");
        expect(page.querySelector("pre")).toHaveTextContent("config.json answered HTTP 500");
        expect(root).not.toHaveTextContent("loading");
    });

    it.each([
        ["server", /homeserver in the settings is not usable/],
        ["browser", /This browser is missing features Acme needs/],
        ["app", /Something went wrong/],
    ] as const)("gives a %s failure its own summary", (kind, summary) => {
        showStartupError(new StartupError(kind, "x"), "Acme", root);
        expect(getByRole(root, "alert")).toHaveTextContent(summary);
    });

    it("shows an error that is not a StartupError as an app failure with its message", () => {
        showStartupError(new TypeError("MatrixChat is undefined"), "Acme", root);
        const page = getByRole(root, "alert");
        expect(page).toHaveTextContent("Something went wrong while the app was starting.");
        expect(page.querySelector("pre")).toHaveTextContent("MatrixChat is undefined");
    });

    it("shows a thrown non-error as text", () => {
        showStartupError("plain string", undefined, root);
        expect(getByRole(root, "heading")).toHaveTextContent("Atrium could not start");
        expect(root.querySelector("pre")).toHaveTextContent("plain string");
    });

    it("keeps hostile text from the detail and the brand as text, never markup", () => {
        const detail = '<script>window.__pwned = true</script><img src=x onerror="window.__pwned = true">';
        const brand = "<b>Acme</b>";
        showStartupError(new StartupError("config", detail), brand, root);
        expect(root.querySelector("script")).toBeNull();
        expect(root.querySelector("img")).toBeNull();
        expect(root.querySelector("b")).toBeNull();
        expect(root.querySelector("pre")!.textContent).toBe(detail);
        expect(getByRole(root, "heading").textContent).toBe("<b>Acme</b> could not start");
        expect((window as unknown as { __pwned?: boolean }).__pwned).toBeUndefined();
    });

    it("focuses the reload button, which reloads the page", () => {
        const reload = jest.fn();
        const realLocation = window.location;
        Object.defineProperty(window, "location", { value: { ...realLocation, reload }, configurable: true });
        try {
            showStartupError(new StartupError("server", "down"), "Acme", root);
            const button = getByRole(root, "button", { name: "Reload" });
            expect(button).toHaveFocus();
            button.click();
            expect(reload).toHaveBeenCalledTimes(1);
        } finally {
            Object.defineProperty(window, "location", { value: realLocation, configurable: true });
        }
    });

    it("renders into the document body by default", () => {
        showStartupError(new StartupError("app", "boom"));
        expect(getByRole(document.body, "alert")).toBeInTheDocument();
        expect(document.body.children).toHaveLength(1);
    });
});
