// The module's dialogs, in the SDK's modal layer: archive (one room or several, with a reason),
// restore (what it changes, first of all what was changed while archived), and export through the
// SDK's exporter with its progress and cancel.
import React, { useEffect, useRef, useState } from "react";
import { roomSummary } from "@atrium/sdk";
import { exportRoom, openDialog, type ExportFormatName, type RunningExport } from "@atrium/sdk/archiveView";

import { archiveRoom, planRestore, restoreRoom } from "../actions";
import { MAX_REASON_LENGTH } from "../logic/record";
import type { LevelChange, RestorePlan } from "../logic/powerLevels";
import { archiveString, useArchiveStrings } from "../strings";
import { describeFailure } from "./errors";
import { ArchiveSettingsTab } from "./ArchiveSettingsTab";

const roomName = (roomId: string): string => roomSummary(roomId)?.name ?? roomId;

/** Every dialog's row: a secondary button (cancel, or stop a running export) and the form's submit. */
function DialogButtons({
    secondary,
    onSecondary,
    submit,
    submitDisabled,
    busy = false,
    focusSubmit = false,
}: {
    secondary: string;
    onSecondary(): void;
    submit: string;
    submitDisabled: boolean;
    busy?: boolean;
    focusSubmit?: boolean;
}): JSX.Element {
    return (
        <div className="atrium_ArchiveDialog_buttons">
            <button type="button" className="atrium_ArchiveButton" onClick={onSecondary}>
                {secondary}
            </button>
            <button
                type="submit"
                className="atrium_ArchiveButton atrium_ArchiveButton_primary"
                disabled={submitDisabled}
                aria-busy={busy || undefined}
                // eslint-disable-next-line jsx-a11y/no-autofocus -- a dialog whose one action is the submit gives it focus as it opens, like the SDK's dialogs
                autoFocus={focusSubmit}
            >
                {submit}
            </button>
        </div>
    );
}

export function ArchiveForm({
    roomIds,
    defaultReason,
    onDone,
}: {
    roomIds: readonly string[];
    defaultReason: string;
    onDone(): void;
}): JSX.Element {
    const t = useArchiveStrings();
    const [reason, setReason] = useState(defaultReason);
    const [busy, setBusy] = useState(false);
    const [failures, setFailures] = useState<string[]>([]);
    const submit = async (event: React.FormEvent): Promise<void> => {
        event.preventDefault();
        setBusy(true);
        const failed: string[] = [];
        for (const roomId of roomIds) {
            try {
                await archiveRoom(roomId, reason);
            } catch (error) {
                failed.push(`${roomName(roomId)}: ${describeFailure(t, error)}`);
            }
        }
        setBusy(false);
        setFailures(failed);
        if (failed.length === 0) onDone();
    };
    return (
        <form className="atrium_ArchiveDialog" onSubmit={(e) => void submit(e)}>
            <p>{t("archive_explain")}</p>
            {roomIds.length > 1 && (
                <ul className="atrium_ArchiveDialog_rooms">
                    {roomIds.map((roomId) => (
                        <li key={roomId}>{roomName(roomId)}</li>
                    ))}
                </ul>
            )}
            <label className="atrium_ArchiveDialog_label">
                {t("reason_label")}
                <textarea
                    value={reason}
                    maxLength={MAX_REASON_LENGTH}
                    rows={3}
                    onChange={(e) => setReason(e.target.value)}
                    // eslint-disable-next-line jsx-a11y/no-autofocus -- a dialog's first field takes focus as it opens, like the SDK's dialogs
                    autoFocus
                />
            </label>
            {failures.length > 0 && (
                <ul role="alert" className="atrium_ArchiveDialog_error">
                    {failures.map((failure) => (
                        <li key={failure}>{failure}</li>
                    ))}
                </ul>
            )}
            <DialogButtons
                secondary={t("cancel")}
                onSecondary={onDone}
                submit={busy ? t("working") : t("archive_confirm")}
                submitDisabled={busy}
                busy={busy}
            />
        </form>
    );
}

function ChangeList({ changes }: { changes: readonly LevelChange[] }): JSX.Element {
    const t = useArchiveStrings();
    const show = (value: unknown): string => (value === undefined ? t("not_set") : JSON.stringify(value));
    return (
        <ul className="atrium_ArchiveDialog_changes">
            {changes.map((change) => (
                <li key={JSON.stringify(change.path)}>
                    {t("level_change", { path: change.path.join(" › "), from: show(change.from), to: show(change.to) })}
                </li>
            ))}
        </ul>
    );
}

