// The panel's results: the directory service as you type (the newest keystroke wins, older requests
// are aborted and late answers dropped), paged on scroll; when the service or its source cannot
// answer, the homeserver's user directory instead, asked less often (it is rate-limited) and only
// for a typed name. Results are predicted in the render of the keystroke from the service's recent
// answers (searchCache.ts): a remembered or exactly predictable answer is shown without asking, the
// start of one is shown at once and replaced by the service's answer when it comes. Once the
// company's roster is in the page (localRoster.ts), it answers every query and page itself, exactly
// as the service would, and the service is not asked.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";

import { filterKey } from "../../../contract/directorySearch";
import { DirectoryError, type DirectoryErrorKind } from "./directoryClient";
import { localRosterOf, type LocalRoster } from "./localRoster";
import { SearchCache, type Prediction } from "./searchCache";
import type { DirectoryApi, ListedPerson, MatrixUser, PeopleApi, SourceStatus } from "./types";

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
          people: ListedPerson[];
          nextCursor: string | null;
          loadingMore: boolean;
          source: SourceStatus;
          /** Shown while the service is asked: a prediction's start of its answer, or the previous list. */
          pending: boolean;
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

/** What was last decided for a query (by the service, the cache or the fallback), and for which. */
interface Decided {
    key: string | null;
    state: ResultsState;
}

function predictedState(prediction: Prediction): ResultsState {
    return prediction.kind === "answer"
        ? {
              kind: "directory",
              people: prediction.people,
              nextCursor: prediction.nextCursor,
              loadingMore: false,
              source: prediction.source,
              pending: false,
          }
        : {
              kind: "directory",
              people: prediction.people,
              nextCursor: null,
              loadingMore: false,
              source: prediction.source,
              pending: true,
          };
}

/** The roster's answer to a query's first page, or null when it has no current copy. */
function rosterState(roster: LocalRoster, filters: SearchFilters): ResultsState | null {
    const search = roster.current();
    if (!search) return null;
    const page = search.search({ ...filters, limit: PAGE_SIZE });
    return {
        kind: "directory",
        people: page.people,
        nextCursor: page.next_cursor,
        loadingMore: false,
        source: roster.status(),
        pending: false,
    };
}

