// The sign-in window an embedded frame opens at top level (`?embed=signin&state=…`): a password
// form, or single sign-on when the homeserver offers it. Either way only a one-time login token goes
// back to the frame, on this same origin (popupSignIn.ts); the window then closes.
import React, { type FormEvent, type ReactElement, useEffect, useState } from "react";

import type { Brand } from "../brand/brand";
import { useAtriumTranslation } from "../i18n/atriumI18n";
import { type Fetch, loginFlows, LoginTokenError, loginTokenByPassword, ssoRedirectUrl } from "./loginToken";
import { sendTokenToFrame } from "./popupSignIn";

export interface SignInWindowProps {
    brand: Brand;
    homeserverUrl: string;
    /** The frame's nonce, sent back with the token. */
    state: string;
    /** A token the homeserver's single sign-on sent back in this window's address. */
    ssoLoginToken?: string;
    /** This window's address, where single sign-on returns to. */
    returnUrl: string;
    origin: string;
    opener: Pick<Window, "postMessage"> | null;
    fetchFn: Fetch;
    close(): void;
}

type Status = { name: "form"; error?: string } | { name: "busy" } | { name: "done" } | { name: "no_opener" };

export function SignInWindow(props: SignInWindowProps): ReactElement {
    const t = useAtriumTranslation();
    const [status, setStatus] = useState<Status>({ name: "form" });
    const [sso, setSso] = useState(false);
    const [user, setUser] = useState("");
    const [password, setPassword] = useState("");
    const { fetchFn, homeserverUrl, ssoLoginToken } = props;

    const deliver = (loginToken: string): void => {
        if (sendTokenToFrame(props.opener, props.origin, props.state, loginToken)) {
            setStatus({ name: "done" });
            props.close();
        } else {
            setStatus({ name: "no_opener" });
        }
    };

    useEffect(() => {
        if (ssoLoginToken) {
            deliver(ssoLoginToken);
            return;
        }
        loginFlows(fetchFn, homeserverUrl).then(
            (flows) => setSso(flows.sso),
            () => setSso(false),
        );
        // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the window opens
    }, []);

    const onSubmit = (event: FormEvent): void => {
        event.preventDefault();
        setStatus({ name: "busy" });
        const deviceName = t("embed.signin.device_name", { brand: props.brand.name });
        loginTokenByPassword(fetchFn, homeserverUrl, user.trim(), password, deviceName).then(deliver, (error) => {
            const failure = error instanceof LoginTokenError ? error.failure : "server";
            setStatus({ name: "form", error: t(`embed.signin.error.${failure}`, { brand: props.brand.name }) });
        });
    };

    const title = t("embed.signin.title", { brand: props.brand.name });
    if (status.name === "done" || status.name === "no_opener") {
        return (
            <main className="atrium_SignInWindow" aria-label={title}>
                <p role="status">{t(status.name === "done" ? "embed.signin.done" : "embed.signin.no_opener")}</p>
            </main>
        );
    }
    const busy = status.name === "busy";
    return (
        <main className="atrium_SignInWindow">
            <img className="atrium_SignInWindow_logo" src={props.brand.logoUrl} alt="" />
            <h1>{title}</h1>
            <p>{t("embed.signin.explain", { brand: props.brand.name })}</p>
            <form onSubmit={onSubmit} aria-label={title}>
                <label>
                    {t("embed.signin.username")}
                    <input
                        name="username"
                        autoComplete="username"
                        required
                        value={user}
                        onChange={(e) => setUser(e.target.value)}
                    />
                </label>
                <label>
                    {t("embed.signin.password")}
                    <input
                        name="password"
                        type="password"
                        autoComplete="current-password"
                        required
                        value={password}
                        onChange={(e) => setPassword(e.target.value)}
                    />
                </label>
                <button type="submit" disabled={busy} aria-busy={busy}>
                    {t("embed.signin.submit")}
                </button>
                {status.name === "form" && status.error && <p role="alert">{status.error}</p>}
            </form>
            {sso && (
                <a className="atrium_SignInWindow_sso" href={ssoRedirectUrl(homeserverUrl, props.returnUrl)}>
                    {t("embed.signin.sso")}
                </a>
            )}
        </main>
    );
}
