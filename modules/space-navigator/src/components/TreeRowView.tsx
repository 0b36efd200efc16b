// One row of the tree: a treeitem with its level, place among its siblings, open state, counts and
// the policy badge slot. Names are rendered as text (React escapes them), never as markup.
import React from "react";
import classNames from "classnames";

import type { TreeRow } from "../tree/rows";
import type { NodeBadgeRenderer } from "../badgeSlot";
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
    renderBadges?: NodeBadgeRenderer;
    onClick(row: TreeRow): void;
    onContextMenu(row: TreeRow, event: React.MouseEvent): void;
    onFocus(row: TreeRow): void;
}

/** The accessible name: the room's name, then what a sighted user reads from tags and badges. */
export function describeRow(row: TreeRow, t: Translate): string {
    if (row.kind === "more") return t("show_more");
    if (row.kind === "loading") return t("loading");
    if (row.kind === "retry") return t("load_failed");
    const parts = [row.node.name];
    if (row.node.membership === "invite") parts.push(t("invited"));
    if (row.node.membership === "none") parts.push(t("not_joined"));
    if (row.node.suggested) parts.push(t("suggested"));
    if (row.unread > 0) parts.push(t("unread", { count: row.unread }));
    if (row.mentions > 0) parts.push(t("mentions", { count: row.mentions }));
    return parts.join(", ");
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
    return (
        // eslint-disable-next-line jsx-a11y/click-events-have-key-events -- the tree's onKeyDown handles keys for every row (NavigatorTree)
        <div
            role="treeitem"
            id={rowDomId(row.key)}
            data-key={row.key}
            aria-level={row.level}
            aria-setsize={row.setSize}
            aria-posinset={row.posInSet}
            aria-expanded={row.expandable ? row.expanded : undefined}
            aria-selected={current}
            aria-disabled={row.kind === "loading" ? true : undefined}
            aria-label={describeRow(row, t)}
            // The badges (policy badges…) say in words what they show: heard as the row's description.
            aria-describedby={
                renderBadges && !isStatus && node.kind !== "section" ? rowDomId(row.key) + "_badges" : undefined
            }
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
                <span className="atrium_SpaceNav_name atrium_SpaceNav_status">{describeRow(row, t)}</span>
            ) : (
                <>
                    <RowAvatar node={node} />
                    <span className="atrium_SpaceNav_name">{node.name}</span>
                    {node.suggested && (
                        <span className="atrium_SpaceNav_tag" aria-hidden="true">
                            {t("suggested")}
                        </span>
                    )}
                    {node.membership === "none" && (
                        <span className="atrium_SpaceNav_tag atrium_SpaceNav_tag_join" aria-hidden="true">
                            {t("not_joined")}
                        </span>
                    )}
                    {node.membership === "invite" && (
                        <span className="atrium_SpaceNav_tag" aria-hidden="true">
                            {t("invited")}
                        </span>
                    )}
                    {/* Heard once, as the row's description (aria-describedby reads hidden text), not as part of its name. */}
                    <span className="atrium_SpaceNav_badges" id={rowDomId(row.key) + "_badges"} aria-hidden="true">
                        {renderBadges?.(node)}
                    </span>
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

/** A DOM id for a row; keys hold room IDs with characters ids should not, so they are encoded. */
export const rowDomId = (key: string): string => "atrium_SpaceNav_" + encodeURIComponent(key).replace(/%/g, "_");
