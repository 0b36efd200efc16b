// The room header item: in an archived room, "Archived on … by …: reason" with Restore for those
// allowed, shown where the composer was (the composer goes: the room opens read-only); in a room
// archived for me, a note with "Back to my list"; in every room, a button opening the room's archive
// options (archive, archive for me, export), until the room settings tab and context menu show them.
import React, { useLayoutEffect, useRef, useState } from "react";
import ReactDOM from "react-dom";
import { memberName } from "@atrium/sdk";

import { archiveStore } from "../archiveStore";
import { mayManageArchive, unarchiveForMe } from "../actions";
import { openOptionsDialog, openRestoreDialog } from "../lazyDialogs";
import { ArchiveIcon } from "../ArchiveIcon";
import { formatDate, useArchiveStrings } from "../strings";
import { useArchiveChanges } from "../useArchiveChanges";

/** Marks the room view read-only (the stylesheet hides its composer) and gives the place for the banner. */
function useReadOnlyRoomView(anchor: React.RefObject<HTMLElement>, archived: boolean): HTMLElement | null {
    const [place, setPlace] = useState<HTMLElement | null>(null);
    useLayoutEffect(() => {
        const roomView = anchor.current?.closest(".mx_RoomView");
        const body = roomView?.querySelector(".mx_RoomView_body");
        if (!archived || !roomView || !body) return;
        // A data attribute, not a class: React owns the class of the SDK's element and would drop ours.
        roomView.setAttribute("data-atrium-archived", "");
        const element = document.createElement("div");
        element.className = "atrium_ArchiveBanner_place";
        body.append(element);
        setPlace(element);
        return () => {
            roomView.removeAttribute("data-atrium-archived");
            element.remove();
            setPlace(null);
        };
    }, [anchor, archived]);
    return place;
}

export function ArchiveBanner({ roomId }: { roomId: string }): JSX.Element | null {
    useArchiveChanges(roomId);
    const t = useArchiveStrings();
    const anchor = useRef<HTMLSpanElement>(null);
    const record = archiveStore.policyRecord(roomId);
    const personal = archiveStore.personalArchive(roomId);
    const place = useReadOnlyRoomView(anchor, record !== null);

    if (record) {
        const values = { date: formatDate(record.at), name: memberName(roomId, record.by), reason: record.reason };
        const text = record.reason ? t("banner", values) : t("banner_no_reason", values);
        const banner = (
            <div className="atrium_ArchiveBanner" role="note" aria-label={t("kind_policy")}>
                <span className="atrium_ArchiveBanner_text">{text}</span>
                {mayManageArchive(roomId) && (
                    <button type="button" className="atrium_ArchiveButton" onClick={() => openRestoreDialog(roomId)}>
                        {t("restore")}
                    </button>
                )}
            </div>
        );
        return (
            <span ref={anchor} className="atrium_ArchiveChip" title={text}>
                {t("kind_policy")}
                {place ? ReactDOM.createPortal(banner, place) : banner}
            </span>
        );
    }
    const options = (
        <button
            type="button"
            className="atrium_ArchiveOptions"
            aria-label={t("options")}
            title={t("options")}
            onClick={() => openOptionsDialog(roomId)}
        >
            <ArchiveIcon />
        </button>
    );
    if (personal) {
        return (
            <span ref={anchor} className="atrium_ArchiveChip atrium_ArchiveChip_personal" role="note">
                {t("banner_personal")}{" "}
                <button
                    type="button"
                    className="atrium_ArchiveButton"
                    onClick={() => void unarchiveForMe(roomId).catch(() => {})}
                >
                    {t("unarchive_for_me")}
                </button>
                {options}
            </span>
        );
    }
    return <span ref={anchor}>{options}</span>;
}
