// The SDK's maths go through a stand-in for katex that the logged-in chunk fills with the real one,
// so katex is not on the sign-in page.
import realKatex from "katex";
import SettingsStore from "matrix-react-sdk/src/settings/SettingsStore";
import { bodyToHtml } from "matrix-react-sdk/src/HtmlUtils";

import standIn, { provideKatex } from "../../src/seams/katexOnDemand";

const MATHS_MESSAGE = {
    body: "x^2",
    msgtype: "m.text",
    format: "org.matrix.custom.html",
    formatted_body: '<span data-mx-maths="x^2 + &lt;img src=x onerror=alert(1)&gt;">x^2</span>',
};

describe("katex stand-in", () => {
    beforeEach(() => {
        jest.spyOn(SettingsStore, "getValue").mockImplementation((name: string) => name === "feature_latex_maths");
    });
    afterEach(() => jest.restoreAllMocks());

    // Through the resolver the build uses (sdk-replacements.json): without the entry, HtmlUtils would
    // get the real katex and draw the formula here. Runs first, before any test provides katex.
    it("is what the SDK's HtmlUtils gets for `katex`: until katex is provided, maths show as their source", () => {
        const html = bodyToHtml(MATHS_MESSAGE, []);
        expect(html).toContain("<code>x^2 + &lt;img src=x onerror=alert(1)&gt;</code>");
        expect(html).not.toContain('class="katex"');
    });

    it("before the logged-in chunk, shows a formula as its TeX source, as text", () => {
        expect(standIn.renderToString("a < b & <img onerror=x>")).toBe(
            "<code>a &#60; b &#38; &#60;img onerror=x&#62;</code>",
        );
    });

    it("once the real katex is there, the SDK's messages draw maths exactly as katex does", () => {
        provideKatex(realKatex);
        const html = bodyToHtml(MATHS_MESSAGE, []);
        const expected = realKatex.renderToString("x^2 + <img src=x onerror=alert(1)>", {
            throwOnError: false,
            displayMode: false,
            output: "htmlAndMathml",
        });
        expect(html).toContain(expected);
        expect(html).toContain('class="katex"');
        expect(html).not.toMatch(/<img/);
    });
});
