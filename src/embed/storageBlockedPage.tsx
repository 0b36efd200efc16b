// The embedded frame where the browser gives it no storage (a private window, third-party storage
// blocked): the SDK's modules reach localStorage as they load, so this page loads none of them.
// It reads the brand from the app's config.json with a plain fetch, then shows the frame's header
// and the way out: the full app in a new tab.
import React from "react";
import ReactDOM from "react-dom";

import { brandFromConfig } from "../brand/brand";
import { initAtriumI18n } from "../i18n/atriumI18n";
import { type EmbedView, fullAppUrl } from "./embedRequest";
import { EmbedShell } from "./EmbedShell";
import "./embed.pcss";

async function configuredBrand(): Promise<ReturnType<typeof brandFromConfig>> {
    try {
        const response = await fetch("config.json", { cache: "no-cache" });
        return brandFromConfig(response.ok ? ((await response.json()) as Record<string, unknown>) : {});
    } catch {
        return brandFromConfig({});
    }
}

export async function showStorageBlocked(container: HTMLElement, view: EmbedView): Promise<void> {
    document.documentElement.classList.add("atrium_embedded");
    const [brand] = await Promise.all([configuredBrand(), initAtriumI18n(navigator.language)]);
    document.documentElement.style.setProperty("--atrium-brand-primary", brand.colours.primary);
    document.documentElement.style.setProperty("--atrium-brand-on-primary", brand.colours.onPrimary);
    document.documentElement.style.setProperty("--atrium-brand-sidebar", brand.colours.sidebar);
    ReactDOM.render(
        <EmbedShell
            brand={brand}
            appUrl={fullAppUrl(window.location, view.target)}
            storageOk={false}
            signedIn={false}
            signIn={() => Promise.reject(new Error("This frame keeps no storage"))}
            renderApp={() => <></>}
        />,
        container,
    );
}
