import { ageParts, localTime } from "./localTime";

describe("localTime", () => {
    const noonUtc = new Date("2026-06-01T12:00:00Z");

    it("gives the wall-clock time in the person's zone", () => {
        expect(localTime("Europe/Berlin", noonUtc, "en-GB")).toBe("14:00");
        expect(localTime("Asia/Singapore", noonUtc, "en-GB")).toBe("20:00");
    });

    it("is null for no zone and for a zone the browser does not know", () => {
        expect(localTime(null, noonUtc, "en")).toBeNull();
        expect(localTime("Mars/Olympus_Mons", noonUtc, "en")).toBeNull();
    });
});

describe("ageParts", () => {
    it.each([
        [-3, "age_seconds", 0],
        [42, "age_seconds", 42],
        [59.9, "age_seconds", 59],
        [60, "age_minutes", 1],
        [3600, "age_hours", 1],
        [86400, "age_days", 1],
        [125, "age_minutes", 2],
        [7260, "age_hours", 2],
        [200_000, "age_days", 2],
    ])("%s s is %s %s", (seconds, key, count) => {
        expect(ageParts(seconds)).toEqual({ key, count });
    });
});
