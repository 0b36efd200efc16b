// The embedded app's frame: a small header with the brand and "Open in <brand>" (the full app in a
// new tab), then either the app on its one room or space, or what stands in the way: a sign-in
// button (the sign-in window, see popupSignIn.ts) or storage the browser blocks in frames.
import React, { type ReactElement, useState } from "react";

import type { Brand } from "../brand/brand";
import { useAtriumTranslation } from "../i18n/atriumI18n";
import { PopupSignInError } from "./popupSignIn";

type Phase =
    | { name: "blocked" }
    | { name: "signed_out"; problem?: "blocked" | "closed" | "failed" }
    | { name: "signing_in" }
    | { name: "app"; loginToken?: string };

export interface EmbedShellProps {
    brand: Brand;
    /** The full app on the same room or space. */
    appUrl: string;
    /** Whether a session can be kept in this frame (frameStorage.ts). */
    storageOk: boolean;
    /** Whether the frame already holds a session: then the app shows at once. */
    signedIn: boolean;
    /** Opens the sign-in window; resolves with the one-time login token. */
    signIn(): Promise<string>;
    /** The app, logging in with the token when there is one. */
    renderApp(loginToken?: string): ReactElement;
    /** The host hears that the frame is signed out when it shows the sign-in button. */
    onSignedOut?(): void;
}

export function EmbedShell(props: EmbedShellProps): ReactElement {
    const t = useAtriumTranslation();
    const [phase, setPhase] = useState<Phase>(() => {
        if (!props.storageOk) return { name: "blocked" };
        return props.signedIn ? { name: "app" } : { name: "signed_out" };
    });

    const startSignIn = (): void => {
        setPhase({ name: "signing_in" });
        props.signIn().then(
            (loginToken) => setPhase({ name: "app", loginToken }),
            (error: unknown) =>
                setPhase({
                    name: "signed_out",
                    problem: error instanceof PopupSignInError ? error.failure : "failed",
                }),
        );
    };

    const openInTab = (
        <a className="atrium_EmbedHeader_open" href={props.appUrl} target="_blank" rel="noopener noreferrer">
            {t("embed.open_in", { brand: props.brand.name })}
        </a>
    );

    let body: ReactElement;
    if (phase.name === "app") {
        body = props.renderApp(phase.loginToken);
    } else if (phase.name === "blocked") {
        body = (
            <div className="atrium_EmbedNotice" role="alert">
                <p>{t("embed.storage_blocked", { brand: props.brand.name })}</p>
                <a className="atrium_EmbedNotice_action" href={props.appUrl} target="_blank" rel="noopener noreferrer">
                    {t("embed.open_new_tab", { brand: props.brand.name })}
                </a>
            </div>
        );
    } else {
        const busy = phase.name === "signing_in";
        const problem = phase.name === "signed_out" ? phase.problem : undefined;
        body = (
            <div className="atrium_EmbedNotice">
                <p>{t("embed.sign_in_prompt", { brand: props.brand.name })}</p>
                <button
                    type="button"
                    className="atrium_EmbedNotice_action"
                    onClick={startSignIn}
                    disabled={busy}
                    aria-busy={busy}
                >
                    {busy ? t("embed.signing_in") : t("embed.sign_in", { brand: props.brand.name })}
                </button>
                {problem && (
                    <p role="alert" className="atrium_EmbedNotice_problem">
                        {t(`embed.sign_in_problem.${problem}`)}
                    </p>
                )}
            </div>
        );
    }

    return (
        <div className="atrium_Embed">
            <header className="atrium_EmbedHeader">
                <img className="atrium_EmbedHeader_logo" src={props.brand.logoUrl} alt="" />
                <span className="atrium_EmbedHeader_brand">{props.brand.name}</span>
                {openInTab}
            </header>
            <div className="atrium_EmbedBody">{body}</div>
        </div>
    );
}
