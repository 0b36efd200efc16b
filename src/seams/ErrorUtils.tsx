// Wraps the SDK's error texts (see sdk-replacements.json): signing in to an account the company
// deactivated or locked says so plainly. The SDK said "This account has been deactivated." without
// what to do, and took a locked account's M_USER_LOCKED for a wrong password. After this tab's
// access ended, a refused sign-in says that access has ended rather than "wrong password".
import type { ReactNode } from "react";
import type { MatrixError } from "matrix-js-sdk/src/matrix";
import { messageForLoginError as sdkMessageForLoginError } from "$sdk-original/utils/ErrorUtils";

import { t } from "@atrium/i18n/atriumI18n";
import { refusedAfterEndedAccess } from "@atrium/session/accessEnded";

export {
    resourceLimitStrings,
    adminContactStrings,
    messageForResourceLimitError,
    messageForSyncError,
    messageForConnectionError,
} from "$sdk-original/utils/ErrorUtils";

/** The sign-in page's (and the token login's) message for a refused login. */
export function messageForLoginError(
    err: MatrixError,
    serverConfig: Parameters<typeof sdkMessageForLoginError>[1],
): ReactNode {
    if (err.errcode === "M_USER_DEACTIVATED") return t("access_ended.login_refused.deactivated");
    if (err.errcode === "M_USER_LOCKED") return t("access_ended.login_refused.locked");
    // A deactivated account's password is gone: Synapse answers as for a wrong one.
    if (err.errcode === "M_FORBIDDEN" && refusedAfterEndedAccess()) return t("access_ended.login_refused.after_end");
    return sdkMessageForLoginError(err, serverConfig);
}
