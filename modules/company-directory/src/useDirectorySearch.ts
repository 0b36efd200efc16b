// The panel's results: the directory service as you type (the newest keystroke wins, older requests
// are aborted), paged on scroll; when the service or its source cannot answer, the homeserver's
// user directory instead, asked less often (it is rate-limited) and only for a typed name.
import { useCallback, useEffect, useRef, useState } from "react";

import { DirectoryError, type DirectoryErrorKind } from "./directoryClient";
import type { DirectoryApi, DirectoryPerson, MatrixUser, PeopleApi, SourceStatus } from "./types";

export const PAGE_SIZE = 100;
/** Typing pause before the (rate-limited) homeserver directory is asked. */
export const FALLBACK_DEBOUNCE_MS = 300;
/** While the service is down, it is tried again at most this often (or at once with "Try again"). */
export const SERVICE_RETRY_MS = 30_000;

export interface SearchFilters {
    q: string;
    department: string | null;
    location: string | null;
}

export type ResultsState =
    | { kind: "loading" }
    | {
          kind: "directory";
          people: DirectoryPerson[];
          nextCursor: string | null;
          loadingMore: boolean;
          source: SourceStatus;
      }
    | {
          kind: "fallback";
          reason: DirectoryErrorKind;
          status: "prompt" | "loading" | "done" | "failed";
          users: MatrixUser[];
          limited: boolean;
      };

function fallbackReason(error: unknown): DirectoryErrorKind | null {
    if (!(error instanceof DirectoryError)) return "unreachable";
    return error.kind === "bad_request" || error.kind === "not_found" ? null : error.kind;
}

export function useDirectorySearch(
    api: DirectoryApi,
    people: PeopleApi,
    filters: SearchFilters,
): { state: ResultsState; loadMore(): void; retry(): void } {
    const [state, setState] = useState<ResultsState>({ kind: "loading" });
    const [attempt, setAttempt] = useState(0);
    const downSince = useRef<number | null>(null);
    const downReason = useRef<DirectoryErrorKind>("unreachable");
    const current = useRef<AbortController | null>(null);
    const stateRef = useRef(state);
    stateRef.current = state;

    useEffect(() => {
        current.current?.abort();
        const controller = new AbortController();
        current.current = controller;
        let timer: ReturnType<typeof setTimeout> | undefined;

        const showFallback = (reason: DirectoryErrorKind): void => {
            const term = filters.q.trim();
            if (!term) {
                setState({ kind: "fallback", reason, status: "prompt", users: [], limited: false });
                return;
            }
            setState((previous) => ({
                kind: "fallback",
                reason,
                status: "loading",
                users: previous.kind === "fallback" ? previous.users : [],
                limited: false,
            }));
            timer = setTimeout(() => {
                people.searchUserDirectory(term).then(
                    (answer) => {
                        if (controller.signal.aborted) return;
                        setState({
                            kind: "fallback",
                            reason,
                            status: "done",
                            users: answer.users,
                            limited: answer.limited,
                        });
                    },
                    () => {
                        if (controller.signal.aborted) return;
                        setState({ kind: "fallback", reason, status: "failed", users: [], limited: false });
                    },
                );
            }, FALLBACK_DEBOUNCE_MS);
        };

        if (downSince.current !== null && Date.now() - downSince.current < SERVICE_RETRY_MS) {
            showFallback(downReason.current);
        } else {
            setState((previous) => (previous.kind === "directory" ? previous : { kind: "loading" }));
            api.search({ ...filters, limit: PAGE_SIZE }, controller.signal).then(
                (page) => {
                    if (controller.signal.aborted) return;
                    downSince.current = null;
                    setState({
                        kind: "directory",
                        people: page.people,
                        nextCursor: page.next_cursor,
                        loadingMore: false,
                        source: page.source,
                    });
                },
                (error: unknown) => {
                    if (controller.signal.aborted) return;
                    const reason = fallbackReason(error);
                    if (reason === null) {
                        setState({
                            kind: "fallback",
                            reason: "unreachable",
                            status: "failed",
                            users: [],
                            limited: false,
                        });
                        return;
                    }
                    downSince.current = Date.now();
                    downReason.current = reason;
                    showFallback(reason);
                },
            );
        }
        return () => {
            controller.abort();
            if (timer) clearTimeout(timer);
        };
    }, [api, people, filters.q, filters.department, filters.location, attempt]); // eslint-disable-line react-hooks/exhaustive-deps -- the filters' fields, not the object, decide a new search

    const loadMore = useCallback((): void => {
        const now = stateRef.current;
        if (now.kind !== "directory" || !now.nextCursor || now.loadingMore) return;
        const controller = current.current;
        setState({ ...now, loadingMore: true });
        api.search({ ...filters, cursor: now.nextCursor, limit: PAGE_SIZE }, controller?.signal).then(
            (page) => {
                if (controller?.signal.aborted) return;
                setState((previous) =>
                    previous.kind === "directory"
                        ? {
                              ...previous,
                              people: [...previous.people, ...page.people],
                              nextCursor: page.next_cursor,
                              loadingMore: false,
                              source: page.source,
                          }
                        : previous,
                );
            },
            () => {
                if (controller?.signal.aborted) return;
                // Keep what is shown; scrolling to the end again tries once more.
                setState((previous) =>
                    previous.kind === "directory" ? { ...previous, loadingMore: false } : previous,
                );
            },
        );
    }, [api, filters]);

    const retry = useCallback((): void => {
        downSince.current = null;
        setAttempt((n) => n + 1);
    }, []);

    return { state, loadMore, retry };
}
