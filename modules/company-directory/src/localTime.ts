// "Local time where known": the person's time zone (from the directory) as a wall-clock time.

/** The time at `now` in `timeZone` (e.g. "14:05"), or null when the zone is unknown or not one the browser knows. */
export function localTime(timeZone: string | null, now: Date, language: string): string | null {
    if (!timeZone) return null;
    try {
        return new Intl.DateTimeFormat(language, { timeZone, hour: "2-digit", minute: "2-digit" }).format(now);
    } catch {
        return null; // RangeError: a zone name the browser does not know
    }
}

/** How old a copy is, in its largest whole unit: the key of the string to show and the count. */
export function ageParts(seconds: number): {
    key: "age_seconds" | "age_minutes" | "age_hours" | "age_days";
    count: number;
} {
    if (seconds < 60) return { key: "age_seconds", count: Math.max(0, Math.floor(seconds)) };
    if (seconds < 3600) return { key: "age_minutes", count: Math.floor(seconds / 60) };
    if (seconds < 86400) return { key: "age_hours", count: Math.floor(seconds / 3600) };
    return { key: "age_days", count: Math.floor(seconds / 86400) };
}
