export type StartupErrorKind = "config" | "server" | "browser" | "app" | "embed";

/** A failure of one start-up step, shown to the person on the static error page. */
export class StartupError extends Error {
    public constructor(
        public readonly kind: StartupErrorKind,
        public readonly detail: string,
        public readonly cause?: unknown,
    ) {
        super(detail);
        this.name = "StartupError";
    }
}

export function describeError(error: unknown): string {
    if (error instanceof Error) return error.message || error.name;
    return String(error);
}
