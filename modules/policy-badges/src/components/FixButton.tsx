// A one-click fix for a broken rule, offered only to those with the power to send its state event.
// The room's new state comes back through the client, and the warning goes away with it.
import React, { useState } from "react";
import { canSendState, sendStateEvent } from "@atrium/sdk";

import type { Violation } from "../policy";
import { usePolicyStrings } from "../strings";

export function FixButton({ roomId, violation }: { roomId: string; violation: Violation }): JSX.Element | null {
    const { t } = usePolicyStrings();
    const [busy, setBusy] = useState(false);
    const [error, setError] = useState<string | null>(null);
    const fix = violation.fix;
    if (!fix || !canSendState(roomId, fix.type)) return null;
    const apply = async (): Promise<void> => {
        setBusy(true);
        setError(null);
        try {
            await sendStateEvent(roomId, fix.type, fix.content);
        } catch (e) {
            setError(t("fix_failed", { error: e instanceof Error ? e.message : String(e) }));
        } finally {
            setBusy(false);
        }
    };
    return (
        <>
            <button
                type="button"
                className="atrium_Policy_fix"
                disabled={busy}
                aria-busy={busy}
                onClick={() => void apply()}
            >
                {t(`fix_${violation.rule}`)}
            </button>
            {error && (
                <span role="alert" className="atrium_Policy_error">
                    {error}
                </span>
            )}
        </>
    );
}
