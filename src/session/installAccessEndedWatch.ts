// Starts watching each client the SDK starts for the homeserver ending the access
// (src/session/accessEnded.ts); installed once before the app renders.
import dispatcher from "matrix-react-sdk/src/dispatcher/dispatcher";
import type { ActionPayload } from "matrix-react-sdk/src/dispatcher/payloads";
import { MatrixClientPeg } from "matrix-react-sdk/src/MatrixClientPeg";
import Modal from "matrix-react-sdk/src/Modal";
import * as Lifecycle from "matrix-react-sdk/src/Lifecycle";
import { SdkContextClass } from "matrix-react-sdk/src/contexts/SDKContext";

import { forgetEndedAccess, watchForEndedAccess } from "./accessEnded";

/** The SDK's full logout: the server's token (if it still exists), local storage, sync and crypto stores. */
function signOutAndClear(): void {
    Modal.forceCloseAllModals();
    Lifecycle.logout(SdkContextClass.instance.oidcClientStore);
}

export function installAccessEndedWatch(): void {
    let stopWatching: (() => void) | undefined;
    // MatrixChat starts its own listeners on this action, dispatched synchronously just before the client starts.
    dispatcher.register((payload: ActionPayload) => {
        if (payload.action !== "will_start_client") return;
        stopWatching?.();
        forgetEndedAccess();
        const client = MatrixClientPeg.get();
        stopWatching = client ? watchForEndedAccess(client, signOutAndClear) : undefined;
    });
}
