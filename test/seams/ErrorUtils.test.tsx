import { MatrixError } from "matrix-js-sdk/src/matrix";
// Imported by the SDK's own path: the resolver gives what ships, Atrium's replacement.
import { messageForLoginError, messageForSyncError } from "matrix-react-sdk/src/utils/ErrorUtils";

import { loadEnglish, putConfig } from "../helpers/sdkEnvironment";

const server = { hsName: "example.com", hsUrl: "https://matrix.example.com" };

describe("ErrorUtils seam", () => {
    beforeAll(loadEnglish);
    beforeEach(() => putConfig({}));

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
});
