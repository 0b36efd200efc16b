import { IdleQueue } from "./idleQueue";

describe("IdleQueue", () => {
    afterEach(() => jest.useRealTimers());

    it("works through each ID once, in the order first added", () => {
        const done: string[] = [];
        const queue = new IdleQueue((id) => done.push(id));
        queue.add(["a", "b", "a"]);
        queue.add(["c", "b"]);
        queue.drain();
        expect(done).toEqual(["a", "b", "c"]);
        expect(queue.size).toBe(0);
    });

    it("stops when the slice is spent and goes on from there in the next one", () => {
        const done: string[] = [];
        const queue = new IdleQueue((id) => done.push(id));
        queue.add(["a", "b", "c", "d"]);
        let left = 3;
        // Each item costs one unit; the queue stops once less than its margin (1) is left.
        queue.drain(() => left--);
        expect(done).toEqual(["a", "b", "c"]);
        expect(queue.size).toBe(1);
        queue.drain();
        expect(done).toEqual(["a", "b", "c", "d"]);
    });

    it("runs by itself in slices when the page is idle, until the queue is empty", () => {
        jest.useFakeTimers();
        const done: string[] = [];
        const queue = new IdleQueue((id) => {
            done.push(id);
            jest.advanceTimersByTime(3); // each item takes 3 ms of an 8 ms slice
        });
        queue.add(["a", "b", "c", "d", "e"]);
        expect(done).toEqual([]);
        jest.advanceTimersByTime(50);
        expect(done.length).toBeGreaterThan(0);
        expect(done.length).toBeLessThan(5);
        jest.runAllTimers();
        expect(done).toEqual(["a", "b", "c", "d", "e"]);
    });

    it("goes on in slices on a page that is never idle (the idle callback's timeout)", () => {
        const callbacks: IdleRequestCallback[] = [];
        const busy = { didTimeout: true, timeRemaining: (): number => 0 };
        window.requestIdleCallback = (callback: IdleRequestCallback): number => callbacks.push(callback);
        window.cancelIdleCallback = (): void => {};
        try {
            const done: string[] = [];
            new IdleQueue((id) => done.push(id)).add(["a", "b"]);
            callbacks.shift()!(busy);
            expect(done).toEqual(["a", "b"]);
            expect(callbacks).toHaveLength(0); // nothing left to ask for
        } finally {
            delete (window as Partial<Window>).requestIdleCallback;
            delete (window as Partial<Window>).cancelIdleCallback;
        }
    });

    it("forgets what is queued when cleared, and runs nothing more", () => {
        jest.useFakeTimers();
        const work = jest.fn();
        const queue = new IdleQueue(work);
        queue.add(["a", "b"]);
        queue.clear();
        jest.runAllTimers();
        expect(work).not.toHaveBeenCalled();
        expect(queue.size).toBe(0);
    });
});
