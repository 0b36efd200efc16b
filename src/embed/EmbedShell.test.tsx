import React from "react";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

import { ATRIUM_BRAND } from "../brand/brand";
import { initAtriumI18n } from "../i18n/atriumI18n";
import { EmbedShell, type EmbedShellProps } from "./EmbedShell";
import { PopupSignInError } from "./popupSignIn";

const APP_URL = "https://chat.acme.test/#/room/%23team%3Aacme.test";
const brand = { ...ATRIUM_BRAND, name: "Acme Chat" };

function shell(overrides: Partial<EmbedShellProps> = {}) {
    const renderApp = jest.fn((token?: string) => <div data-testid="app">{token ?? "stored session"}</div>);
    const props: EmbedShellProps = {
        brand,
        appUrl: APP_URL,
        storageOk: true,
        signedIn: false,
        signIn: () => Promise.resolve("one-time"),
        renderApp,
        ...overrides,
    };
    render(<EmbedShell {...props} />);
    return { renderApp };
}

describe("EmbedShell", () => {
    beforeEach(() => initAtriumI18n("en"));

    it("shows the brand and a link opening the full app in a new tab", () => {
        shell({ signedIn: true });
        expect(screen.getByText("Acme Chat")).toBeInTheDocument();
        const link = screen.getByRole("link", { name: "Open in Acme Chat" });
        expect(link).toHaveAttribute("href", APP_URL);
        expect(link).toHaveAttribute("target", "_blank");
        expect(link).toHaveAttribute("rel", "noopener noreferrer");
        expect(screen.getByTestId("app")).toHaveTextContent("stored session");
    });

    it("signs in through the window with the keyboard, then renders the app with the token", async () => {
        const { renderApp } = shell();
        expect(renderApp).not.toHaveBeenCalled();
        await userEvent.tab(); // the header's link comes first
        await userEvent.tab();
        expect(screen.getByRole("button", { name: "Sign in to Acme Chat" })).toHaveFocus();
        await userEvent.keyboard("{Enter}");
        expect(await screen.findByTestId("app")).toHaveTextContent("one-time");
    });

    it("says when the browser blocked the sign-in window, and lets the person try again", async () => {
        const signIn = jest
            .fn()
            .mockRejectedValueOnce(new PopupSignInError("blocked"))
            .mockResolvedValueOnce("second-try");
        shell({ signIn });
        await userEvent.click(screen.getByRole("button", { name: "Sign in to Acme Chat" }));
        expect(await screen.findByRole("alert")).toHaveTextContent(/blocked the sign-in window/);
        await userEvent.click(screen.getByRole("button", { name: "Sign in to Acme Chat" }));
        expect(await screen.findByTestId("app")).toHaveTextContent("second-try");
    });

    it("where storage is blocked, says so and offers a new tab instead of signing in", () => {
        const { renderApp } = shell({ storageOk: false, signedIn: true });
        expect(screen.getByRole("alert")).toHaveTextContent(/does not let Acme Chat keep a session/);
        expect(screen.getByRole("link", { name: "Open Acme Chat in a new tab" })).toHaveAttribute("href", APP_URL);
        expect(screen.queryByRole("button")).toBeNull();
        expect(renderApp).not.toHaveBeenCalled();
    });
});
