// One row of the tree: a treeitem with its level, place among its siblings, open state, counts and
// the policy badge slot. Names are rendered as text (React escapes them), never as markup.
import React, { useLayoutEffect, useRef } from "react";
import classNames from "classnames";
import type { RoomDecorationIds } from "@atrium/sdk";

import type { TreeRow } from "../tree/rows";
import type { NodeDecorations } from "../badgeSlot";
import type { Translate } from "../strings";
import { RowAvatar } from "./RowAvatar";

export const ROW_HEIGHT = 32;
const INDENT_PX = 14;

interface Props {
    row: TreeRow;
    index: number;
    active: boolean;
    current: boolean;
    t: Translate;
    renderBadges?: NodeDecorations;
    onClick(row: TreeRow): void;
    onContextMenu(row: TreeRow, event: React.MouseEvent): void;
    onFocus(row: TreeRow): void;
}

type RowTag = "invited" | "not_joined" | "suggested";

/** The room's tags after its name, in the order a sighted user reads them. */
function rowTags(row: TreeRow): RowTag[] {
    const tags: RowTag[] = [];
    if (row.node.membership === "invite") tags.push("invited");
    if (row.node.membership === "none") tags.push("not_joined");
    if (row.node.suggested) tags.push("suggested");
    return tags;
}

/** The room's name and its tags, in words. */
function rowTitle(name: string, tags: RowTag[], t: Translate): string {
    return [name, ...tags.map((tag) => t(tag))].join(", ");
}

/** The unread count in words (the row shows the number). */
function rowCounts(row: TreeRow, t: Translate): string {
    const parts: string[] = [];
    if (row.unread > 0) parts.push(t("unread", { count: row.unread }));
    if (row.mentions > 0) parts.push(t("mentions", { count: row.mentions }));
    return parts.join(", ");
}

/**
 * The accessible name without decorations: the room's name, then what a sighted user reads from its
 * tags (the row passes those it shows) and count.
 */
export function describeRow(row: TreeRow, t: Translate, tags = rowTags(row)): string {
    if (row.kind === "more") return t("show_more");
    if (row.kind === "loading") return t("loading");
    if (row.kind === "retry") return t("load_failed");
    return [rowTitle(row.node.name, tags, t), rowCounts(row, t)].filter(Boolean).join(", ");
}

