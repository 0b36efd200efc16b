import { ATRIUM_LANGUAGES } from "@atrium/sdk";

import { companyDirectoryStrings } from "./strings";

// Plural forms differ per language (Russian has few/many), so compare the keys without them.
const baseKeys = (strings: Record<string, string>): string[] =>
    [...new Set(Object.keys(strings).map((key) => key.replace(/_(zero|one|two|few|many|other)$/, "")))].sort();

describe("company-directory strings", () => {
    const english = baseKeys(companyDirectoryStrings.en);

    it.each([...ATRIUM_LANGUAGES])("has %s with the keys of en, none empty", (language) => {
        const strings = (companyDirectoryStrings as Record<string, Record<string, string>>)[language];
        expect(strings).toBeDefined();
        expect(baseKeys(strings)).toEqual(english);
        for (const value of Object.values(strings)) expect(value.trim()).not.toBe("");
    });
});
