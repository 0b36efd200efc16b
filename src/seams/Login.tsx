// Wraps the SDK's sign-in page (see sdk-replacements.json) for companies that sign in through their
// own identity provider (`atrium.sign_in`): that provider first, as one button with its name and
// logo; other providers the homeserver offers below it; the password form only where the config
// allows it. Without `atrium.sign_in` the page is the SDK's own.
//
// How: the SDK's page is a class that picks a renderer per login flow in a private map. This wrapper
// extends the class and replaces only renderLoginComponentForFlows, the public method that lays the
// flows out; the SDK's own renderers still draw the password form and the SSO buttons. If a later
// SDK changes that shape, the wrapper logs it once and leaves the SDK's page as it is.
//
// After the homeserver ended the user's access (src/session/accessEnded.ts) the page first shows the
// access-ended screen, in place of the SDK's "Signed out" dialog over an empty sign-in form; its
// button leads to the sign-in page.
import React, { useEffect, useState, type ReactNode } from "react";
import { logger } from "matrix-js-sdk/src/logger";
import { SSOAction, type MatrixClient, type SSOFlow } from "matrix-js-sdk/src/matrix";
import SdkLogin from "$sdk-original/components/structures/auth/Login";
import PlatformPeg from "matrix-react-sdk/src/PlatformPeg";
import SdkConfig from "matrix-react-sdk/src/SdkConfig";
import SSOButtons from "matrix-react-sdk/src/components/views/elements/SSOButtons";

import { CompanySignInButton, ProviderUnavailable, SignInSeparator } from "@atrium/signIn/CompanySignInButton";
import { companyProviderIn, signInSettings } from "@atrium/signIn/signInConfig";
import { dismissEndedAccess, endedAccess, onEndedAccessChange } from "@atrium/session/accessEnded";
import { AccessEndedView } from "@atrium/session/AccessEndedView";

type Props = React.ComponentProps<typeof SdkLogin>;

export default function Login(props: Props): JSX.Element {
    const [reason, setReason] = useState(endedAccess);
    useEffect(() => onEndedAccessChange(() => setReason(endedAccess())), []);
    if (reason) return <AccessEndedView reason={reason} onSignInAgain={dismissEndedAccess} />;
    return <CompanyLogin {...props} />;
}

/** What this wrapper relies on of the SDK's class beyond its public methods. */
interface SdkLoginInternals {
    stepRendererMap?: Record<string, () => ReactNode>;
    loginLogic?: { createTemporaryClient(): MatrixClient };
}

let warnedShape = false;

class CompanyLogin extends SdkLogin {
    public renderLoginComponentForFlows(): ReactNode {
        const settings = signInSettings(SdkConfig.get());
        const flows = this.state.flows;
        if (!flows || (!settings.identityProvider && settings.passwordLogin))
            return super.renderLoginComponentForFlows();
        const internals = this as unknown as SdkLoginInternals;
        const renderers = internals.stepRendererMap;
        if (!renderers || !internals.loginLogic) {
            if (!warnedShape) logger.error("Atrium: the SDK's Login changed shape; its sign-in page shows unchanged");
            warnedShape = true;
            return super.renderLoginComponentForFlows();
        }

        const oidcNative = flows.find((flow) => flow.type === "oidcNativeFlow");
        const sso = flows.find((flow) => flow.type === "m.login.sso") as SSOFlow | undefined;
        const password = settings.passwordLogin && flows.some((flow) => flow.type === "m.login.password");
        const company = settings.identityProvider;
        const offered = (sso?.identity_providers ?? []).map((idp) => idp.id);
        const companyIdp = company && sso ? companyProviderIn(company, offered) : null;
        const others = sso ? withoutProvider(sso, companyIdp?.id) : undefined;

        const parts: ReactNode[] = [];
        if (oidcNative) parts.push(<React.Fragment key="oidc">{renderers[oidcNative.type]?.()}</React.Fragment>);
        if (company && companyIdp) {
            parts.push(
                <CompanySignInButton
                    key="company"
                    provider={company}
                    disabled={this.isBusy()}
                    onClick={() => this.startCompanySignOn(companyIdp.id)}
                />,
            );
        } else if (company) {
            parts.push(<ProviderUnavailable key="unavailable" provider={company} />);
        }
        if (others && (others.identity_providers?.length || !company)) {
            parts.push(
                <SSOButtons
                    key="sso"
                    matrixClient={internals.loginLogic.createTemporaryClient()}
                    flow={others}
                    loginType="sso"
                    fragmentAfterLogin={this.props.fragmentAfterLogin}
                    primary={!company && !password}
                    action={SSOAction.LOGIN}
                    disabled={this.isBusy()}
                />,
            );
        }
        if (password) {
            if (parts.length > 0) parts.push(<SignInSeparator key="separator" />);
            parts.push(<React.Fragment key="password">{renderers["m.login.password"]?.()}</React.Fragment>);
        }
        return <>{parts}</>;
    }

    private startCompanySignOn(idpId: string | undefined): void {
        const client = (this as unknown as SdkLoginInternals).loginLogic!.createTemporaryClient();
        PlatformPeg.get()?.startSingleSignOn(client, "sso", this.props.fragmentAfterLogin, idpId, SSOAction.LOGIN);
    }
}

/** The SSO flow without the company's provider, which has its own button. */
function withoutProvider(flow: SSOFlow, idpId: string | undefined): SSOFlow {
    if (!idpId || !flow.identity_providers) return flow;
    return { ...flow, identity_providers: flow.identity_providers.filter((idp) => idp.id !== idpId) };
}
