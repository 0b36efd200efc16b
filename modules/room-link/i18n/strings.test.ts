import { ATRIUM_LANGUAGES } from "@atrium/sdk";

import { roomLinkStrings } from "./strings";

describe("room-link strings", () => {
    const english = Object.keys(roomLinkStrings.en).sort();

    it.each([...ATRIUM_LANGUAGES])("has %s with exactly the keys of en, none empty", (language) => {
        const strings = (roomLinkStrings as Record<string, Record<string, string>>)[language];
        expect(strings).toBeDefined();
        expect(Object.keys(strings).sort()).toEqual(english);
        for (const key of english) expect(strings[key].trim()).not.toBe("");
    });
});
