// Wraps the SDK's sign-in page (see sdk-replacements.json): after the homeserver ended the user's
// access (src/session/accessEnded.ts) the page first shows the access-ended screen, in place of
// the SDK's "Signed out" dialog over an empty sign-in form; its button leads to the SDK's page.
import React, { useEffect, useState } from "react";
import OriginalLogin from "$sdk-original/components/structures/auth/Login";

import { dismissEndedAccess, endedAccess, onEndedAccessChange } from "@atrium/session/accessEnded";
import { AccessEndedView } from "@atrium/session/AccessEndedView";

type Props = React.ComponentProps<typeof OriginalLogin>;

export default function Login(props: Props): JSX.Element {
    const [reason, setReason] = useState(endedAccess);
    useEffect(() => onEndedAccessChange(() => setReason(endedAccess())), []);
    if (reason) return <AccessEndedView reason={reason} onSignInAgain={dismissEndedAccess} />;
    return <OriginalLogin {...props} />;
}
