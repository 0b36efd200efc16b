/** @jest-environment node */
// If-None-Match as clients and proxies really send it: repeated headers, padding, weak forms.
import { ifNoneMatchHits, strongEtag } from "./etag.ts";

const TAG = strongEtag("config");

describe("ifNoneMatchHits", () => {
    it("reads a header given several times (an array) as one list", () => {
        expect(ifNoneMatchHits(['"other"', TAG], TAG)).toBe(true);
        expect(ifNoneMatchHits(['"other"', '"another"'], TAG)).toBe(false);
    });

    it("takes a padded * as any tag", () => {
        expect(ifNoneMatchHits("  *  ", TAG)).toBe(true);
        // * inside a list is not the wildcard.
        expect(ifNoneMatchHits(`"a", *`, TAG)).toBe(false);
    });

    it("compares weakly: W/ only as a prefix is dropped", () => {
        expect(ifNoneMatchHits(` W/${TAG} `, TAG)).toBe(true);
        expect(ifNoneMatchHits(`"xW/${TAG.slice(1)}`, TAG)).toBe(false);
    });
});
