export interface FooterLink {
    text: string;
    url: string;
}

/** Only http(s) links with text: a `javascript:` URL from a broken config must never become a link. */
export function safeFooterLinks(links: unknown): FooterLink[] {
    if (!Array.isArray(links)) return [];
    return links.filter((link): link is FooterLink => {
        if (!link || typeof link.text !== "string" || !link.text.trim() || typeof link.url !== "string") return false;
        try {
            return ["http:", "https:"].includes(new URL(link.url).protocol);
        } catch {
            return false;
        }
    });
}
