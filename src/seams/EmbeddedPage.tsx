// Replaces the SDK's EmbeddedPage (see sdk-replacements.json). Same job — fetch a page, translate its
// _t("…") keys, fill its placeholders, show it inside the app so it takes the theme — but the HTML is
// sanitized before it reaches the document (CVE-2026-55850), and a page that fails to load says so.
import React, { useContext, useEffect, useReducer, useState } from "react";
import classnames from "classnames";
import { logger } from "matrix-js-sdk/src/logger";
import { _t, TranslationKey } from "matrix-react-sdk/src/languageHandler";
import dis from "matrix-react-sdk/src/dispatcher/dispatcher";
import { MatrixClientPeg } from "matrix-react-sdk/src/MatrixClientPeg";
import MatrixClientContext from "matrix-react-sdk/src/contexts/MatrixClientContext";
import AutoHideScrollbar from "matrix-react-sdk/src/components/structures/AutoHideScrollbar";

import { sanitizeEmbeddedPage } from "@atrium/security/sanitizeEmbeddedPage";

interface Props {
    /** Where the page's HTML comes from. */
    url?: string;
    /** Class name prefix for this instance (mx_HomePage, mx_WelcomePage). */
    className?: string;
    scrollbar?: boolean;
    /** Placeholders and their values, e.g. { "$brand": "Acme" }. */
    replaceMap?: Record<string, string>;
}

/** The page's text with the SDK's strings and the placeholders filled in, then sanitized. */
function preparePage(html: string, replaceMap?: Record<string, string>): string {
    let page = html.replace(/_t\(['"]([\s\S]*?)['"]\)/gm, (_match, key: string) => _t(key as TranslationKey));
    for (const [placeholder, value] of Object.entries(replaceMap ?? {})) {
        page = page.split(placeholder).join(value);
    }
    // Last, so nothing a translation or a placeholder brings in escapes the sanitizer.
    return sanitizeEmbeddedPage(page);
}

async function fetchPage(url: string): Promise<string | null> {
    try {
        const response = await fetch(url, { method: "GET" });
        if (response.ok) return await response.text();
        logger.warn(`Error loading page ${url}: ${response.status}`);
    } catch (error) {
        logger.warn(`Error loading page ${url}: ${error}`);
    }
    return null;
}

function usePage(url: string | undefined, replaceMap: Record<string, string> | undefined): string {
    const [page, setPage] = useState("");
    const replaceKey = JSON.stringify(replaceMap ?? {});
    useEffect(() => {
        if (!url) return;
        let current = true;
        fetchPage(url).then((html) => {
            if (!current) return;
            setPage(html === null ? sanitizeEmbeddedPage(_t("cant_load_page")) : preparePage(html, replaceMap));
        });
        return () => {
            current = false;
        };
        // eslint-disable-next-line react-hooks/exhaustive-deps -- replaceMap is compared by value (replaceKey): callers build a new object on every render
    }, [url, replaceKey]);
    return page;
}

/** Re-renders when the client starts: the page's classes say whether someone is signed in. */
function useClientStarted(): void {
    const [, bump] = useReducer((n: number) => n + 1, 0);
    useEffect(() => {
        const ref = dis.register((payload) => {
            if (payload.action === "client_started") bump();
        });
        return () => dis.unregister(ref);
    }, []);
}

export default function EmbeddedPage({ url, className, scrollbar, replaceMap }: Props): JSX.Element {
    const page = usePage(url, replaceMap);
    useClientStarted();
    const client = useContext(MatrixClientContext) ?? MatrixClientPeg.get();
    const classes = classnames(className, {
        [`${className}_guest`]: client ? client.isGuest() : true,
        [`${className}_loggedIn`]: !!client,
    });
    // The HTML has been through sanitizeEmbeddedPage (preparePage) before it gets here.
    const content = <div className={`${className}_body`} dangerouslySetInnerHTML={{ __html: page }} />;
    if (scrollbar) return <AutoHideScrollbar className={classes}>{content}</AutoHideScrollbar>;
    return <div className={classes}>{content}</div>;
}
