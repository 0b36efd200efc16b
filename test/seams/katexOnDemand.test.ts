// The SDK's maths go through a stand-in for katex that the logged-in chunk fills with the real one,
// so katex is not on the sign-in page.
import realKatex from "katex";

import type * as StandInModule from "../../src/seams/katexOnDemand";

/**
 * The stand-in and the SDK's HtmlUtils as a fresh page has them: the stand-in remembers the katex it
 * was given, so each test gets its own copy and none depends on another having run first.
 */
function freshPage(): {
    bodyToHtml: typeof import("matrix-react-sdk/src/HtmlUtils").bodyToHtml;
} & typeof StandInModule {
    let page!: ReturnType<typeof freshPage>;
    jest.isolateModules(() => {
        const settings = jest.requireActual("matrix-react-sdk/src/settings/SettingsStore").default;
        jest.spyOn(settings, "getValue").mockImplementation((name: unknown) => name === "feature_latex_maths");
        const standIn = jest.requireActual<typeof StandInModule>("../../src/seams/katexOnDemand");
        const { bodyToHtml } = jest.requireActual("matrix-react-sdk/src/HtmlUtils");
        page = { ...standIn, bodyToHtml };
    });
    return page;
}

const MATHS_MESSAGE = {
    body: "x^2",
    msgtype: "m.text",
    format: "org.matrix.custom.html",
    formatted_body: '<span data-mx-maths="x^2 + &lt;img src=x onerror=alert(1)&gt;">x^2</span>',
};

describe("katex stand-in", () => {
    afterEach(() => jest.restoreAllMocks());

    // Through the resolver the build uses (sdk-replacements.json): without the entry, HtmlUtils would
    // get the real katex and draw the formula here.
    it("is what the SDK's HtmlUtils gets for `katex`: until katex is provided, maths show as their source", () => {
        const { bodyToHtml } = freshPage();
        const html = bodyToHtml(MATHS_MESSAGE, []);
        expect(html).toContain("<code>x^2 + &lt;img src=x onerror=alert(1)&gt;</code>");
        expect(html).not.toContain('class="katex"');
    });

    it("before the logged-in chunk, shows a formula as its TeX source, as text", () => {
        const standIn = freshPage().default;
        expect(standIn.renderToString("a < b & <img onerror=x>")).toBe(
            "<code>a &#60; b &#38; &#60;img onerror=x&#62;</code>",
        );
    });

    it("once the real katex is there, the SDK's messages draw maths exactly as katex does", () => {
        const { bodyToHtml, provideKatex } = freshPage();
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
