// The company directory sidebar: search people as you type, browse by department, filter by
// location, open a person's card. Everything it needs comes through props (`directory` for the
// directory service, `people` for Matrix), so it renders the same in the app, in tests and on the
// bench page. Escape closes it.
import React, { useCallback, useEffect, useMemo, useRef, useState } from "react";

import { ageParts } from "../localTime";
import { useDirectoryStrings } from "../strings";
import type { DepartmentsAnswer, DirectoryApi, ListedPerson, MatrixUser, PeopleApi } from "../types";
import { useDirectorySearch, type SearchFilters } from "../useDirectorySearch";
import { Avatar } from "./Avatar";
import { DepartmentTree } from "./DepartmentTree";
import { PersonCard, type CardPerson } from "./PersonCard";
import { optionId, ResultList, type ResultRow } from "./ResultList";

export interface CompanyDirectoryPanelProps {
    onClose(): void;
    directory: DirectoryApi;
    people: PeopleApi;
}

type CardState =
    | { kind: "none" }
    | { kind: "loading"; id: string }
    | { kind: "shown"; person: CardPerson }
    | { kind: "failed"; reason: string };

let panelCount = 0;

function detailOf(person: ListedPerson): string {
    return [person.title, person.department[person.department.length - 1], person.location].filter(Boolean).join(" · ");
}