export function RestoreForm({ roomId, onDone }: { roomId: string; onDone(): void }): JSX.Element {
    const t = useArchiveStrings();
    const [plan, setPlan] = useState<RestorePlan | null>(null);
    const [error, setError] = useState<string | null>(null);
    const [busy, setBusy] = useState(false);
    useEffect(() => {
        planRestore(roomId).then(setPlan, (failure) => setError(describeFailure(t, failure)));
    }, [roomId]); // eslint-disable-line react-hooks/exhaustive-deps -- plan once per room
    const submit = async (event: React.FormEvent): Promise<void> => {
        event.preventDefault();
        if (!plan) return;
        setBusy(true);
        try {
            await restoreRoom(roomId, plan);
            onDone();
        } catch (failure) {
            setError(describeFailure(t, failure));
            setBusy(false);
        }
    };
    return (
        <form className="atrium_ArchiveDialog" onSubmit={(e) => void submit(e)} aria-busy={!plan && !error}>
            <p>{t("restore_explain")}</p>
            {plan && plan.changedWhileArchived.length > 0 && (
                <>
                    <p>{t("restore_changed")}</p>
                    <ChangeList changes={plan.changedWhileArchived} />
                    <p>{t("restore_will_change")}</p>
                    <ChangeList changes={plan.changes} />
                </>
            )}
            {error && (
                <p role="alert" className="atrium_ArchiveDialog_error">
                    {error}
                </p>
            )}
            <DialogButtons
                secondary={t("cancel")}
                onSecondary={onDone}
                submit={busy ? t("working") : t("restore")}
                submitDisabled={!plan || busy}
                busy={busy}
                focusSubmit
            />
        </form>
    );
}

const FORMATS: readonly ExportFormatName[] = ["html", "text", "json"];

export function ExportForm({ roomId, onDone }: { roomId: string; onDone(): void }): JSX.Element {
    const t = useArchiveStrings();
    const [format, setFormat] = useState<ExportFormatName>("html");
    const [progress, setProgress] = useState("");
    const running = useRef<RunningExport | null>(null);
    const [isRunning, setRunning] = useState(false);
    useEffect(() => () => running.current?.cancel(), []);
    const start = (event: React.FormEvent): void => {
        event.preventDefault();
        if (running.current) return;
        try {
            running.current = exportRoom(roomId, format, setProgress);
        } catch (error) {
            setProgress(t("export_failed", { error: error instanceof Error ? error.message : String(error) }));
            return;
        }
        setRunning(true);
        running.current.done
            .then(
                (how) => setProgress(how === "done" ? t("export_done") : t("export_cancelled")),
                (error) =>
                    setProgress(t("export_failed", { error: error instanceof Error ? error.message : String(error) })),
            )
            .finally(() => {
                running.current = null;
                setRunning(false);
            });
    };
    return (
        <form className="atrium_ArchiveDialog" onSubmit={start}>
            <fieldset disabled={isRunning}>
                <legend>{t("format")}</legend>
                {FORMATS.map((name) => (
                    <label key={name} className="atrium_ArchiveDialog_choice">
                        <input
                            type="radio"
                            name="atrium-archive-format"
                            value={name}
                            checked={format === name}
                            onChange={() => setFormat(name)}
                        />
                        {t(`format_${name}`)}
                    </label>
                ))}
            </fieldset>
            <p role="status" aria-live="polite" className="atrium_ArchiveDialog_progress">
                {progress}
            </p>
            <DialogButtons
                secondary={isRunning ? t("export_cancel") : t("cancel")}
                onSecondary={isRunning ? () => running.current?.cancel() : onDone}
                submit={t("export_start")}
                submitDisabled={isRunning}
            />
        </form>
    );
}

export function openArchiveDialog(roomIds: readonly string[], defaultReason: string): Promise<void> {
    const title =
        roomIds.length === 1
            ? `${archiveString("archive_room")}: ${roomName(roomIds[0])}`
            : archiveString("archive_selected", { count: roomIds.length });
    return openDialog(
        title,
        (close) => <ArchiveForm roomIds={roomIds} defaultReason={defaultReason} onDone={close} />,
        "atrium_ArchiveDialogBox",
    );
}

export function openRestoreDialog(roomId: string): Promise<void> {
    return openDialog(
        `${archiveString("restore_room")}: ${roomName(roomId)}`,
        (close) => <RestoreForm roomId={roomId} onDone={close} />,
        "atrium_ArchiveDialogBox",
    );
}

export function openExportDialog(roomId: string): Promise<void> {
    return openDialog(
        archiveString("export_title", { room: roomName(roomId) }),
        (close) => <ExportForm roomId={roomId} onDone={close} />,
        "atrium_ArchiveDialogBox",
    );
}

/** The room's archive options (what the settings tab shows), from the room header. */
export function openOptionsDialog(roomId: string): Promise<void> {
    return openDialog(
        `${archiveString("options")}: ${roomName(roomId)}`,
        () => <ArchiveSettingsTab roomId={roomId} />,
        "atrium_ArchiveDialogBox",
    );
}
