// Wraps the SDK's LoggedInView (see sdk-replacements.json) to load it on demand: it and what only it
// imports (rooms, timeline, composer, settings) are a chunk of their own, kept off the sign-in page.
// src/seams/loggedInChunk.ts starts the fetch early; this renders a spinner until it is there,
// and a message with "Try again" if the fetch fails (the session and everything else stay).
import React, { Suspense, useMemo, useState } from "react";
import type OriginalLoggedInView from "$sdk-original/components/structures/LoggedInView";
import Spinner from "matrix-react-sdk/src/components/views/elements/Spinner";
import AccessibleButton from "matrix-react-sdk/src/components/views/elements/AccessibleButton";

import { useAtriumTranslation } from "@atrium/i18n/atriumI18n";
import { loadLoggedInView } from "./loggedInChunk";

type Props = OriginalLoggedInView["props"];

function LoadFailed({ onRetry }: { onRetry: () => void }): JSX.Element {
    const t = useAtriumTranslation();
    return (
        <div className="atrium_LoadFailed" role="alert">
            <p>{t("app.part_load_failed")}</p>
            <AccessibleButton kind="primary" onClick={onRetry}>
                {t("app.try_again")}
            </AccessibleButton>
        </div>
    );
}

/** The chunk could not be fetched (offline, server gone, a new version deployed meanwhile). */
class ChunkUnavailable extends Error {
    public constructor(public readonly cause: unknown) {
        super("The logged-in app could not be loaded");
    }
}

const loadOrExplain = (): ReturnType<typeof loadLoggedInView> =>
    loadLoggedInView().catch((cause: unknown) => {
        throw new ChunkUnavailable(cause);
    });

interface BoundaryProps {
    onRetry: () => void;
    children: React.ReactNode;
}

/** Catches only the failed fetch of the chunk; errors of the rendered app go to the SDK's boundaries. */
class ChunkLoadBoundary extends React.Component<BoundaryProps, { error?: unknown }> {
    public state: { error?: unknown } = {};

    public static getDerivedStateFromError(error: unknown): { error: unknown } {
        return { error };
    }

    public render(): React.ReactNode {
        const { error } = this.state;
        if (error === undefined) return this.props.children;
        // Any other error belongs to the boundaries above (the SDK's own).
        if (!(error instanceof ChunkUnavailable)) throw error;
        return <LoadFailed onRetry={this.props.onRetry} />;
    }
}

const LoggedInView = React.forwardRef<OriginalLoggedInView, Props>(function LoggedInView(props, ref) {
    const [attempt, setAttempt] = useState(0);
    // React.lazy remembers a failure for good: each attempt gets a lazy component of its own.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new attempt is exactly what makes a new lazy component
    const Lazy = useMemo(() => React.lazy(loadOrExplain), [attempt]);
    return (
        <ChunkLoadBoundary key={attempt} onRetry={() => setAttempt((n) => n + 1)}>
            <Suspense
                fallback={
                    <div className="mx_MatrixChat_splash">
                        <Spinner />
                    </div>
                }
            >
                <Lazy ref={ref} {...props} />
            </Suspense>
        </ChunkLoadBoundary>
    );
});

export default LoggedInView;
