// The room settings tab "Archive": the room's state, and the buttons the user may use here.
import React, { useState } from "react";

import { archiveStore } from "../archiveStore";
import { archiveForMe, mayManageArchive, unarchiveForMe } from "../actions";
import { openArchiveDialog, openExportDialog, openRestoreDialog } from "../lazyDialogs";
import { useArchiveStrings } from "../strings";
import { useArchiveChanges } from "../useArchiveChanges";
import { describeFailure } from "./errors";

export function ArchiveSettingsTab({ roomId }: { roomId: string }): JSX.Element {
    useArchiveChanges(roomId);
    const t = useArchiveStrings();
    const [error, setError] = useState<string | null>(null);
    const policy = archiveStore.policyRecord(roomId);
    const personal = archiveStore.personalArchive(roomId);
    const mayManage = mayManageArchive(roomId);
    const fail = (failure: unknown): void => setError(describeFailure(t, failure));
    return (
        <div className="atrium_ArchiveSettings">
            <p role="status">{policy ? t("status_policy") : personal ? t("status_personal") : t("status_none")}</p>
            <div className="atrium_ArchiveView_actions">
                {mayManage && !policy && (
                    <button type="button" className="atrium_ArchiveButton" onClick={() => openArchiveDialog([roomId])}>
                        {t("archive_room")}
                    </button>
                )}
                {mayManage && policy && (
                    <button type="button" className="atrium_ArchiveButton" onClick={() => openRestoreDialog(roomId)}>
                        {t("restore_room")}
                    </button>
                )}
                {personal ? (
                    <button
                        type="button"
                        className="atrium_ArchiveButton"
                        onClick={() => unarchiveForMe(roomId).catch(fail)}
                    >
                        {t("unarchive_for_me")}
                    </button>
                ) : (
                    <button
                        type="button"
                        className="atrium_ArchiveButton"
                        onClick={() => archiveForMe(roomId).catch(fail)}
                    >
                        {t("archive_for_me")}
                    </button>
                )}
                <button type="button" className="atrium_ArchiveButton" onClick={() => openExportDialog(roomId)}>
                    {t("export")}
                </button>
            </div>
            {error && <p role="alert">{error}</p>}
        </div>
    );
}
