import React from "react";
import { render as renderRaw, RenderResult, screen } from "@testing-library/react";
import { TooltipProvider } from "@vector-im/compound-web";
import userEvent from "@testing-library/user-event";
import type { MatrixClient } from "matrix-js-sdk/src/matrix";
// Imported by the SDK's own path, as its SessionManagerTab lazy-loads it: the resolver gives Atrium's.
import LoginWithQR from "matrix-react-sdk/src/components/views/auth/LoginWithQR";
import { Mode } from "matrix-react-sdk/src/components/views/auth/LoginWithQR-types";

import { fakeResponse } from "../helpers/fakeResponse";
import { loadEnglish, putConfig, serveFetch } from "../helpers/sdkEnvironment";

const RENDEZVOUS_URL = "https://matrix.example.org/_matrix/client/unstable/org.matrix.msc4108/rendezvous";

/** What the QR sign-in asks of the client: MSC4108 support and the rendezvous endpoint. */
function fakeClient({ msc4108 }: { msc4108: boolean }): MatrixClient {
    return {
        getClientWellKnown: () => ({}),
        doesServerSupportUnstableFeature: async (feature: string) => msc4108 && feature === "org.matrix.msc4108",
        http: { getUrl: () => new URL(RENDEZVOUS_URL) },
    } as unknown as MatrixClient;
}

/** MatrixChat provides Compound's tooltip context to everything below it. */
function render(element: React.ReactElement): RenderResult {
    return renderRaw(<TooltipProvider>{element}</TooltipProvider>);
}

describe("LoginWithQR seam", () => {
    beforeAll(loadEnglish);
    beforeEach(() => {
        putConfig({});
        jest.spyOn(console, "error").mockImplementation(() => {});
        jest.spyOn(console, "warn").mockImplementation(() => {});
        jest.spyOn(console, "info").mockImplementation(() => {});
    });
    afterEach(() => jest.restoreAllMocks());

    it("with a legacy-only homeserver, shows the SDK flow's 'not supported' error state instead of crashing", async () => {
        const onFinished = jest.fn();
        const client = fakeClient({ msc4108: true });
        const fetchMock = serveFetch();
        render(<LoginWithQR client={client} mode={Mode.Show} legacy={true} onFinished={onFinished} />);
        expect(await screen.findByRole("heading", { name: "QR code not supported" })).toBeInTheDocument();
        expect(fetchMock.mock.calls.map(([url]) => String(url))).not.toContain(RENDEZVOUS_URL);
        await userEvent.click(screen.getByRole("button", { name: "Back" }));
        expect(onFinished).toHaveBeenCalledWith(false);
    });

    it("shows an error when the rendezvous cannot be created on the homeserver", async () => {
        const onFinished = jest.fn();
        const fetchMock = serveFetch((url, init) =>
            url === RENDEZVOUS_URL && init?.method === "POST" ? fakeResponse(500, "{}") : undefined,
        );
        render(
            <LoginWithQR
                client={fakeClient({ msc4108: true })}
                mode={Mode.Show}
                legacy={false}
                onFinished={onFinished}
            />,
        );
        expect(await screen.findByRole("heading", { name: "QR code not supported" })).toBeInTheDocument();
        expect(fetchMock).toHaveBeenCalledWith(RENDEZVOUS_URL, expect.objectContaining({ method: "POST" }));
        expect(document.querySelector(".mx_LoginWithQR_error")).toBeInTheDocument();
        expect(onFinished).not.toHaveBeenCalled();
    });

    it("shows an error when the rendezvous server cannot be reached", async () => {
        serveFetch(); // the rendezvous request fails like a network error
        render(
            <LoginWithQR
                client={fakeClient({ msc4108: true })}
                mode={Mode.Show}
                legacy={false}
                onFinished={jest.fn()}
            />,
        );
        expect(await screen.findByRole("heading", { name: "QR code not supported" })).toBeInTheDocument();
    });

    it("shows an error when the homeserver offers no rendezvous at all", async () => {
        const fetchMock = serveFetch();
        render(
            <LoginWithQR
                client={fakeClient({ msc4108: false })}
                mode={Mode.Show}
                legacy={false}
                onFinished={jest.fn()}
            />,
        );
        expect(await screen.findByRole("heading", { name: "QR code not supported" })).toBeInTheDocument();
        expect(fetchMock.mock.calls.map(([url]) => String(url))).not.toContain(RENDEZVOUS_URL);
    });
});
