// Browse by department: a collapsible tree with head counts. Choosing a department filters the
// results to it and everything below it.
import React, { useState } from "react";

import { useDirectoryStrings } from "../strings";
import type { DepartmentNode } from "../types";

interface DepartmentTreeProps {
    departments: DepartmentNode[];
    headCount: number;
    selected: string | null;
    onSelect(path: string | null): void;
}

export function DepartmentTree({ departments, headCount, selected, onSelect }: DepartmentTreeProps): JSX.Element {
    const t = useDirectoryStrings();
    const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
    const toggle = (path: string): void =>
        setExpanded((previous) => {
            const next = new Set(previous);
            if (next.has(path)) next.delete(path);
            else next.add(path);
            return next;
        });

    const renderNodes = (nodes: DepartmentNode[], depth: number): JSX.Element => (
        <ul className="atrium_DepartmentTree_list" role={depth === 0 ? undefined : "group"}>
            {nodes.map((node) => {
                const open = expanded.has(node.path);
                return (
                    <li key={node.path} style={{ paddingInlineStart: depth * 12 }}>
                        <div className="atrium_DepartmentTree_row">
                            {node.children.length > 0 ? (
                                <button
                                    type="button"
                                    className="atrium_DepartmentTree_toggle"
                                    aria-expanded={open}
                                    aria-label={t(open ? "collapse" : "expand", { name: node.name })}
                                    onClick={() => toggle(node.path)}
                                >
                                    {open ? "▾" : "▸"}
                                </button>
                            ) : (
                                <span className="atrium_DepartmentTree_spacer" />
                            )}
                            <button
                                type="button"
                                className="atrium_DepartmentTree_name"
                                aria-pressed={selected === node.path}
                                onClick={() => onSelect(selected === node.path ? null : node.path)}
                            >
                                <span>{node.name}</span>
                                <span className="atrium_DepartmentTree_count">
                                    {t("head_count", { count: node.head_count })}
                                </span>
                            </button>
                        </div>
                        {open && renderNodes(node.children, depth + 1)}
                    </li>
                );
            })}
        </ul>
    );

    return (
        <nav className="atrium_DepartmentTree" aria-label={t("departments")}>
            <button
                type="button"
                className="atrium_DepartmentTree_name"
                aria-pressed={selected === null}
                onClick={() => onSelect(null)}
            >
                <span>{t("all_departments")}</span>
                <span className="atrium_DepartmentTree_count">{t("head_count", { count: headCount })}</span>
            </button>
            {renderNodes(departments, 0)}
        </nav>
    );
}
