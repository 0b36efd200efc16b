import { ATRIUM_LANGUAGES } from "@atrium/sdk";

import { policyBadgesStrings } from "./strings";

describe("policy-badges strings", () => {
    const english = Object.keys(policyBadgesStrings.en).sort();

    it.each([...ATRIUM_LANGUAGES])("has %s with exactly the keys of en, none empty", (language) => {
        const strings = (policyBadgesStrings as Record<string, Record<string, string>>)[language];
        expect(strings).toBeDefined();
        expect(Object.keys(strings).sort()).toEqual(english);
        for (const key of english) expect(strings[key].trim()).not.toBe("");
    });
});
