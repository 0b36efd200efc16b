// Runs async jobs with at most `concurrency` in flight: Synapse handles a few requests at once
// well, a thousand at once badly.
export async function inPool<T, R>(
    items: readonly T[],
    concurrency: number,
    job: (item: T) => Promise<R>,
): Promise<R[]> {
    const results = new Array<R>(items.length);
    let next = 0;
    const worker = async (): Promise<void> => {
        while (next < items.length) {
            const i = next++;
            results[i] = await job(items[i]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
    return results;
}
