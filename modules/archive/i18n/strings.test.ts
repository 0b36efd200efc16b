import { ATRIUM_LANGUAGES } from "@atrium/sdk";

import { archiveStrings } from "./strings";

// Plural forms differ by language (Russian has few and many): compare the keys without them.
const baseKeys = (strings: Record<string, string>): string[] =>
    [...new Set(Object.keys(strings).map((key) => key.replace(/_(zero|one|two|few|many|other)$/, "")))].sort();

describe("archive strings", () => {
    const english = baseKeys(archiveStrings.en);

    it.each([...ATRIUM_LANGUAGES])(
        "has %s with the keys of en, none empty, every plural with an 'other' form",
        (language) => {
            const strings = (archiveStrings as Record<string, Record<string, string>>)[language];
            expect(strings).toBeDefined();
            expect(baseKeys(strings)).toEqual(english);
            for (const [key, text] of Object.entries(strings)) {
                expect(text.trim()).not.toBe("");
                const plural = key.match(/^(.*)_(one|few|many)$/);
                if (plural) expect(strings[`${plural[1]}_other`]).toBeDefined();
            }
        },
    );

    it("keeps every placeholder of en in each language", () => {
        const placeholders = (text: string): string[] => (text.match(/\{\{\w+\}\}/g) ?? []).sort();
        for (const language of ATRIUM_LANGUAGES) {
            const strings = (archiveStrings as Record<string, Record<string, string>>)[language];
            for (const [key, text] of Object.entries(strings)) {
                const englishKey = Object.hasOwn(archiveStrings.en, key) ? key : key.replace(/_(few|many)$/, "_other");
                expect([language, key, placeholders(text)]).toEqual([
                    language,
                    key,
                    placeholders((archiveStrings.en as Record<string, string>)[englishKey]),
                ]);
            }
        }
    });
});
