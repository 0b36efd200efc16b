import { safeFooterLinks } from "./footerLinks";

describe("safeFooterLinks", () => {
    it("keeps http and https links with text, in order", () => {
        const links = [
            { text: "Privacy", url: "https://example.org/privacy" },
            { text: "Intranet", url: "http://intranet.example.org/" },
        ];
        expect(safeFooterLinks(links)).toEqual(links);
    });

    it.each([
        ["javascript:", "javascript:alert(document.cookie)"],
        ["javascript: in mixed case with spaces", "  JaVaScRiPt:alert(1)"],
        ["data:", "data:text/html,<script>alert(1)</script>"],
        ["vbscript:", "vbscript:msgbox(1)"],
        ["file:", "file:///etc/passwd"],
        ["a relative URL", "/privacy"],
        ["an unparseable URL", "http://"],
    ])("drops a %s link", (_name, url) => {
        expect(
            safeFooterLinks([
                { text: "Click", url },
                { text: "Safe", url: "https://example.org" },
            ]),
        ).toEqual([{ text: "Safe", url: "https://example.org" }]);
    });

    it.each([
        ["missing text", { url: "https://example.org" }],
        ["empty text", { text: "", url: "https://example.org" }],
        ["blank text", { text: "   ", url: "https://example.org" }],
        ["text that is not a string", { text: { html: "<b>x</b>" }, url: "https://example.org" }],
        ["a missing URL", { text: "Help" }],
        ["a URL that is not a string", { text: "Help", url: ["https://example.org"] }],
        ["null", null],
        ["a string", "https://example.org"],
    ])("drops an entry with %s", (_name, entry) => {
        expect(safeFooterLinks([entry])).toEqual([]);
    });

    it("gives no links for a value that is not a list", () => {
        expect(safeFooterLinks(undefined)).toEqual([]);
        expect(safeFooterLinks({ text: "Help", url: "https://example.org" })).toEqual([]);
        expect(safeFooterLinks("https://example.org")).toEqual([]);
    });
});
