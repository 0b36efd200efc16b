import { ClientEvent, createClient, HttpApiEvent, MatrixError, SyncState } from "matrix-js-sdk/src/matrix";

import {
    accessEndReason,
    dismissEndedAccess,
    endedAccess,
    forgetEndedAccess,
    onEndedAccessChange,
    refusedAfterEndedAccess,
    watchForEndedAccess,
} from "./accessEnded";

const unknownToken = (softLogout?: boolean): MatrixError =>
    new MatrixError({ errcode: "M_UNKNOWN_TOKEN", error: "Unknown token", soft_logout: softLogout }, 401);

describe("accessEndReason", () => {
    it("names a deactivated account, a locked one and a revoked token", () => {
        expect(accessEndReason(new MatrixError({ errcode: "M_USER_DEACTIVATED" }, 403))).toBe("deactivated");
        expect(accessEndReason(new MatrixError({ errcode: "M_USER_LOCKED", soft_logout: true }, 401))).toBe("locked");
        expect(accessEndReason(unknownToken())).toBe("revoked");
        expect(accessEndReason(unknownToken(false))).toBe("revoked");
    });

    it("leaves a soft logout (an expired token) and every other error to the SDK", () => {
        expect(accessEndReason(unknownToken(true))).toBeNull();
        expect(accessEndReason(new MatrixError({ errcode: "M_LIMIT_EXCEEDED" }, 429))).toBeNull();
        expect(accessEndReason(new TypeError("Failed to fetch"))).toBeNull();
        expect(accessEndReason(undefined)).toBeNull();
        expect(accessEndReason("M_USER_LOCKED")).toBeNull();
    });
});

describe("watchForEndedAccess", () => {
    const client = createClient({ baseUrl: "http://hs.invalid" });
    afterEach(() => {
        client.removeAllListeners();
        forgetEndedAccess();
    });

    it("signs out before MatrixChat's own listener hears the dead token, so the SDK's dialog stays away", () => {
        const order: string[] = [];
        // MatrixChat's listener is there first; it returns early when the SDK is already logging out.
        client.on(HttpApiEvent.SessionLoggedOut, () => order.push("sdk listener"));
        watchForEndedAccess(client, () => order.push("signed out"));

        client.emit(HttpApiEvent.SessionLoggedOut, unknownToken());

        expect(order).toEqual(["signed out", "sdk listener"]);
        expect(endedAccess()).toBe("revoked");
    });

    it("ends a locked account's session from the failed sync, once", () => {
        const signOut = jest.fn();
        watchForEndedAccess(client, signOut);
        const locked = new MatrixError({ errcode: "M_USER_LOCKED", soft_logout: true }, 401);

        client.emit(ClientEvent.Sync, SyncState.Reconnecting, SyncState.Syncing, { error: locked });
        client.emit(ClientEvent.Sync, SyncState.Error, SyncState.Reconnecting, { error: locked });

        expect(signOut).toHaveBeenCalledTimes(1);
        expect(endedAccess()).toBe("locked");
    });

    it("keeps the session through a lost connection and a soft logout", () => {
        const signOut = jest.fn();
        watchForEndedAccess(client, signOut);

        client.emit(ClientEvent.Sync, SyncState.Reconnecting, SyncState.Syncing, { error: new TypeError("offline") });
        client.emit(ClientEvent.Sync, SyncState.Error, SyncState.Reconnecting, {});
        client.emit(HttpApiEvent.SessionLoggedOut, unknownToken(true));

        expect(signOut).not.toHaveBeenCalled();
        expect(endedAccess()).toBeNull();
    });

    it("stops watching when asked", () => {
        const signOut = jest.fn();
        watchForEndedAccess(client, signOut)();
        client.emit(HttpApiEvent.SessionLoggedOut, unknownToken());
        expect(signOut).not.toHaveBeenCalled();
    });

    it("tells listeners when the screen is due and when it was dismissed", () => {
        const heard: Array<string | null> = [];
        const stop = onEndedAccessChange(() => heard.push(endedAccess()));
        watchForEndedAccess(client, () => {});
        client.emit(HttpApiEvent.SessionLoggedOut, unknownToken());
        dismissEndedAccess();
        stop();
        expect(heard).toEqual(["revoked", null]);
    });

    it("remembers, past the screen and until a session starts, that this tab's access ended", () => {
        expect(refusedAfterEndedAccess()).toBe(false);
        watchForEndedAccess(client, () => {});
        client.emit(HttpApiEvent.SessionLoggedOut, unknownToken());
        dismissEndedAccess();
        expect(endedAccess()).toBeNull();
        expect(refusedAfterEndedAccess()).toBe(true);
        forgetEndedAccess();
        expect(refusedAfterEndedAccess()).toBe(false);
    });
});