export const TreeRowView = React.memo(function TreeRowView({
    row,
    index,
    active,
    current,
    t,
    renderBadges,
    onClick,
    onContextMenu,
    onFocus,
}: Props): JSX.Element {
    const { node } = row;
    const isStatus = row.kind !== "node";
    const id = rowDomId(row.key);
    const decorated = renderBadges !== undefined && !isStatus && node.kind !== "section";
    const counts = decorated ? rowCounts(row, t) : "";
    // Drawn once for the row's room: a new snapshot with the same room keeps what is drawn.
    const badges = useRef<HTMLSpanElement>(null);
    const roomId = node.id;
    // With decorations, the row's name is read from its parts by ID (see aria-labelledby): its visible
    // name, or for a row with tags, its title in words (hidden) that puts commas between them.
    const tags = isStatus ? [] : rowTags(row);
    const tagged = tags.length > 0;
    // Without decorations, the row's name in one string (a status row shows it too).
    const label = decorated ? undefined : describeRow(row, t, tags);
    useLayoutEffect(() => {
        const element = badges.current;
        if (!decorated || !element) return;
        return renderBadges.draw(element, roomId, (index) => decorationIds(id, index));
    }, [decorated, renderBadges, roomId, id]);
    return (
        // eslint-disable-next-line jsx-a11y/click-events-have-key-events -- the tree's onKeyDown handles keys for every row (NavigatorTree)
        <div
            role="treeitem"
            id={id}
            data-key={row.key}
            aria-level={row.level}
            aria-setsize={row.setSize}
            aria-posinset={row.posInSet}
            aria-expanded={row.expandable ? row.expanded : undefined}
            aria-selected={current}
            aria-disabled={row.kind === "loading" ? true : undefined}
            // With decorations (policy badges…), the name says what the row shows, in its order (the
            // badges' own words among it, so a speech user can say what they see) and the badges'
            // full explanation is the description: each decoration renders both under the IDs the
            // row gives it, so they follow the badges as they change.
            aria-label={label}
            aria-labelledby={
                decorated ? nameIds(id, tagged ? "_title" : "_name", renderBadges.count, Boolean(counts)) : undefined
            }
            aria-describedby={decorated ? descriptionIds(id, renderBadges.count) : undefined}
            tabIndex={active ? 0 : -1}
            className={classNames("atrium_SpaceNav_row", `atrium_SpaceNav_row_${isStatus ? row.kind : node.kind}`, {
                atrium_SpaceNav_row_current: current,
                atrium_SpaceNav_row_unjoined: node.membership === "none" && !isStatus,
                atrium_SpaceNav_row_unread: row.unread > 0,
            })}
            style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT, paddingInlineStart: 6 + (row.level - 1) * INDENT_PX }}
            onClick={() => onClick(row)}
            onContextMenu={(event) => onContextMenu(row, event)}
            onFocus={() => onFocus(row)}
        >
            <span
                className="atrium_SpaceNav_twisty"
                aria-hidden="true"
                data-expanded={row.expandable ? row.expanded : undefined}
            />
            {isStatus ? (
                <span className="atrium_SpaceNav_name atrium_SpaceNav_status">{label}</span>
            ) : (
                <>
                    <RowAvatar node={node} />
                    <span className="atrium_SpaceNav_name" id={decorated && !tagged ? id + "_name" : undefined}>
                        {node.name}
                    </span>
                    {/* Spaces between the parts (a flex row does not draw them) keep the row's words apart for tools that read its text. */}{" "}
                    {/* In the order the name says them. */}
                    {tags.map((tag) => (
                        <React.Fragment key={tag}>
                            <span
                                className={classNames("atrium_SpaceNav_tag", {
                                    atrium_SpaceNav_tag_join: tag === "not_joined",
                                })}
                                aria-hidden="true"
                            >
                                {t(tag)}
                            </span>{" "}
                        </React.Fragment>
                    ))}
                    {/* Read through the row's name and description (by ID), not as more of its content;
                        drawn by the decorations themselves (its children are never React's). */}
                    <span className="atrium_SpaceNav_badges" aria-hidden="true" ref={badges} />{" "}
                    {decorated && tagged && (
                        <span hidden id={id + "_title"}>
                            {rowTitle(node.name, tags, t)}
                        </span>
                    )}
                    {counts && (
                        <span hidden id={id + "_counts"}>
                            {counts}
                        </span>
                    )}
                    {row.unread > 0 && (
                        <span
                            className={classNames("atrium_SpaceNav_count", {
                                atrium_SpaceNav_count_mention: row.mentions > 0,
                            })}
                            aria-hidden="true"
                        >
                            {row.unread > 99 ? "99+" : row.unread}
                        </span>
                    )}
                </>
            )}
        </div>
    );
});

/** The IDs a row gives its i-th decoration for its words and its explanation. */
const decorationIds = (rowId: string, index: number): RoomDecorationIds => ({
    words: `${rowId}_d${index}_words`,
    description: `${rowId}_d${index}_about`,
});

/** One ID per decoration: of its words, or of its explanation. */
const eachDecoration = (rowId: string, decorations: number, part: keyof RoomDecorationIds): string[] =>
    Array.from({ length: decorations }, (_, i) => decorationIds(rowId, i)[part]);

/** The row's name: its title (`_name` or `_title`), each decoration's words, its counts in words. */
function nameIds(rowId: string, title: string, decorations: number, withCounts: boolean): string {
    const ids = [rowId + title, ...eachDecoration(rowId, decorations, "words")];
    if (withCounts) ids.push(rowId + "_counts");
    return ids.join(" ");
}

const descriptionIds = (rowId: string, decorations: number): string =>
    eachDecoration(rowId, decorations, "description").join(" ");

/** A DOM id for a row; keys hold room IDs with characters ids should not, so they are encoded. */
export const rowDomId = (key: string): string => "atrium_SpaceNav_" + encodeURIComponent(key).replace(/%/g, "_");
