// CVE-2026-55850: the SDK's EmbeddedPage put whatever HTML a home or welcome page URL returned straight
// into the app's own document, scripts' event handlers and all. Atrium's EmbeddedPage passes it through
// this allow-list first: text, layout, links and images stay; script, styles, frames, forms and
// every event handler go.
import sanitizeHtml from "sanitize-html";

const ALLOWED_TAGS = [
    ...["h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "span", "br", "hr", "blockquote", "pre", "code"],
    ...["section", "article", "header", "footer", "nav", "main", "aside", "figure", "figcaption"],
    ...["ul", "ol", "li", "dl", "dt", "dd", "strong", "em", "b", "i", "u", "s", "small", "sub", "sup"],
    ...["table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "a", "img"],
];

const OPTIONS: sanitizeHtml.IOptions = {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
        "*": ["class", "title", "role", "aria-label", "aria-hidden", "lang", "dir"],
        a: ["href", "target", "rel"],
        img: ["src", "alt", "width", "height"],
        td: ["colspan", "rowspan"],
        th: ["colspan", "rowspan", "scope"],
    },
    // Relative links (the SDK's pages use "#/dm", "#/directory") stay; only these schemes otherwise.
    allowedSchemes: ["https", "http", "mailto"],
    allowedSchemesByTag: { img: ["https", "http"] },
    allowProtocolRelative: false,
    // Dropped with their content, not unwrapped into text.
    nonTextTags: ["script", "style", "textarea", "option", "noscript", "template", "iframe", "object"],
    transformTags: {
        // A link that opens elsewhere must not hand the app's window to the page it opens.
        a: (tagName, attribs) => ({
            tagName,
            attribs: attribs.target ? { ...attribs, target: "_blank", rel: "noreferrer noopener" } : attribs,
        }),
    },
};

export function sanitizeEmbeddedPage(html: string): string {
    return sanitizeHtml(html, OPTIONS);
}