export function useDirectorySearch(
    api: DirectoryApi,
    people: PeopleApi,
    filters: SearchFilters,
): {
    state: ResultsState;
    loadMore(): void;
    retry(): void;
    /** What another of the service's answers said of its copy (a newer copy replaces the roster). */
    noteSource(source: SourceStatus): void;
} {
    const [decided, setDecided] = useState<Decided>({ key: null, state: { kind: "loading" } });
    const [attempt, setAttempt] = useState(0);
    const cache = useMemo(() => new SearchCache(), [api]); // eslint-disable-line react-hooks/exhaustive-deps -- another directory's answers must not be predicted from
    const roster = useMemo(() => localRosterOf(api), [api]);
    // Bumped when the roster becomes ready or is dropped, so what is shown is worked out again.
    const [rosterVersion, setRosterVersion] = useState(0);
    useEffect(() => {
        const unsubscribe = roster.subscribe(() => setRosterVersion((n) => n + 1));
        roster.ensure();
        return unsubscribe;
    }, [roster]);
    const downSince = useRef<number | null>(null);
    const downReason = useRef<DirectoryErrorKind>("unreachable");
    const current = useRef<AbortController | null>(null);
    const key = filterKey(filters);

    // In the render of the keystroke itself, not after it: what the cache knows of the new query.
    // The roster's answer for this key, worked out once in the render and kept by the effect below.
    const fromRoster = useRef<{ key: string; state: ResultsState } | null>(null);
    const shown = useMemo((): ResultsState => {
        if (decided.key === key) return decided.state;
        const local = rosterState(roster, filters);
        fromRoster.current = local ? { key, state: local } : null;
        if (local) return local;
        const serviceDown = downSince.current !== null && Date.now() - downSince.current < SERVICE_RETRY_MS;
        const prediction = serviceDown ? null : cache.predict(filters);
        if (prediction) return predictedState(prediction);
        // Nothing known of it yet: the previous list stays, marked as waiting, until the service answers.
        return decided.state.kind === "directory" ? { ...decided.state, pending: true } : decided.state;
    }, [decided, key, cache, roster, rosterVersion]); // eslint-disable-line react-hooks/exhaustive-deps -- the key stands for the filters' fields
    const shownRef = useRef(shown);
    shownRef.current = shown;

    useEffect(() => {
        current.current?.abort();
        const controller = new AbortController();
        current.current = controller;
        let timer: ReturnType<typeof setTimeout> | undefined;
        const decide = (state: ResultsState | ((previous: ResultsState) => ResultsState)): void =>
            setDecided((previous) => ({
                key,
                state: typeof state === "function" ? state(previous.state) : state,
            }));

        const showFallback = (reason: DirectoryErrorKind): void => {
            const term = filters.q.trim();
            if (!term) {
                decide({ kind: "fallback", reason, status: "prompt", users: [], limited: false });
                return;
            }
            decide((previous) => ({
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
                        decide({
                            kind: "fallback",
                            reason,
                            status: "done",
                            users: answer.users,
                            limited: answer.limited,
                        });
                    },
                    () => {
                        if (controller.signal.aborted) return;
                        decide({ kind: "fallback", reason, status: "failed", users: [], limited: false });
                    },
                );
            }, FALLBACK_DEBOUNCE_MS);
        };

        const local = fromRoster.current?.key === key ? fromRoster.current.state : rosterState(roster, filters);
        const known = cache.predict(filters);
        if (local) {
            // What the service would answer, from its own copy: kept as this query's answer.
            decide(local);
        } else if (downSince.current !== null && Date.now() - downSince.current < SERVICE_RETRY_MS) {
            showFallback(downReason.current);
        } else if (known?.kind === "answer") {
            // Remembered, or exactly predictable from a complete answer: the service would say the same.
            decide(predictedState(known));
        } else {
            api.search({ ...filters, limit: PAGE_SIZE }, controller.signal).then(
                (page) => {
                    // The service's answer to its own query, worth keeping even when a newer query won.
                    cache.remember(filters, page);
                    roster.noteSource(page.source);
                    if (controller.signal.aborted) return;
                    downSince.current = null;
                    decide({
                        kind: "directory",
                        people: page.people,
                        nextCursor: page.next_cursor,
                        loadingMore: false,
                        source: page.source,
                        pending: false,
                    });
                },
                (error: unknown) => {
                    if (controller.signal.aborted) return;
                    const reason = fallbackReason(error);
                    if (reason === null) {
                        decide({
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
    }, [api, people, key, attempt, roster]); // eslint-disable-line react-hooks/exhaustive-deps -- the key stands for the filters' fields

    const loadMore = useCallback((): void => {
        const now = shownRef.current;
        if (now.kind !== "directory" || now.pending || !now.nextCursor || now.loadingMore) return;
        const cursor = now.nextCursor;
        const local = roster.current();
        if (local) {
            // The roster continues from the service's own cursor, in the same order.
            const page = local.search({ ...filters, cursor, limit: PAGE_SIZE });
            setDecided({
                key,
                state: { ...now, people: [...now.people, ...page.people], nextCursor: page.next_cursor },
            });
            return;
        }
        const controller = current.current;
        setDecided({ key, state: { ...now, loadingMore: true } });
        api.search({ ...filters, cursor, limit: PAGE_SIZE }, controller?.signal).then(
            (page) => {
                cache.extend(filters, cursor, page);
                if (controller?.signal.aborted) return;
                setDecided((previous) =>
                    previous.key === key && previous.state.kind === "directory"
                        ? {
                              key,
                              state: {
                                  ...previous.state,
                                  people: [...previous.state.people, ...page.people],
                                  nextCursor: page.next_cursor,
                                  loadingMore: false,
                                  source: page.source,
                              },
                          }
                        : previous,
                );
            },
            () => {
                if (controller?.signal.aborted) return;
                // Keep what is shown; scrolling to the end again tries once more.
                setDecided((previous) =>
                    previous.key === key && previous.state.kind === "directory"
                        ? { key, state: { ...previous.state, loadingMore: false } }
                        : previous,
                );
            },
        );
    }, [api, cache, filters, key, roster]);

    const retry = useCallback((): void => {
        downSince.current = null;
        // "Try again" asks the service itself, not what it said before.
        cache.clear();
        setAttempt((n) => n + 1);
    }, [cache]);

    const noteSource = useCallback((source: SourceStatus): void => roster.noteSource(source), [roster]);

    return { state: shown, loadMore, retry, noteSource };
}
