// The archive view, in the left panel's place: the archived rooms I can see (policy and personal,
// marked), searchable by name and topic, filterable by space and archive date, with who archived
// each, when and why; open, export, restore. Below, the lifecycle hints: rooms I administer that
// have been quiet for the configured days, to archive in bulk.
import React, { useImperativeHandle, useMemo, useRef, useState } from "react";
import {
    knownRoomIds,
    lastMessageTs,
    memberName,
    myMembership,
    roomSummary,
    spacesOfRoom,
    type LeftPanelViewProps,
} from "@atrium/sdk";
import { viewRoom } from "@atrium/sdk/archiveView";

import { archiveStore, type ArchivedRoom } from "../archiveStore";
import { mayManageArchive, unarchiveForMe } from "../actions";
import { filterArchive, inactiveRooms, type ArchiveListEntry, type ArchiveQuery } from "../logic/filter";
import { openArchiveDialog, openExportDialog, openRestoreDialog } from "../lazyDialogs";
import { inactiveDays } from "../settings";
import { formatDate, useArchiveStrings, type Translate } from "../strings";
import { useArchiveChanges } from "../useArchiveChanges";
import { describeFailure } from "./errors";
import { useStableId } from "./useStableId";

interface Row extends ArchiveListEntry {
    archived: ArchivedRoom;
}

function rowOf(archived: ArchivedRoom): Row {
    const summary = roomSummary(archived.roomId);
    return {
        roomId: archived.roomId,
        name: summary?.name ?? archived.roomId,
        topic: summary?.topic ?? null,
        archivedAt: archived.policy?.at ?? archived.personal?.at ?? 0,
        spaceIds: spacesOfRoom(archived.roomId).map((space) => space.roomId),
        archived,
    };
}

function ArchivedRoomItem({ row, t }: { row: Row; t: Translate }): JSX.Element {
    const { policy, personal } = row.archived;
    const [error, setError] = useState<string | null>(null);
    const headingId = useStableId();
    return (
        <li className="atrium_ArchiveView_room" aria-labelledby={headingId}>
            <h3 id={headingId} className="atrium_ArchiveView_name">
                {row.name}
            </h3>
            <div className="atrium_ArchiveView_kinds">
                {policy && <span className="atrium_ArchiveView_kind">{t("kind_policy")}</span>}
                {personal && (
                    <span className="atrium_ArchiveView_kind atrium_ArchiveView_kind_personal">
                        {t("kind_personal")}
                    </span>
                )}
            </div>
            {row.topic && <p className="atrium_ArchiveView_topic">{row.topic}</p>}
            {policy && <p>{t("by_line", { date: formatDate(policy.at), name: memberName(row.roomId, policy.by) })}</p>}
            {policy?.reason && <p>{t("reason_line", { reason: policy.reason })}</p>}
            {personal && <p>{t("personal_line", { date: formatDate(personal.at) })}</p>}
            <div className="atrium_ArchiveView_actions">
                <button type="button" className="atrium_ArchiveButton" onClick={() => viewRoom(row.roomId)}>
                    {t("open")}
                </button>
                <button type="button" className="atrium_ArchiveButton" onClick={() => openExportDialog(row.roomId)}>
                    {t("export")}
                </button>
                {policy && mayManageArchive(row.roomId) && (
                    <button
                        type="button"
                        className="atrium_ArchiveButton"
                        onClick={() => openRestoreDialog(row.roomId)}
                    >
                        {t("restore")}
                    </button>
                )}
                {personal && (
                    <button
                        type="button"
                        className="atrium_ArchiveButton"
                        onClick={() =>
                            unarchiveForMe(row.roomId).catch((failure) => setError(describeFailure(t, failure)))
                        }
                    >
                        {t("unarchive_for_me")}
                    </button>
                )}
            </div>
            {error && <p role="alert">{error}</p>}
        </li>
    );
}

