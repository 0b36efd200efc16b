// CVE-2026-55850: the allow-list a home or welcome page passes through, element by element. Every
// allowed tag and attribute is kept (a page loses no layout), and what is not listed goes.
import { sanitizeEmbeddedPage } from "../../src/security/sanitizeEmbeddedPage";

const BLOCK_TAGS = ["h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "blockquote", "pre", "section", "article"];
const MORE_BLOCK_TAGS = ["header", "footer", "nav", "main", "aside", "figure", "figcaption", "ul", "ol", "dl"];
const INLINE_TAGS = ["span", "code", "strong", "em", "b", "i", "u", "s", "small", "sub", "sup", "a"];

describe("sanitizeEmbeddedPage", () => {
    it.each([...BLOCK_TAGS, ...MORE_BLOCK_TAGS, ...INLINE_TAGS])("keeps <%s>", (tag) => {
        expect(sanitizeEmbeddedPage(`<${tag}>text</${tag}>`)).toBe(`<${tag}>text</${tag}>`);
    });

    it("keeps list items, definitions and rules", () => {
        expect(sanitizeEmbeddedPage("<ul><li>one</li></ul><dl><dt>t</dt><dd>d</dd></dl><hr /><br />")).toBe(
            "<ul><li>one</li></ul><dl><dt>t</dt><dd>d</dd></dl><hr /><br />",
        );
    });

    it("keeps tables with their spans and header scope", () => {
        const table =
            '<table><caption>c</caption><thead><tr><th scope="col" colspan="2" rowspan="1">h</th></tr></thead>' +
            '<tbody><tr><td colspan="2" rowspan="1">d</td></tr></tbody><tfoot><tr><td>f</td></tr></tfoot></table>';
        expect(sanitizeEmbeddedPage(table)).toBe(table);
    });

    it("keeps the attributes any element may have, and drops others", () => {
        const kept = '<p class="c" title="t" role="note" aria-label="l" aria-hidden="true" lang="en" dir="ltr">x</p>';
        expect(sanitizeEmbeddedPage(kept)).toBe(kept);
        expect(sanitizeEmbeddedPage('<p id="i" style="color:red" data-x="1" onclick="alert(1)">x</p>')).toBe(
            "<p>x</p>",
        );
    });

    it("keeps images from http(s) with their size and text, and nothing else of them", () => {
        expect(sanitizeEmbeddedPage('<img src="https://example.org/a.png" alt="a" width="10" height="20" />')).toBe(
            '<img src="https://example.org/a.png" alt="a" width="10" height="20" />',
        );
        expect(sanitizeEmbeddedPage('<img src="http://example.org/a.png" />')).toBe(
            '<img src="http://example.org/a.png" />',
        );
        for (const src of [
            "data:image/png;base64,AAAA",
            "javascript:alert(1)",
            "mailto:a@example.org",
            "//evil.example/a.png",
        ]) {
            expect(sanitizeEmbeddedPage(`<img src="${src}" />`)).toBe("<img />");
        }
        expect(sanitizeEmbeddedPage('<img src="https://example.org/a.png" onerror="alert(1)" srcset="x 1x" />')).toBe(
            '<img src="https://example.org/a.png" />',
        );
    });

    it("keeps http(s), mailto and relative links; drops script, data and protocol-relative ones", () => {
        for (const href of ["https://example.org/", "http://example.org/", "mailto:it@example.org", "#/dm", "/help"]) {
            expect(sanitizeEmbeddedPage(`<a href="${href}">x</a>`)).toBe(`<a href="${href}">x</a>`);
        }
        for (const href of ["javascript:alert(1)", "data:text/html,x", "//evil.example/", "vbscript:x"]) {
            expect(sanitizeEmbeddedPage(`<a href="${href}">x</a>`)).toBe("<a>x</a>");
        }
    });

    it("makes a link that opens another window unable to reach back into the app", () => {
        expect(sanitizeEmbeddedPage('<a href="https://example.org/" target="_top" rel="opener">x</a>')).toBe(
            '<a href="https://example.org/" target="_blank" rel="noreferrer noopener">x</a>',
        );
        // A link that stays in the page keeps its own rel.
        expect(sanitizeEmbeddedPage('<a href="https://example.org/" rel="nofollow">x</a>')).toBe(
            '<a href="https://example.org/" rel="nofollow">x</a>',
        );
    });

    it.each(["script", "style", "textarea", "option", "noscript", "template", "iframe", "object"])(
        "drops <%s> with everything inside it",
        (tag) => {
            expect(sanitizeEmbeddedPage(`<p>before</p><${tag}>inside</${tag}><p>after</p>`)).toBe(
                "<p>before</p><p>after</p>",
            );
        },
    );

    it("unwraps other unknown elements, keeping their text", () => {
        expect(sanitizeEmbeddedPage("<form><button>Go</button><blink>text</blink></form>")).toBe("Gotext");
    });
});
