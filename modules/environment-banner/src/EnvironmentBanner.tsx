// The strip across the top of the app naming the deployment ("Environment: Staging"), so nobody
// mistakes a test system for the real one. It wraps the whole app (WrapperLifecycle.Wrapper).
import React, { type CSSProperties, type PropsWithChildren } from "react";

import type { BannerTone } from "./settings";

/** Text and background pairs with a contrast of at least 7:1. */
const TONE_COLOURS: Record<BannerTone, { color: string; background: string }> = {
    info: { color: "#ffffff", background: "#1a4a7a" },
    warning: { color: "#1b1b1b", background: "#ffd54a" },
    danger: { color: "#ffffff", background: "#8c1d18" },
};

const APP_STYLE: CSSProperties = { display: "flex", flexDirection: "column", height: "100%" };
const CONTENT_STYLE: CSSProperties = { flex: "1 1 auto", minHeight: 0, position: "relative" };
const STRIP_STYLE: CSSProperties = {
    flex: "0 0 auto",
    padding: "2px 8px",
    textAlign: "center",
    fontSize: "12px",
    fontWeight: 600,
    lineHeight: "18px",
};

export interface EnvironmentBannerProps {
    /** The strip's text; null renders the app alone. */
    text: string | null;
    regionLabel: string;
    tone: BannerTone;
}

/**
 * The app below the strip. The children keep their place in the tree whether the strip shows or
 * not, so the strip can come and go without remounting the app.
 */
export function EnvironmentBanner({
    text,
    regionLabel,
    tone,
    children,
}: PropsWithChildren<EnvironmentBannerProps>): JSX.Element {
    return (
        <div className="atrium_EnvironmentBanner_app" style={APP_STYLE}>
            {text !== null ? (
                <aside
                    className="atrium_EnvironmentBanner"
                    aria-label={regionLabel}
                    style={{ ...STRIP_STYLE, ...TONE_COLOURS[tone] }}
                >
                    {text}
                </aside>
            ) : null}
            <div className="atrium_EnvironmentBanner_content" style={CONTENT_STYLE}>
                {children}
            </div>
        </div>
    );
}
