import React from "react";
import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createClient, HttpApiEvent, MatrixError } from "matrix-js-sdk/src/matrix";
// Imported by the SDK's own path (as MatrixChat does): the resolver gives what ships, Atrium's wrapper.
import Login from "matrix-react-sdk/src/components/structures/auth/Login";
import { ValidatedServerConfig } from "matrix-react-sdk/src/utils/ValidatedServerConfig";

import { forgetEndedAccess, watchForEndedAccess } from "../../src/session/accessEnded";
import { loadEnglish, putConfig, serveFetch } from "../helpers/sdkEnvironment";
import { jsonResponse } from "../helpers/fakeResponse";

const serverConfig: ValidatedServerConfig = {
    hsUrl: "https://matrix.example.com",
    hsName: "example.com",
    hsNameIsDifferent: false,
    isUrl: "",
    isDefault: true,
    isNameResolvable: true,
    warning: "",
};

function renderLogin(): void {
    render(
        <Login
            serverConfig={serverConfig}
            onLoggedIn={jest.fn()}
            onRegisterClick={jest.fn()}
            onServerConfigChange={jest.fn()}
            fragmentAfterLogin=""
            defaultDeviceDisplayName="Atrium"
        />,
    );
}

/** Ends the access the way the homeserver does: the client hears its token is gone. */
function homeserverEndsAccess(error: MatrixError): jest.Mock {
    const client = createClient({ baseUrl: "https://matrix.example.com" });
    const signOut = jest.fn();
    watchForEndedAccess(client, signOut);
    act(() => {
        client.emit(HttpApiEvent.SessionLoggedOut, error);
    });
    return signOut;
}

describe("Login seam", () => {
    beforeAll(loadEnglish);
    beforeEach(() => {
        putConfig({ brand: "Acme" });
        serveFetch((url) =>
            url.includes("/versions")
                ? jsonResponse(200, { versions: ["v1.1", "v1.5", "v1.11"] })
                : url.includes("/login")
                  ? jsonResponse(200, { flows: [{ type: "m.login.password" }] })
                  : undefined,
        );
    });
    afterEach(() => {
        act(() => forgetEndedAccess());
    });

    it("is the SDK's sign-in page while no access has ended", async () => {
        renderLogin();
        expect(await screen.findByRole("heading", { name: "Sign in" })).toBeInTheDocument();
        expect(screen.queryByTestId("atrium-access-ended")).not.toBeInTheDocument();
    });

    it("shows the access-ended screen in the brand after the homeserver revoked the session", async () => {
        renderLogin();
        const signOut = homeserverEndsAccess(new MatrixError({ errcode: "M_UNKNOWN_TOKEN" }, 401));

        expect(signOut).toHaveBeenCalledTimes(1);
        expect(screen.getByRole("heading", { name: "Access ended" })).toHaveFocus();
        expect(screen.getByRole("alert")).toHaveTextContent("Your access has ended. Contact your administrator.");
        expect(screen.getByText("An administrator ended this session or your account.")).toBeInTheDocument();
        expect(screen.getByRole("img", { name: "Acme" })).toBeInTheDocument();
        expect(screen.queryByRole("heading", { name: "Sign in" })).not.toBeInTheDocument();
    });

    it("names a locked account and leads back to the sign-in page by keyboard", async () => {
        renderLogin();
        homeserverEndsAccess(new MatrixError({ errcode: "M_USER_LOCKED", soft_logout: true }, 401));
        expect(screen.getByText("Your account has been locked.")).toBeInTheDocument();

        const back = screen.getByRole("button", { name: "Back to sign-in" });
        back.focus();
        await userEvent.keyboard("{Enter}");

        expect(await screen.findByRole("heading", { name: "Sign in" })).toBeInTheDocument();
        expect(screen.queryByTestId("atrium-access-ended")).not.toBeInTheDocument();
    });
});
