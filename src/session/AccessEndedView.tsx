// The screen a session ends on when the homeserver ended the user's access: in the brand's
// sign-in frame, one plain sentence, and the way back to the sign-in page.
import React, { useEffect, useRef } from "react";
import AuthPage from "matrix-react-sdk/src/components/views/auth/AuthPage";
import AuthHeader from "matrix-react-sdk/src/components/views/auth/AuthHeader";
import AuthBody from "matrix-react-sdk/src/components/views/auth/AuthBody";

import { useAtriumTranslation } from "@atrium/i18n/atriumI18n";
import type { AccessEndReason } from "./accessEnded";

interface Props {
    reason: AccessEndReason;
    onSignInAgain(): void;
}

export function AccessEndedView({ reason, onSignInAgain }: Props): JSX.Element {
    const t = useAtriumTranslation();
    const heading = useRef<HTMLHeadingElement>(null);
    // Whatever had the focus is gone with the session: start reading here.
    useEffect(() => heading.current?.focus(), []);
    return (
        <AuthPage>
            <AuthHeader disableLanguageSelector={true} />
            <AuthBody>
                <div className="atrium_AccessEnded" data-testid="atrium-access-ended" data-reason={reason}>
                    <h1 ref={heading} tabIndex={-1}>
                        {t("access_ended.title")}
                    </h1>
                    <p role="alert">{t("access_ended.message")}</p>
                    <p className="atrium_AccessEnded_detail">{t(`access_ended.reason.${reason}`)}</p>
                    <button type="button" className="atrium_AccessEnded_signIn" onClick={onSignInAgain}>
                        {t("access_ended.sign_in_again")}
                    </button>
                </div>
            </AuthBody>
        </AuthPage>
    );
}
