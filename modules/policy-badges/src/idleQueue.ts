// Room IDs worked through in the browser's idle time, a slice at a time, so that computing ahead
// for thousands of rooms never holds up a frame. Each ID is queued once however often it is added.

/** Longest slice when the browser gives no deadline (no requestIdleCallback: jsdom, old engines). */
const SLICE_MS = 8;
/** Time left in a slice below which the next item waits for the next slice. */
const MARGIN_MS = 1;

type Cancel = () => void;

/** A slice of SLICE_MS from now. */
function slice(): () => number {
    const end = performance.now() + SLICE_MS;
    return () => end - performance.now();
}

function whenIdle(run: (timeLeft: () => number) => void): Cancel {
    if (typeof requestIdleCallback === "function") {
        // On a page that is never idle the timeout calls anyway, with no time left: a slice then,
        // so the work still goes on.
        const handle = requestIdleCallback(
            (deadline) => run(deadline.didTimeout ? slice() : () => deadline.timeRemaining()),
            { timeout: 2_000 },
        );
        return () => cancelIdleCallback(handle);
    }
    const handle = setTimeout(() => run(slice()), 50);
    return () => clearTimeout(handle);
}

export class IdleQueue {
    private readonly pending = new Set<string>();
    private cancelSlice: Cancel | null = null;

    public constructor(private readonly work: (id: string) => void) {}

    public get size(): number {
        return this.pending.size;
    }

    public add(ids: Iterable<string>): void {
        for (const id of ids) this.pending.add(id);
        if (this.pending.size > 0) this.schedule();
    }

    public clear(): void {
        this.pending.clear();
        this.cancelSlice?.();
        this.cancelSlice = null;
    }

    /** Works through the queue in order until it is empty or `timeLeft()` says the slice is spent. */
    public drain(timeLeft: () => number = () => Infinity): void {
        for (const id of this.pending) {
            if (timeLeft() < MARGIN_MS) return;
            this.pending.delete(id);
            this.work(id);
        }
    }

    private schedule(): void {
        if (this.cancelSlice) return;
        this.cancelSlice = whenIdle((timeLeft) => {
            this.cancelSlice = null;
            this.drain(timeLeft);
            if (this.pending.size > 0) this.schedule();
        });
    }
}
