import React from "react";
import { render, screen } from "@testing-library/react";
import { TooltipProvider } from "@vector-im/compound-web";
// From a test, the js-sdk's own module (the replacement applies only to importers inside the SDK).
import * as original from "matrix-js-sdk/src/rendezvous";
// The SDK's flow, which imports the rendezvous module and so gets the compat one.
import LoginWithQRFlow from "matrix-react-sdk/src/components/views/auth/LoginWithQRFlow";
import { Phase } from "matrix-react-sdk/src/components/views/auth/LoginWithQR-types";

import * as compat from "@atrium/seams/rendezvousCompat";
import { loadEnglish } from "../helpers/sdkEnvironment";

describe("rendezvousCompat seam", () => {
    it("adds LegacyRendezvousFailureReason back, with the members the SDK names", () => {
        expect(compat.LegacyRendezvousFailureReason).toBeDefined();
        expect(Object.keys(compat.LegacyRendezvousFailureReason).sort()).toEqual(
            ["Expired", "HomeserverLacksSupport", "UnsupportedProtocol", "UserCancelled"].sort(),
        );
        expect((original as Record<string, unknown>).LegacyRendezvousFailureReason).toBeUndefined();
    });

    it("gives the legacy reasons values no real failure has", () => {
        const real = new Set<string>([
            ...Object.values(original.ClientRendezvousFailureReason),
            ...Object.values(original.MSC4108FailureReason),
        ]);
        for (const value of Object.values(compat.LegacyRendezvousFailureReason)) expect(real.has(value)).toBe(false);
    });

    it("re-exports the js-sdk's rendezvous module unchanged, MSC4108SignInWithQR included", () => {
        expect(compat.MSC4108SignInWithQR).toBe(original.MSC4108SignInWithQR);
        expect(typeof compat.MSC4108SignInWithQR).toBe("function");
        for (const [name, value] of Object.entries(original)) {
            expect({ name, same: (compat as Record<string, unknown>)[name] === value }).toEqual({ name, same: true });
        }
    });

    describe("in the SDK's LoginWithQRFlow", () => {
        beforeAll(loadEnglish);

        it.each([
            [original.ClientRendezvousFailureReason.Expired, "The sign in was not completed in time"],
            [original.MSC4108FailureReason.UserCancelled, "Sign in request cancelled"],
            [original.MSC4108FailureReason.UnsupportedProtocol, "Other device not compatible"],
            [original.ClientRendezvousFailureReason.HomeserverLacksSupport, "QR code not supported"],
            [original.ClientRendezvousFailureReason.Unknown, "Something went wrong!"],
        ])("renders the error state for %s, whose switch names the legacy reasons", (reason, title) => {
            render(
                <TooltipProvider>
                    <LoginWithQRFlow phase={Phase.Error} failureReason={reason} onClick={jest.fn()} />
                </TooltipProvider>,
            );
            expect(screen.getByRole("heading", { name: title })).toBeInTheDocument();
        });
    });
});
