import { createClient, HttpApiEvent, MatrixError } from "matrix-js-sdk/src/matrix";
// Imported by the SDK's own path: the resolver gives what ships, Atrium's replacement.
import { messageForLoginError, messageForSyncError } from "matrix-react-sdk/src/utils/ErrorUtils";

import { forgetEndedAccess, watchForEndedAccess } from "../../src/session/accessEnded";
import { loadEnglish, putConfig } from "../helpers/sdkEnvironment";

const server = { hsName: "example.com", hsUrl: "https://matrix.example.com" };

describe("ErrorUtils seam", () => {
    beforeAll(loadEnglish);
    beforeEach(() => putConfig({}));
    afterEach(forgetEndedAccess);

    it("says a deactivated account is deactivated and whom to ask", () => {
        const error = new MatrixError(
            { errcode: "M_USER_DEACTIVATED", error: "This account has been deactivated" },
            403,
        );
        expect(messageForLoginError(error, server)).toBe(
            "This account has been deactivated. Contact your administrator.",
        );
    });

    it("says a locked account is locked, not that the password was wrong", () => {
        const error = new MatrixError({ errcode: "M_USER_LOCKED", error: "User account has been locked" }, 401);
        expect(messageForLoginError(error, server)).toBe("This account has been locked. Contact your administrator.");
    });

    it("leaves a wrong password and the SDK's other texts as they were", () => {
        const wrong = new MatrixError({ errcode: "M_FORBIDDEN", error: "Invalid username or password" }, 403);
        expect(messageForLoginError(wrong, server)).toBe("Incorrect username and/or password.");
        expect(typeof messageForSyncError).toBe("function");
    });

    it("after this tab's access ended, a refused sign-in says so: Synapse answers a deactivated account as a wrong password", () => {
        const wrong = new MatrixError({ errcode: "M_FORBIDDEN", error: "Invalid username or password" }, 403);
        const client = createClient({ baseUrl: "https://matrix.example.com" });
        watchForEndedAccess(client, () => {});
        client.emit(HttpApiEvent.SessionLoggedOut, new MatrixError({ errcode: "M_UNKNOWN_TOKEN" }, 401));

        expect(messageForLoginError(wrong, server)).toBe(
            "Signing in was refused: your access has ended. Contact your administrator.",
        );
        forgetEndedAccess();
        expect(messageForLoginError(wrong, server)).toBe("Incorrect username and/or password.");
    });
});