function LifecycleHints({ t }: { t: Translate }): JSX.Element | null {
    const days = inactiveDays();
    const candidates = inactiveRooms(
        knownRoomIds()
            .filter((roomId) => myMembership(roomId) === "join" && !roomSummary(roomId)?.isSpace)
            .map((roomId) => ({
                roomId,
                lastMessageAt: lastMessageTs(roomId),
                mayArchive: mayManageArchive(roomId),
                archived: archiveStore.isHidden(roomId),
            })),
        Date.now(),
        days,
    );
    const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
    const chosen = candidates.filter((room) => selected.has(room.roomId)).map((room) => room.roomId);
    const headingId = useStableId();
    if (candidates.length === 0) return null;
    const toggle = (roomId: string, on: boolean): void => {
        const next = new Set(selected);
        if (on) next.add(roomId);
        else next.delete(roomId);
        setSelected(next);
    };
    return (
        <section className="atrium_ArchiveView_hints" aria-labelledby={headingId}>
            <h3 id={headingId}>{t("hints")}</h3>
            <p>{t("hints_explain", { count: days })}</p>
            <ul>
                {candidates.map((room) => {
                    const name = roomSummary(room.roomId)?.name ?? room.roomId;
                    return (
                        <li key={room.roomId}>
                            <label>
                                <input
                                    type="checkbox"
                                    checked={selected.has(room.roomId)}
                                    onChange={(e) => toggle(room.roomId, e.target.checked)}
                                    aria-label={t("select_room", { room: name })}
                                />
                                {name}
                            </label>
                            <span className="atrium_ArchiveView_topic">
                                {t("last_message", { date: formatDate(room.lastMessageAt!) })}
                            </span>
                        </li>
                    );
                })}
            </ul>
            <button
                type="button"
                className="atrium_ArchiveButton atrium_ArchiveButton_primary"
                disabled={chosen.length === 0}
                onClick={() => openArchiveDialog(chosen, t("bulk_reason", { count: days }))}
            >
                {t("archive_selected", { count: chosen.length })}
            </button>
        </section>
    );
}

export function ArchiveView({ close, focusRef }: LeftPanelViewProps): JSX.Element {
    useArchiveChanges();
    const t = useArchiveStrings();
    const search = useRef<HTMLInputElement>(null);
    useImperativeHandle(focusRef, () => ({ focus: () => search.current?.focus() }), []);
    const [query, setQuery] = useState<ArchiveQuery>({ text: "", spaceId: null, from: "", until: "" });
    const rows = archiveStore.archivedRooms().map(rowOf);
    const shown = filterArchive(rows, query);
    const spaces = useMemo(() => {
        const seen = new Map<string, string>();
        for (const row of rows) for (const space of spacesOfRoom(row.roomId)) seen.set(space.roomId, space.name);
        return [...seen].sort((a, b) => a[1].localeCompare(b[1]));
    }, [rows.map((row) => row.roomId).join("\n")]); // eslint-disable-line react-hooks/exhaustive-deps -- recomputed when the set changes
    const headingId = useStableId();
    return (
        <section className="atrium_ArchiveView" aria-labelledby={headingId}>
            <div className="atrium_ArchiveView_header">
                <h2 id={headingId}>{t("view_title")}</h2>
                <button
                    type="button"
                    className="atrium_ArchiveView_close"
                    aria-label={t("close")}
                    title={t("close")}
                    onClick={close}
                >
                    ×
                </button>
            </div>
            <div className="atrium_ArchiveView_filters" role="search">
                <input
                    ref={search}
                    type="search"
                    aria-label={t("search")}
                    placeholder={t("search_placeholder")}
                    value={query.text}
                    onChange={(e) => setQuery({ ...query, text: e.target.value })}
                />
                <label>
                    {t("space_filter")}
                    <select
                        value={query.spaceId ?? ""}
                        onChange={(e) => setQuery({ ...query, spaceId: e.target.value || null })}
                    >
                        <option value="">{t("all_spaces")}</option>
                        {spaces.map(([spaceId, name]) => (
                            <option key={spaceId} value={spaceId}>
                                {name}
                            </option>
                        ))}
                    </select>
                </label>
                <label>
                    {t("archived_from")}
                    <input
                        type="date"
                        value={query.from}
                        onChange={(e) => setQuery({ ...query, from: e.target.value })}
                    />
                </label>
                <label>
                    {t("archived_until")}
                    <input
                        type="date"
                        value={query.until}
                        onChange={(e) => setQuery({ ...query, until: e.target.value })}
                    />
                </label>
            </div>
            {shown.length === 0 ? (
                <p className="atrium_ArchiveView_empty" role="status">
                    {rows.length === 0 ? t("none") : t("no_matches")}
                </p>
            ) : (
                <ul className="atrium_ArchiveView_list">
                    {shown.map((row) => (
                        <ArchivedRoomItem key={row.roomId} row={row} t={t} />
                    ))}
                </ul>
            )}
            <LifecycleHints t={t} />
        </section>
    );
}
