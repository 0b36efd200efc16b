// Atrium's notice area: why the config in use is not the service's current one, a gentle reload
// prompt when a change needs one, and the admins' notices. Small, dismissible, never in the way;
// it lives outside MatrixChat (its own root, see mountNotices) so it shows on the sign-in pages too.
import React, { ReactNode, useEffect, useState } from "react";
import PlatformPeg from "matrix-react-sdk/src/PlatformPeg";

import type { FallbackReason } from "../config/configService";
import { ConfigFallback, ConfigStore, configStore, useConfigState } from "../config/configStore";
import { atriumI18n, useAtriumTranslation } from "../i18n/atriumI18n";
import { dismissNotice, readDismissedNotices, undismissedNotices } from "./adminNotices";

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Changed settings listed in the reload prompt's details; more are counted, not listed. */
const MAX_LISTED_CHANGES = 10;

let nextId = 0;
function useUniqueId(prefix: string): string {
    const [id] = useState(() => `${prefix}_${++nextId}`);
    return id;
}

export function fallbackReasonText(reason: FallbackReason, t: Translate): string {
    switch (reason.kind) {
        case "timeout":
            return t("notices.reason.timeout", { seconds: Math.round(reason.timeoutMs / 100) / 10 });
        case "network":
            return t("notices.reason.network");
        case "http":
            return t("notices.reason.http", { status: reason.status });
        case "not-json":
            return t("notices.reason.not_json");
        case "too-large":
            return t("notices.reason.too_large", { size: reason.size, max: reason.max });
        case "not-object":
            return t("notices.reason.not_object");
        case "too-deep":
            return t("notices.reason.too_deep", { max: reason.maxDepth });
        case "schema":
            return t("notices.reason.schema", { path: reason.path, message: reason.message });
        case "error":
            return t("notices.reason.error", { message: reason.message });
    }
}

function unreachable(reason: FallbackReason): boolean {
    return reason.kind === "timeout" || reason.kind === "network" || reason.kind === "http" || reason.kind === "error";
}

function savedAtText(savedAt: number | undefined, t: Translate): string | null {
    if (savedAt === undefined) return null;
    const date = new Date(savedAt);
    if (Number.isNaN(date.getTime())) return null;
    return t("notices.saved_at", { date: date.toLocaleString(atriumI18n.language || undefined) });
}

interface NoticeProps {
    level: "info" | "warning";
    text: string;
    details?: ReactNode;
    action?: ReactNode;
    onDismiss(): void;
    testId?: string;
}

function Notice({ level, text, details, action, onDismiss, testId }: NoticeProps): JSX.Element {
    const t = useAtriumTranslation();
    const [open, setOpen] = useState(false);
    const textId = useUniqueId("atrium_Notice_text");
    const detailsId = useUniqueId("atrium_Notice_details");
    return (
        <div className={`atrium_Notice atrium_Notice_${level}`} data-testid={testId}>
            <p className="atrium_Notice_text" id={textId}>
                {level === "warning" && <span className="atrium_Notice_level">{t("notices.warning")} </span>}
                {text}
            </p>
            <div className="atrium_Notice_actions">
                {action}
                {details !== undefined && (
                    <button
                        type="button"
                        className="atrium_Notice_detailsButton"
                        aria-expanded={open}
                        aria-controls={detailsId}
                        onClick={() => setOpen(!open)}
                    >
                        {t("notices.details")}
                    </button>
                )}
                <button
                    type="button"
                    className="atrium_Notice_dismiss"
                    aria-label={t("notices.dismiss")}
                    aria-describedby={textId}
                    onClick={onDismiss}
                >
                    <span aria-hidden="true">×</span>
                </button>
            </div>
            {details !== undefined && (
                <div className="atrium_Notice_details" id={detailsId} hidden={!open}>
                    {details}
                </div>
            )}
        </div>
    );
}

function FallbackNotice({ fallback, onDismiss }: { fallback: ConfigFallback; onDismiss(): void }): JSX.Element {
    const t = useAtriumTranslation();
    const cause = unreachable(fallback.reason) ? "unreachable" : "invalid";
    const saved = fallback.source === "last-good" ? savedAtText(fallback.savedAt, t) : null;
    return (
        <Notice
            level="info"
            testId="atrium-config-fallback"
            text={t(`notices.fallback.${fallback.source === "last-good" ? "last_good" : "bundled"}_${cause}`)}
            details={
                <>
                    <p>{fallbackReasonText(fallback.reason, t)}</p>
                    {saved && <p>{saved}</p>}
                </>
            }
            onDismiss={onDismiss}
        />
    );
}

function reload(): void {
    const platform = PlatformPeg.get();
    if (platform) platform.reload();
    else window.location.reload();
}

function ReloadPrompt({ changes, onDismiss }: { changes: readonly string[]; onDismiss(): void }): JSX.Element {
    const t = useAtriumTranslation();
    const listed = changes.slice(0, MAX_LISTED_CHANGES);
    return (
        <Notice
            level="info"
            testId="atrium-config-reload"
            text={t("notices.reload_prompt")}
            action={
                <button type="button" className="atrium_Notice_action" onClick={reload}>
                    {t("notices.reload")}
                </button>
            }
            details={
                <>
                    <p>{t("notices.changed_settings")}</p>
                    <ul>
                        {listed.map((path, index) => (
                            <li key={index}>
                                <code>{path}</code>
                            </li>
                        ))}
                    </ul>
                    {changes.length > listed.length && (
                        <p>{t("notices.more_changes", { count: changes.length - listed.length })}</p>
                    )}
                </>
            }
            onDismiss={onDismiss}
        />
    );
}

export interface NoticeAreaProps {
    store?: ConfigStore;
    /** Where dismissed admin notices are remembered (localStorage by default). */
    storage?: Storage | null;
}

export function NoticeArea({ store = configStore, storage }: NoticeAreaProps): JSX.Element {
    const t = useAtriumTranslation();
    const { config, fallback, pendingReload } = useConfigState(store);
    const [dismissedIds, setDismissedIds] = useState(() => readDismissedNotices(storage));
    // Dismissing hides this fallback and this reload prompt; a new one shows again.
    const [hiddenFallback, setHiddenFallback] = useState<ConfigFallback | null>(null);
    const [hiddenReload, setHiddenReload] = useState<string | null>(null);
    const reloadKey = pendingReload.join("\n");
    const notices = undismissedNotices(config, dismissedIds);
    // The area mounts only once there is a notice (startConfigUpdates): the live region is first
    // put on the page empty, so that screen readers announce the notice added to it just after.
    const [regionInPlace, setRegionInPlace] = useState(false);
    useEffect(() => setRegionInPlace(true), []);
    if (!regionInPlace) return <div className="atrium_Notices" role="status" aria-label={t("notices.region")} />;

    return (
        <div className="atrium_Notices" role="status" aria-label={t("notices.region")}>
            {fallback && fallback !== hiddenFallback && (
                <FallbackNotice fallback={fallback} onDismiss={() => setHiddenFallback(fallback)} />
            )}
            {pendingReload.length > 0 && reloadKey !== hiddenReload && (
                <ReloadPrompt changes={pendingReload} onDismiss={() => setHiddenReload(reloadKey)} />
            )}
            {notices.map((notice) => (
                <Notice
                    key={notice.id}
                    level={notice.level ?? "info"}
                    testId={`atrium-notice-${notice.id}`}
                    text={notice.text}
                    onDismiss={() => setDismissedIds(dismissNotice(notice.id, storage))}
                />
            ))}
        </div>
    );
}
