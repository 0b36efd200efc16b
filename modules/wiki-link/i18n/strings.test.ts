import { ATRIUM_LANGUAGES } from "@atrium/sdk";

import { wikiLinkStrings } from "./strings";

describe("wiki-link strings", () => {
    const english = Object.keys(wikiLinkStrings.en).sort();

    it.each([...ATRIUM_LANGUAGES])("has %s with exactly the keys of en, none empty", (language) => {
        const strings = (wikiLinkStrings as Record<string, Record<string, string>>)[language];
        expect(Object.keys(strings).sort()).toEqual(english);
        for (const key of english) expect(strings[key].trim()).not.toBe("");
    });
});
