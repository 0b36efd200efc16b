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

    it("asks for one slice at a time, and none for nothing", () => {
        jest.useFakeTimers();
        const queue = new IdleQueue(() => {});
        queue.add([]);
        expect(jest.getTimerCount()).toBe(0);
        queue.add(["a"]);
        queue.add(["b"]);
        expect(jest.getTimerCount()).toBe(1);
        queue.clear();
        expect(jest.getTimerCount()).toBe(0); // the slice asked for is called off
    });

    it("asks the browser for idle time with a deadline, and calls it off when cleared", () => {
        const asked: { callback: IdleRequestCallback; options?: IdleRequestOptions }[] = [];
        const cancelled: number[] = [];
        window.requestIdleCallback = (callback, options): number => asked.push({ callback, options });
        window.cancelIdleCallback = (handle): void => void cancelled.push(handle);
        try {
            const done: string[] = [];
            const queue = new IdleQueue((id) => done.push(id));
            queue.add(["a", "b", "c"]);
            expect(asked).toHaveLength(1);
            expect(asked[0].options).toEqual({ timeout: 2_000 });
            // An idle period with room for one item: the rest waits for the next one.
            let left = 1.5;
            asked[0].callback({ didTimeout: false, timeRemaining: () => (left -= 0.5) });
            expect(done).toEqual(["a"]);
            expect(asked).toHaveLength(2);
            queue.clear();
            expect(cancelled).toEqual([2]);
        } finally {
            delete (window as Partial<Window>).requestIdleCallback;
            delete (window as Partial<Window>).cancelIdleCallback;
        }
    });
});
