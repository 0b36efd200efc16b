// A Matrix timestamp comes from whichever server sent the event: any integer JSON allows. Dates only
// cover ±8.64e15 ms, and the SDK's Intl formatters throw on anything else (CVE-2024-51750).

/** True when `ts` is a number a Date can hold, so the SDK's date formatters will not throw. */
export function isRenderableTimestamp(ts: unknown): ts is number {
    return typeof ts === "number" && Number.isFinite(ts) && !Number.isNaN(new Date(ts).getTime());
}
