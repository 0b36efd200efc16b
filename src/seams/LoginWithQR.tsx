// Replaces the SDK's LoginWithQR (see sdk-replacements.json): signing in a new device by QR code
// through MSC4108 only. js-sdk 34.13 no longer has the legacy MSC3906 classes the original imports.
// The UI stays the SDK's own LoginWithQRFlow.
import React, { useCallback, useEffect, useRef, useState } from "react";
import { MatrixClient } from "matrix-js-sdk/src/matrix";
import { logger } from "matrix-js-sdk/src/logger";
import {
    ClientRendezvousFailureReason,
    MSC4108FailureReason,
    MSC4108RendezvousSession,
    MSC4108SecureChannel,
    MSC4108SignInWithQR,
    RendezvousError,
    RendezvousFailureReason,
} from "matrix-js-sdk/src/rendezvous";
import LoginWithQRFlow from "matrix-react-sdk/src/components/views/auth/LoginWithQRFlow";
import { Click, Mode, Phase } from "matrix-react-sdk/src/components/views/auth/LoginWithQR-types";

// The SDK's LoginWithQRFlow imports these names from this module.
export enum LoginWithQRFailureReason {
    RateLimited = "rate_limited",
    CheckCodeMismatch = "check_code_mismatch",
}
export type FailureReason = RendezvousFailureReason | LoginWithQRFailureReason;

interface Props {
    client: MatrixClient;
    mode: Mode;
    /** True when the homeserver offers only the legacy protocol, which Atrium no longer speaks. */
    legacy: boolean;
    onFinished(success: boolean): void;
}

interface FlowState {
    phase: Phase;
    code?: Uint8Array;
    verificationUri?: string;
    failureReason?: FailureReason;
}

function failureOf(error: unknown): FailureReason {
    return error instanceof RendezvousError ? (error.code as FailureReason) : ClientRendezvousFailureReason.Unknown;
}

export default function LoginWithQR({ client, mode, legacy, onFinished }: Props): JSX.Element {
    const [state, setState] = useState<FlowState>({ phase: Phase.Loading });
    const rendezvous = useRef<MSC4108SignInWithQR | undefined>();
    const finished = useRef(false);

    const fail = useCallback((failureReason: FailureReason): void => {
        setState((s) => (s.phase === Phase.Error ? s : { phase: Phase.Error, failureReason }));
    }, []);

    const finish = useCallback(
        (success: boolean): void => {
            finished.current = true;
            onFinished(success);
        },
        [onFinished],
    );

    const showCode = useCallback(async (): Promise<void> => {
        setState({ phase: Phase.Loading });
        if (legacy) return fail(ClientRendezvousFailureReason.HomeserverLacksSupport);
        let session: MSC4108SignInWithQR;
        try {
            const fallbackRzServer = client.getClientWellKnown()?.["io.element.rendezvous"]?.server;
            const transport = new MSC4108RendezvousSession({ onFailure: fail, client, fallbackRzServer });
            await transport.send("");
            const channel = new MSC4108SecureChannel(transport, undefined, fail);
            session = new MSC4108SignInWithQR(channel, false, client, fail);
            await session.generateCode();
            rendezvous.current = session;
            setState({ phase: Phase.ShowingQR, code: session.code });
        } catch (error) {
            logger.error("Could not start QR sign-in", error);
            return fail(ClientRendezvousFailureReason.HomeserverLacksSupport);
        }
        try {
            // The new device scanned the code: agree the protocol, then ask the person to confirm.
            await session.negotiateProtocols();
            const { verificationUri } = await session.deviceAuthorizationGrant();
            setState({ phase: Phase.OutOfBandConfirmation, verificationUri });
        } catch (error) {
            logger.error("QR sign-in failed before confirmation", error);
            await session.cancel(failureOf(error) as MSC4108FailureReason).catch(() => undefined);
            fail(failureOf(error));
        }
    }, [client, legacy, fail]);

    useEffect(() => {
        if (mode === Mode.Show) void showCode();
    }, [mode, showCode]);

    // Leaving the dialog half-way cancels the session so the other device stops waiting.
    useEffect(
        () => () => {
            const session = rendezvous.current;
            if (session && !finished.current) {
                session.onFailure = undefined;
                void session.cancel(MSC4108FailureReason.UserCancelled).catch(() => undefined);
            }
        },
        [],
    );

    const approve = async (checkCode?: string): Promise<void> => {
        const session = rendezvous.current;
        if (!session) return fail(ClientRendezvousFailureReason.Unknown);
        if (session.checkCode !== checkCode) {
            setState((s) => ({ ...s, failureReason: LoginWithQRFailureReason.CheckCodeMismatch }));
            return;
        }
        try {
            if (state.verificationUri) window.open(state.verificationUri, "_blank", "noopener");
            setState({ phase: Phase.WaitingForDevice });
            await session.shareSecrets();
            finish(true);
        } catch (error) {
            logger.error("QR sign-in failed while sharing secrets", error);
            fail(failureOf(error));
        }
    };

    const onClick = async (type: Click, checkCode?: string): Promise<void> => {
        const session = rendezvous.current;
        switch (type) {
            case Click.Approve:
                return approve(checkCode);
            case Click.Decline:
                await session?.declineLoginOnExistingDevice().catch(() => undefined);
                return finish(false);
            case Click.Cancel:
            case Click.Back:
                await session?.cancel(MSC4108FailureReason.UserCancelled).catch(() => undefined);
                return finish(false);
            case Click.ShowQr:
                return showCode();
        }
    };

    return (
        <LoginWithQRFlow
            onClick={onClick}
            phase={state.phase}
            code={state.phase === Phase.ShowingQR ? state.code : undefined}
            failureReason={state.failureReason}
            checkCode={undefined}
        />
    );
}
