// What xWiki does with the macro's code, reproduced for tests: the wiki macro's content is wiki
// syntax 2.1 holding a {{velocity}} macro; xWiki runs the Velocity (Apache Velocity, Java) with
// `$wikimacro.parameters`, `$xwiki` and `$escapetool` bound, then renders the resulting wiki
// syntax: {{html}} content passes through as HTML, {{error}} becomes an error box. Java's own
// behaviours the code relies on are given here: String.matches (a whole-string match) and the
// escape tool's xml() and url() (java.net.URLEncoder, UTF-8).
import { render } from "velocityjs";

export interface MacroCall {
    parameters: Record<string, string>;
    /** The wiki's preferences (XWiki.XWikiPreferences). */
    preferences?: Record<string, string>;
}

/** EscapeTool.xml: the five XML entities. */
export function escapeXml(value: unknown): string {
    return String(value)
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/"/g, "&quot;")
        .replace(/'/g, "&#39;");
}

/** EscapeTool.url: java.net.URLEncoder.encode(value, "UTF-8"), which keeps only [A-Za-z0-9.*_-] and writes a space as "+". */
export function javaUrlEncode(value: unknown): string {
    return encodeURIComponent(String(value))
        .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
        .replace(/%20/g, "+");
}

function withJavaStrings<T>(run: () => T): T {
    const had = Object.prototype.hasOwnProperty.call(String.prototype, "matches");
    // Velocity calls the Java String's matches(regex): true when the regex matches the whole string.
    Object.defineProperty(String.prototype, "matches", {
        configurable: true,
        value(this: string, regex: string): boolean {
            return new RegExp(`^(?:${regex})$`).test(this);
        },
    });
    try {
        return run();
    } finally {
        if (!had) delete (String.prototype as unknown as Record<string, unknown>).matches;
    }
}

/** The Velocity inside the macro's {{velocity}} … {{/velocity}}. */
function velocityOf(code: string): string {
    const match = /^\{\{velocity\}\}\n?([\s\S]*?)\{\{\/velocity\}\}\s*$/.exec(code.trim());
    if (!match) throw new Error("The macro's code is not one {{velocity}} macro");
    return match[1];
}

/** Wiki syntax 2.1, as far as the macro's output uses it, to HTML. */
function wikiToHtml(wiki: string): string {
    const parts: string[] = [];
    const macro = /\{\{(html|error)(?: clean="false")?\}\}([\s\S]*?)\{\{\/\1\}\}/g;
    let last = 0;
    for (let m = macro.exec(wiki); m; m = macro.exec(wiki)) {
        const text = wiki.slice(last, m.index).trim();
        if (text) parts.push(`<p>${escapeXml(text)}</p>`);
        parts.push(m[1] === "html" ? m[2] : `<div class="box errormessage">${escapeXml(m[2])}</div>`);
        last = m.index + m[0].length;
    }
    const rest = wiki.slice(last).trim();
    if (rest) parts.push(`<p>${escapeXml(rest)}</p>`);
    return parts.join("\n");
}

/** The HTML a page shows for one use of the macro. */
export function renderWikiMacro(code: string, call: MacroCall): string {
    const context = {
        wikimacro: { parameters: call.parameters },
        xwiki: { getXWikiPreference: (name: string) => call.preferences?.[name] ?? "" },
        escapetool: { xml: escapeXml, url: javaUrlEncode },
    };
    const wiki = withJavaStrings(() => render(velocityOf(code), context));
    return wikiToHtml(wiki);
}