export function CompanyDirectoryPanel({ onClose, directory, people }: CompanyDirectoryPanelProps): JSX.Element {
    const t = useDirectoryStrings();
    const [listId] = useState(() => `atrium-directory-${++panelCount}`);
    const [filters, setFilters] = useState<SearchFilters>({ q: "", department: null, location: null });
    const [facets, setFacets] = useState<DepartmentsAnswer | null>(null);
    const [treeOpen, setTreeOpen] = useState(false);
    const [active, setActive] = useState(-1);
    const [card, setCard] = useState<CardState>({ kind: "none" });
    const search = useRef<HTMLInputElement>(null);
    const cardRequest = useRef<AbortController | null>(null);
    const { state, loadMore, retry, noteSource } = useDirectorySearch(directory, people, filters);

    useEffect(() => {
        const controller = new AbortController();
        directory.departments(controller.signal).then(
            (answer) => {
                noteSource(answer.source);
                if (!controller.signal.aborted) setFacets(answer);
            },
            () => undefined, // without facets the panel still searches; the results say why when they fail too
        );
        return () => controller.abort();
    }, [directory, state.kind === "directory"]); // eslint-disable-line react-hooks/exhaustive-deps -- refetch only when the directory or the view's kind changes

    useEffect(() => setActive(-1), [filters]);
    useEffect(() => () => cardRequest.current?.abort(), []);

    const openPerson = useCallback(
        (id: string): void => {
            cardRequest.current?.abort();
            const controller = new AbortController();
            cardRequest.current = controller;
            setCard({ kind: "loading", id });
            directory.person(id, controller.signal).then(
                (view) => {
                    if (controller.signal.aborted) return;
                    setCard({
                        kind: "shown",
                        person: {
                            name: view.person.name,
                            matrixId: view.person.matrix_id,
                            directory: view.person,
                            managerChain: view.manager_chain,
                            directReports: view.direct_reports,
                        },
                    });
                },
                (error: unknown) => {
                    if (!controller.signal.aborted) setCard({ kind: "failed", reason: (error as Error).message });
                },
            );
        },
        [directory],
    );

    const rows: ResultRow[] = useMemo(() => {
        if (state.kind === "directory") {
            return state.people.map((person) => ({
                key: person.id,
                name: person.name,
                detail: detailOf(person),
                avatar: <Avatar name={person.name} size={32} />,
            }));
        }
        if (state.kind === "fallback") {
            return state.users.map((user) => ({
                key: user.userId,
                name: user.displayName || user.userId,
                detail: user.userId,
                avatar: <Avatar name={user.displayName || user.userId.slice(1)} size={32} />,
            }));
        }
        return [];
    }, [state]);

    const openRow = (index: number): void => {
        if (state.kind === "directory") {
            const person = state.people[index];
            if (person) openPerson(person.id);
        } else if (state.kind === "fallback") {
            const user: MatrixUser | undefined = state.users[index];
            if (user) {
                setCard({
                    kind: "shown",
                    person: { name: user.displayName || user.userId, matrixId: user.userId, avatarMxc: user.avatarMxc },
                });
            }
        }
    };

    const closeCard = (): void => {
        cardRequest.current?.abort();
        setCard({ kind: "none" });
        requestAnimationFrame(() => search.current?.focus());
    };

    const onKeyDown = (event: React.KeyboardEvent): void => {
        if (event.key === "Escape") {
            event.stopPropagation();
            event.preventDefault();
            onClose();
        }
    };

    const onSearchKeyDown = (event: React.KeyboardEvent<HTMLInputElement>): void => {
        if (rows.length === 0) return;
        if (event.key === "ArrowDown") {
            event.preventDefault();
            setActive((index) => Math.min(rows.length - 1, index + 1));
        } else if (event.key === "ArrowUp") {
            event.preventDefault();
            setActive((index) => Math.max(0, index - 1));
        } else if (event.key === "Enter" && active >= 0) {
            event.preventDefault();
            openRow(active);
        }
    };

    const filtered = filters.department !== null || filters.location !== null;
    let notice: JSX.Element | null = null;
    let body: JSX.Element;
    if (state.kind === "loading") {
        body = (
            <p className="atrium_CompanyDirectory_state" role="status">
                {t("loading")}
            </p>
        );
    } else if (state.kind === "directory") {
        if (state.source.state === "stale" && state.source.age_seconds !== null) {
            const age = ageParts(state.source.age_seconds);
            notice = (
                <p className="atrium_CompanyDirectory_notice">
                    {t("stale", { age: t(age.key, { count: age.count }) })}
                </p>
            );
        }
        body =
            rows.length === 0 && state.pending ? (
                <p className="atrium_CompanyDirectory_state" role="status">
                    {t("loading")}
                </p>
            ) : rows.length === 0 ? (
                <p className="atrium_CompanyDirectory_state" role="status">
                    {filters.q.trim()
                        ? t("empty_query", { query: filters.q.trim() })
                        : t(filtered ? "empty_filter" : "empty_directory")}
                </p>
            ) : (
                <>
                    <ResultList
                        id={listId}
                        label={t("results")}
                        rows={rows}
                        activeIndex={active}
                        scrollTo={active}
                        onOpen={openRow}
                        onNearEnd={state.nextCursor ? loadMore : undefined}
                        busy={state.pending}
                        sizeKnown={!state.pending && state.nextCursor === null}
                    />
                    {/* Said once the service's answer (or an exact prediction) is in, never from a partial prediction. */}
                    <p className="atrium_CompanyDirectory_count" role="status">
                        {state.pending
                            ? ""
                            : t(state.nextCursor ? "result_count_more" : "result_count", { count: rows.length })}
                    </p>
                </>
            );
    } else {
        const why =
            state.reason === "not_configured"
                ? t("not_configured")
                : t(state.status === "prompt" ? "fallback_type" : "fallback");
        notice = (
            <div className="atrium_CompanyDirectory_notice" role="status">
                <p>{state.status === "failed" ? t("fallback_failed") : why}</p>
                {state.reason !== "not_configured" && (
                    <button type="button" onClick={retry}>
                        {t("retry")}
                    </button>
                )}
            </div>
        );
        body =
            state.status === "loading" && rows.length === 0 ? (
                <p className="atrium_CompanyDirectory_state" role="status">
                    {t("loading")}
                </p>
            ) : state.status === "done" && rows.length === 0 ? (
                <p className="atrium_CompanyDirectory_state" role="status">
                    {t("empty_query", { query: filters.q.trim() })}
                </p>
            ) : (
                <>
                    <ResultList
                        id={listId}
                        label={t("results")}
                        rows={rows}
                        activeIndex={active}
                        scrollTo={active}
                        onOpen={openRow}
                    />
                    {state.limited && <p className="atrium_CompanyDirectory_state">{t("fallback_limited")}</p>}
                </>
            );
    }

    return (
        // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- Escape anywhere in the sidebar closes it
        <section className="atrium_CompanyDirectory" aria-label={t("title")} onKeyDown={onKeyDown}>
            <header className="atrium_CompanyDirectory_header">
                <h2>{t("title")}</h2>
                <button
                    type="button"
                    className="atrium_CompanyDirectory_close"
                    aria-label={t("close")}
                    onClick={onClose}
                >
                    ×
                </button>
            </header>
            {card.kind !== "none" ? (
                card.kind === "shown" ? (
                    <PersonCard person={card.person} people={people} onBack={closeCard} onOpenPerson={openPerson} />
                ) : (
                    <div className="atrium_PersonCard">
                        <button type="button" className="atrium_PersonCard_back" onClick={closeCard}>
                            {t("back")}
                        </button>
                        <p className="atrium_CompanyDirectory_state" role="status">
                            {card.kind === "loading" ? t("loading") : t("person_failed", { reason: card.reason })}
                        </p>
                    </div>
                )
            ) : (
                <>
                    <input
                        ref={search}
                        type="search"
                        className="atrium_CompanyDirectory_search"
                        aria-label={t("search")}
                        placeholder={t("search_placeholder")}
                        value={filters.q}
                        // eslint-disable-next-line jsx-a11y/no-autofocus -- opening the directory means searching it: the box takes focus
                        autoFocus
                        role="combobox"
                        aria-autocomplete="list"
                        aria-expanded={rows.length > 0}
                        aria-controls={listId}
                        aria-activedescendant={active >= 0 ? optionId(listId, active) : undefined}
                        onChange={(event) => setFilters((previous) => ({ ...previous, q: event.target.value }))}
                        onKeyDown={onSearchKeyDown}
                    />
                    {facets && state.kind === "directory" && (
                        <div className="atrium_CompanyDirectory_filters">
                            <select
                                aria-label={t("location")}
                                value={filters.location ?? ""}
                                onChange={(event) =>
                                    setFilters((previous) => ({ ...previous, location: event.target.value || null }))
                                }
                            >
                                <option value="">{t("all_locations")}</option>
                                {facets.locations.map((location) => (
                                    <option key={location.name} value={location.name}>
                                        {t("location_option", { name: location.name, count: location.head_count })}
                                    </option>
                                ))}
                            </select>
                            <button type="button" aria-expanded={treeOpen} onClick={() => setTreeOpen((open) => !open)}>
                                {t(treeOpen ? "hide_departments" : "browse_departments")}
                            </button>
                        </div>
                    )}
                    {facets && treeOpen && state.kind === "directory" && (
                        <DepartmentTree
                            departments={facets.departments}
                            headCount={facets.head_count}
                            selected={filters.department}
                            onSelect={(department) => setFilters((previous) => ({ ...previous, department }))}
                        />
                    )}
                    {notice}
                    {body}
                </>
            )}
        </section>
    );
}
