// Replaces the `katex` package for the SDK's importers (see sdk-replacements.json). The SDK draws
// maths (a labs feature) only in messages, yet its static import put all of katex on the sign-in
// page. The real katex now comes with the logged-in chunk (src/seams/loggedInApp.ts), which
// hands it over here before any message renders; until then a formula shows as its TeX source.
// Plain JavaScript: webpack swaps it in for a file of node_modules, which gets no TypeScript loader.
// Types: katexOnDemand.d.ts.

let provided;

/** Called by the logged-in chunk with the real katex. */
export function provideKatex(real) {
    provided = real;
}

function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function renderToString(tex, options) {
    if (provided) return provided.renderToString(tex, options);
    return `<code>${escapeHtml(String(tex))}</code>`;
}

// The one function the SDK uses (HtmlUtils).
export default { renderToString };
